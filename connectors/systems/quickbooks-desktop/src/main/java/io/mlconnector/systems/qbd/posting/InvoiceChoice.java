package io.mlconnector.systems.qbd.posting;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.QbAmounts;
import io.mlconnector.systems.qbd.xml.InvoiceRet;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which open invoice a payment pays, from the invoices QuickBooks returned.
 *
 * <p>An invoice named by the payment (its TxnID or number) is used when it belongs to the payment's
 * customer and still has a balance; the payment then pays at most that balance. Otherwise an open
 * invoice of the customer whose balance equals the payment exactly; of several, the one due first.
 */
public final class InvoiceChoice {

    /** The invoice and the part of the payment applied to it. */
    public record Choice(String txnId, String refNumber, Money applied) {
    }

    private InvoiceChoice() {
    }

    /** The named invoice, if it is this customer's and still open. */
    public static Optional<Choice> named(List<InvoiceRet> invoices, String customerListId, Money payment) {
        return invoices.stream()
                .filter(i -> belongsTo(i, customerListId))
                .filter(i -> balance(i, payment.currency()).minorUnits() > 0)
                .findFirst()
                .map(i -> {
                    Money balance = balance(i, payment.currency());
                    Money applied = balance.compareTo(payment) < 0 ? balance : payment;
                    return new Choice(i.getTxnID(), i.getRefNumber(), applied);
                });
    }

    /** The customer's open invoice for exactly this amount, the one due first when there are several. */
    public static Optional<Choice> sameAmount(List<InvoiceRet> invoices, String customerListId, Money payment) {
        return invoices.stream()
                .filter(i -> belongsTo(i, customerListId))
                .filter(i -> balance(i, payment.currency()).equals(payment))
                .min(Comparator.comparing((InvoiceRet i) -> nullLast(i.getDueDate()))
                        .thenComparing(i -> nullLast(i.getTxnDate()))
                        .thenComparing(i -> nullLast(i.getRefNumber())))
                .map(i -> new Choice(i.getTxnID(), i.getRefNumber(), payment));
    }

    private static boolean belongsTo(InvoiceRet invoice, String customerListId) {
        return invoice.getCustomerRef() != null && customerListId.equals(invoice.getCustomerRef().getListID());
    }

    private static Money balance(InvoiceRet invoice, String currency) {
        if (invoice.getBalanceRemaining() == null) {
            return Money.ofMinor(0, currency);
        }
        try {
            return QbAmounts.toMoney(invoice.getBalanceRemaining(), currency);
        } catch (IllegalArgumentException e) {
            return Money.ofMinor(0, currency);
        }
    }

    private static String nullLast(String value) {
        return value == null ? "\uffff" : value;
    }
}
