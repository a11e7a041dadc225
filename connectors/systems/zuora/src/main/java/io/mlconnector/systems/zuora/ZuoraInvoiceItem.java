package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an invoice.
 *
 * @param productRatePlanChargeId the catalogue charge it was billed from, for mapping to an item in the books
 * @param amount                  the line's charge amount, without tax
 */
public record ZuoraInvoiceItem(String id, String chargeName, String productRatePlanChargeId, String sku,
                               BigDecimal quantity, Money amount, LocalDate serviceStartDate, LocalDate serviceEndDate) {

    static ZuoraInvoiceItem from(JsonNode json, String currency) {
        JsonNode quantity = json.get("quantity");
        return new ZuoraInvoiceItem(ZuoraJson.text(json, "id"), ZuoraJson.text(json, "chargeName"),
                ZuoraJson.text(json, "productRatePlanChargeId"), ZuoraJson.text(json, "sku"),
                quantity == null || quantity.isNull() ? null : quantity.decimalValue(),
                ZuoraJson.money(json, "chargeAmount", currency),
                ZuoraJson.date(json, "serviceStartDate"), ZuoraJson.date(json, "serviceEndDate"));
    }
}
