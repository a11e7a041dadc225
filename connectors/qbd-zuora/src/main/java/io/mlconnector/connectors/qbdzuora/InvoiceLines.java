package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.QbAmounts;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.xml.SalesLineAdd;
import io.mlconnector.systems.zuora.ZuoraInvoiceItem;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A Zuora invoice item as a QuickBooks invoice line: the item named for its charge, or the default item. */
final class InvoiceLines {

    private InvoiceLines() {
    }

    static SalesLineAdd line(ZuoraInvoiceItem item, ConnectorContext ctx) {
        SalesLineAdd line = new SalesLineAdd();
        line.setItemRef(QbRefs.fullName(itemFor(item.chargeName(), ctx)));
        line.setDesc(QbText.clean(item.chargeName()));
        // The amount is Zuora's; QuickBooks works the rate out from it and the quantity.
        if (item.quantity() != null && item.quantity().signum() > 0) {
            line.setQuantity(item.quantity().stripTrailingZeros().toPlainString());
        }
        line.setAmount(QbAmounts.toAmount(item.amount()));
        if (item.serviceStartDate() != null) {
            line.setServiceDate(QbDates.date(item.serviceStartDate()));
        }
        return line;
    }

    /** The QuickBooks item for a charge: "Charge name = Item" lines of the settings, else the default item. */
    static String itemFor(String chargeName, ConnectorContext ctx) {
        Map<String, String> byCharge = new HashMap<>();
        for (String row : ctx.settings().get(Keys.CHARGE_ITEMS, "").split("\\R")) {
            int eq = row.indexOf('=');
            if (eq > 0 && !row.substring(eq + 1).isBlank()) {
                byCharge.put(row.substring(0, eq).strip().toLowerCase(Locale.ROOT), row.substring(eq + 1).strip());
            }
        }
        String named = chargeName == null ? null : byCharge.get(chargeName.strip().toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        return ctx.settings().get(Keys.DEFAULT_ITEM).filter(s -> !s.isBlank()).orElseThrow(() -> new CannotProcess(
                "Choose the QuickBooks item for Zuora invoice lines in the connection's settings."));
    }
}
