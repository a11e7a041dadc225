package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment and the invoices it was applied to. Zuora's statuses: Draft, Processing, Processed,
 * Error, Canceled, Posted.
 */
public record ZuoraPayment(String id, String paymentNumber, String accountId, String status, LocalDate effectiveDate,
                           Money amount, Money refundAmount, Instant updatedDate, List<ZuoraPaymentApplication> applications) {

    public ZuoraPayment {
        applications = List.copyOf(applications);
    }

    /** Money received: Processed (or Posted, for external payments). */
    public boolean received() {
        return "Processed".equalsIgnoreCase(status) || "Posted".equalsIgnoreCase(status);
    }

    /** Cancelled or failed after it may already have been recorded: the books must take it back. */
    public boolean reversed() {
        return "Canceled".equalsIgnoreCase(status) || "Cancelled".equalsIgnoreCase(status) || "Error".equalsIgnoreCase(status);
    }

    public String currency() {
        return amount.currency();
    }

    static ZuoraPayment from(JsonNode json, String currency) {
        List<ZuoraPaymentApplication> applications = new ArrayList<>();
        for (JsonNode application : json.path("paymentApplications")) {
            String invoiceId = ZuoraJson.text(application, "invoiceId");
            if (invoiceId != null && !invoiceId.isBlank()) {
                applications.add(new ZuoraPaymentApplication(invoiceId, ZuoraJson.money(application, "appliedAmount", currency)));
            }
        }
        return new ZuoraPayment(ZuoraJson.text(json, "id"), ZuoraJson.text(json, "paymentNumber"),
                ZuoraJson.text(json, "accountId"), ZuoraJson.text(json, "status"),
                ZuoraJson.date(json, "effectiveDate"), ZuoraJson.money(json, "amount", currency),
                ZuoraJson.money(json, "refundAmount", currency), ZuoraJson.instant(json, "updatedDate"), applications);
    }
}
