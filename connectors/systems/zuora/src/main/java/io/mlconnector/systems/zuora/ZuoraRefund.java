package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Money paid back to a customer, from a payment ({@code paymentId}) or from the account's credit
 * balance ({@code paymentId} null). Zuora's statuses: Processing, Processed, Error, Canceled.
 */
public record ZuoraRefund(String id, String refundNumber, String accountId, String paymentId, String status,
                          LocalDate refundDate, Money amount, Instant updatedDate) {

    public boolean processed() {
        return "Processed".equalsIgnoreCase(status);
    }

    public String currency() {
        return amount.currency();
    }

    static ZuoraRefund from(JsonNode json, String currency) {
        return new ZuoraRefund(ZuoraJson.text(json, "id"), ZuoraJson.text(json, "refundNumber"),
                ZuoraJson.text(json, "accountId"), ZuoraJson.text(json, "paymentId"), ZuoraJson.text(json, "status"),
                ZuoraJson.date(json, "refundDate"), ZuoraJson.money(json, "amount", currency),
                ZuoraJson.instant(json, "updatedDate"));
    }
}
