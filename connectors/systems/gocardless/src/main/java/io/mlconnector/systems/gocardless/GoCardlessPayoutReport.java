package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.Payout;
import io.mlconnector.api.payout.PayoutItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A GoCardless payout as every pair reports it for the Payouts page: one item per payment paid out
 * and per refund, one item for all fees together (GoCardless records some fees in fractions of a
 * penny; their sum is rounded half-even, so it may differ from what GoCardless kept by a penny, which
 * the page explains), and one item per other credit or debit (charge-backs, returned funds).
 */
public final class GoCardlessPayoutReport {

    private GoCardlessPayoutReport() {
    }

    /**
     * @param paymentKind the sync-record kind under which the pair carries payments into the books
     * @param refundKind  the same for refunds
     */
    public static Payout of(GoCardlessPayout payout, List<GoCardlessPayoutItem> items, String paymentKind, String refundKind) {
        String currency = payout.currency();
        List<PayoutItem> parts = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (GoCardlessPayoutItem item : items) {
            if (item.isFee()) {
                fees = fees.add(item.exactMinorUnits());
                continue;
            }
            Money amount = Money.ofMinor(item.exactMinorUnits().setScale(0, RoundingMode.HALF_EVEN).longValueExact(), currency);
            if ("payment_paid_out".equals(item.type()) && item.paymentId() != null) {
                parts.add(PayoutItem.payment(item.paymentId(), amount, paymentKind, null));
            } else if ("refund".equals(item.type()) && item.refundId() != null) {
                parts.add(new PayoutItem(PayoutItem.Type.REFUND, item.refundId(), amount, refundKind, null));
            } else {
                String about = item.paymentId() != null ? item.paymentId() : item.refundId();
                parts.add(PayoutItem.other(about, amount, describe(item.type()) + (about == null ? "" : " (" + about + ")")));
            }
        }
        long roundedFees = fees.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        if (roundedFees != 0) {
            parts.add(new PayoutItem(PayoutItem.Type.FEE, null, Money.ofMinor(roundedFees, currency), null,
                    roundedFees < 0 ? "GoCardless fees" : "GoCardless fees returned"));
        }
        LocalDate date = payout.arrivalDate() != null ? payout.arrivalDate()
                : payout.createdAt() != null ? LocalDate.ofInstant(payout.createdAt(), ZoneOffset.UTC) : LocalDate.now(ZoneOffset.UTC);
        return new Payout(payout.id(), date, payout.amount(), payout.reference(), parts);
    }

    /** "payment_charged_back" → "Payment charged back". */
    static String describe(String type) {
        String words = type.replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
