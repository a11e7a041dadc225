package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An invoice with its items. Zuora's statuses: Draft, Posted, Canceled, Error. */
public record ZuoraInvoice(String id, String invoiceNumber, String accountId, String status, LocalDate invoiceDate,
                           LocalDate dueDate, Money amount, Money balance, Instant updatedDate, List<ZuoraInvoiceItem> items) {

    public ZuoraInvoice {
        items = List.copyOf(items);
    }

    public boolean posted() {
        return "Posted".equalsIgnoreCase(status);
    }

    public boolean canceled() {
        return "Canceled".equalsIgnoreCase(status) || "Cancelled".equalsIgnoreCase(status);
    }

    public String currency() {
        return amount.currency();
    }

    static ZuoraInvoice from(JsonNode json, String currency) {
        List<ZuoraInvoiceItem> items = new ArrayList<>();
        for (JsonNode item : json.path("invoiceItems")) {
            items.add(ZuoraInvoiceItem.from(item, currency));
        }
        return new ZuoraInvoice(ZuoraJson.text(json, "id"), ZuoraJson.text(json, "invoiceNumber"),
                ZuoraJson.text(json, "accountId"), ZuoraJson.text(json, "status"),
                ZuoraJson.date(json, "invoiceDate"), ZuoraJson.date(json, "dueDate"),
                ZuoraJson.money(json, "amount", currency), ZuoraJson.money(json, "balance", currency),
                ZuoraJson.instant(json, "updatedDate"), items);
    }
}
