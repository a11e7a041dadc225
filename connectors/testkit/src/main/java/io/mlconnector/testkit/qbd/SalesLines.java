package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Invoice and credit-memo lines: reading InvoiceLineAdd / CreditMemoLineAdd / InvoiceLineMod and
 * writing InvoiceLineRet / CreditMemoLineRet. A line's amount is the given Amount, otherwise
 * Quantity x Rate (the item's price when no rate is given), rounded to the currency's decimals.
 */
final class SalesLines {

    private SalesLines() {
    }

    static SalesLine fromAdd(Element lineAdd, MessageContext ctx, String txnType) {
        SalesLine line = new SalesLine();
        line.txnLineId = ctx.data.newTxnId();
        update(line, lineAdd, ctx, txnType);
        return line;
    }

    /** Applies the fields present in an Add or Mod line element. */
    static void update(SalesLine line, Element source, MessageContext ctx, String txnType) {
        Element itemRef = Xml.child(source, "ItemRef");
        ItemEntity item = null;
        if (itemRef != null) {
            item = ctx.item(itemRef, txnType);
            line.itemListId = item.listId;
        } else if (line.itemListId != null) {
            item = ctx.data.items.get(line.itemListId);
        }
        String desc = Xml.text(source, "Desc");
        if (desc != null) {
            line.desc = desc;
        } else if (line.desc == null && item != null) {
            line.desc = item.desc;
        }
        String quantity = Xml.text(source, "Quantity");
        if (quantity != null) {
            line.quantity = quantity;
        }
        String rate = Xml.text(source, "Rate");
        if (rate != null) {
            line.rate = rate;
        }
        String serviceDate = Xml.text(source, "ServiceDate");
        if (serviceDate != null) {
            line.serviceDate = QbValues.date(serviceDate, "ServiceDate");
        }
        String amount = Xml.text(source, "Amount");
        if (amount != null) {
            line.amount = ctx.amount(amount);
        } else if (line.rate != null || quantity != null || line.amount == null) {
            String unit = line.rate != null ? line.rate : (item != null ? item.price : null);
            line.amount = unit == null ? ctx.zero() : times(line.quantity, unit, ctx);
            if (line.rate == null && unit != null) {
                line.rate = unit;
            }
        }
    }

    private static Money times(String quantity, String rate, MessageContext ctx) {
        // Quantity and Rate were checked as decimals when the request was parsed.
        BigDecimal q = quantity == null ? BigDecimal.ONE : new BigDecimal(quantity);
        BigDecimal value = q.multiply(new BigDecimal(rate));
        int exponent = ctx.zero().exponent();
        return Money.parse(value.setScale(exponent, RoundingMode.HALF_UP).toPlainString(), ctx.data.currency);
    }

    static void writeLines(RetWriter w, String lineRetName, List<SalesLine> lines, MessageContext ctx) {
        for (SalesLine line : lines) {
            w.open(lineRetName).leaf("TxnLineID", line.txnLineId);
            ctx.ref(w, "ItemRef", line.itemListId);
            w.leaf("Desc", line.desc)
                    .leaf("Quantity", line.quantity)
                    .leaf("Rate", line.rate)
                    .leaf("Amount", ctx.amount(line.amount))
                    .leaf("ServiceDate", line.serviceDate == null ? null : line.serviceDate.toString());
            w.close();
        }
    }
}
