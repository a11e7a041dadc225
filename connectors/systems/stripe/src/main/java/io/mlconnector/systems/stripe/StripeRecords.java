package io.mlconnector.systems.stripe;

import com.stripe.model.Address;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import io.mlconnector.api.money.Money;

/** stripe-java's models → our records, amounts as {@link Money} in the object's currency. */
final class StripeRecords {

    private StripeRecords() {
    }

    static StripeCustomer customer(Customer c) {
        Address a = c.getAddress();
        StripeAddress address = a == null ? null : new StripeAddress(a.getLine1(), a.getLine2(), a.getCity(),
                a.getState(), a.getPostalCode(), a.getCountry());
        return new StripeCustomer(c.getId(), c.getName(), c.getEmail(), c.getPhone(), address,
                StripeApi.metadata(c.getMetadata()), Boolean.TRUE.equals(c.getLivemode()) ? StripeMode.LIVE
                : StripeMode.TEST);
    }

    static StripePayment payment(PaymentIntent pi) {
        Charge charge = pi.getLatestChargeObject();
        String currency = pi.getCurrency();
        long amount = pi.getAmountReceived() != null && pi.getAmountReceived() > 0 ? pi.getAmountReceived()
                : pi.getAmount();
        long refunded = charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
        return new StripePayment(pi.getId(), pi.getLatestCharge(), pi.getCustomer(), money(amount, currency),
                money(refunded, currency), pi.getStatus(), charge != null && Boolean.TRUE.equals(charge.getDisputed()),
                StripeApi.metadata(pi.getMetadata()), pi.getDescription(), StripeApi.instant(pi.getCreated()));
    }

    static StripePayment payment(Charge ch) {
        String currency = ch.getCurrency();
        long captured = ch.getAmountCaptured() != null && ch.getAmountCaptured() > 0 ? ch.getAmountCaptured()
                : ch.getAmount();
        return new StripePayment(ch.getPaymentIntent(), ch.getId(), ch.getCustomer(), money(captured, currency),
                money(ch.getAmountRefunded() == null ? 0 : ch.getAmountRefunded(), currency), ch.getStatus(),
                Boolean.TRUE.equals(ch.getDisputed()), StripeApi.metadata(ch.getMetadata()), ch.getDescription(),
                StripeApi.instant(ch.getCreated()));
    }

    static StripeRefund refund(Refund r) {
        return new StripeRefund(r.getId(), r.getCharge(), r.getPaymentIntent(), money(r.getAmount(), r.getCurrency()),
                r.getStatus(), StripeApi.instant(r.getCreated()));
    }

    static StripeDispute dispute(Dispute d) {
        String currency = d.getCurrency();
        long withdrawn = 0;
        long fees = 0;
        String feeCurrency = currency;
        if (d.getBalanceTransactions() != null) {
            for (BalanceTransaction t : d.getBalanceTransactions()) {
                withdrawn -= t.getAmount();
                fees += t.getFee();
                feeCurrency = t.getCurrency();
            }
        }
        return new StripeDispute(d.getId(), d.getCharge(), d.getPaymentIntent(), money(d.getAmount(), currency),
                d.getStatus(), d.getReason(), money(withdrawn, feeCurrency), money(fees, feeCurrency));
    }

    static StripePayout payout(Payout p) {
        return new StripePayout(p.getId(), money(p.getAmount(), p.getCurrency()), p.getStatus(),
                Boolean.TRUE.equals(p.getAutomatic()), StripeApi.instant(p.getArrivalDate()));
    }

    static StripeBalanceTransaction balanceTransaction(BalanceTransaction t) {
        String currency = t.getCurrency();
        String paymentIntent = t.getSourceObject() instanceof Charge charge ? charge.getPaymentIntent() : null;
        return new StripeBalanceTransaction(t.getId(), t.getType(), t.getReportingCategory(),
                money(t.getAmount(), currency), money(t.getFee(), currency), money(t.getNet(), currency),
                t.getSource(), paymentIntent);
    }

    static StripeInvoice invoice(Invoice i) {
        String currency = i.getCurrency();
        return new StripeInvoice(i.getId(), i.getCustomer(), i.getNumber(), i.getStatus(),
                money(i.getTotal() == null ? 0 : i.getTotal(), currency),
                money(i.getAmountRemaining() == null ? 0 : i.getAmountRemaining(), currency),
                StripeApi.metadata(i.getMetadata()));
    }

    private static Money money(Long minor, String currency) {
        return Money.ofMinor(minor == null ? 0 : minor, currency);
    }
}
