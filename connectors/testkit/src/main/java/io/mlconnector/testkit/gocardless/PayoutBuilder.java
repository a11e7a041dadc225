package io.mlconnector.testkit.gocardless;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes a payout line by line, then creates it in the fake:
 *
 * <pre>{@code
 * String payoutId = fake.payout("GBP")
 *         .payment(pm1, 20)          // +amount of pm1, then a -20 gocardless_fee
 *         .payment(pm2, 20, 50)      // ... and a -50 app_fee
 *         .refund(rf1)               // -amount of rf1
 *         .create();
 * }</pre>
 *
 * The payout's amount is the sum of its items and {@code deducted_fees} the fees taken off, as on a
 * GoCardless payout. Payments that are not yet confirmed are moved there first, generating their
 * events, the way a real payment reaches a payout.
 */
public final class PayoutBuilder {

    private final FakeGoCardless fake;
    private final String currency;
    private final List<GcStore.PayoutLine> lines = new ArrayList<>();
    private LocalDate arrivalDate;

    PayoutBuilder(FakeGoCardless fake, String currency) {
        this.fake = fake;
        this.currency = currency.toUpperCase(Locale.ROOT);
    }

    /** The payment's full amount as a {@code payment_paid_out} item, with no fee. */
    public PayoutBuilder payment(String paymentId) {
        return payment(paymentId, 0, 0);
    }

    /** The payment, then a {@code gocardless_fee} item of {@code gocardlessFee} minor units (if not 0). */
    public PayoutBuilder payment(String paymentId, long gocardlessFee) {
        return payment(paymentId, gocardlessFee, 0);
    }

    /** The payment, its GoCardless fee and an {@code app_fee} item (each skipped when 0). */
    public PayoutBuilder payment(String paymentId, long gocardlessFee, long appFee) {
        long amount = fake.payment(paymentId).path("amount").asLong();
        lines.add(new GcStore.PayoutLine("payment_paid_out", BigDecimal.valueOf(amount), paymentId, null, null));
        if (gocardlessFee != 0) {
            lines.add(new GcStore.PayoutLine("gocardless_fee", BigDecimal.valueOf(-gocardlessFee), paymentId, null, null));
        }
        if (appFee != 0) {
            lines.add(new GcStore.PayoutLine("app_fee", BigDecimal.valueOf(-appFee), paymentId, null, null));
        }
        return this;
    }

    /** A refund paid to the customer, deducted from the payout as a {@code refund} item. */
    public PayoutBuilder refund(String refundId) {
        var refund = fake.refund(refundId);
        long amount = refund.path("amount").asLong();
        String paymentId = refund.path("links").path("payment").asText(null);
        lines.add(new GcStore.PayoutLine("refund", BigDecimal.valueOf(-amount), paymentId, refundId, null));
        return this;
    }

    /**
     * Any other item, e.g. {@code payment_charged_back} or a fee of fractional minor units
     * ({@code new BigDecimal("-12.5")}); GoCardless records some fees more precisely than it can pay.
     */
    public PayoutBuilder item(String type, BigDecimal amountInMinorUnits, String paymentId, String refundId) {
        lines.add(new GcStore.PayoutLine(Objects.requireNonNull(type), Objects.requireNonNull(amountInMinorUnits),
                paymentId, refundId, null));
        return this;
    }

    public PayoutBuilder arrivalDate(LocalDate date) {
        this.arrivalDate = date;
        return this;
    }

    /** Creates the payout (status paid) with its items and events; returns its id. */
    public String create() {
        return fake.createPayout(currency, List.copyOf(lines), arrivalDate);
    }
}
