package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbo.QboDeposit;
import io.mlconnector.systems.qbo.QboPayment;
import io.mlconnector.systems.qbo.QuickBooksOnline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A GoCardless payout becomes one QuickBooks Online deposit into the payout bank account: the
 * payments it contains (linked from Undeposited Funds), the fees as one negative line on the fee
 * account, and everything else (refunds, charge-backs, payments recorded elsewhere, rounding) on the
 * clearing account, so the deposit equals the payout to the penny.
 */
final class PayoutFlow {

    static final String KIND = "payout";

    void paid(String payoutId, QuickBooksOnline books, GoCardlessApi gc, ConnectorContext ctx) {
        if (ctx.ids().target(Ledger.PAYOUT, payoutId).isPresent()) {
            return;
        }
        GoCardlessPayout payout = GoCardlessCalls.call(() -> gc.getPayout(payoutId));
        ctx.syncRecords().open(KIND, payoutId, "GoCardless payout " + payoutId + " of " + payout.amount());
        String bank = Books.requireSetting(ctx, Keys.BANK_ACCOUNT, "bank account for payouts");
        String fees = Books.requireSetting(ctx, Keys.FEE_ACCOUNT, "account for GoCardless fees");
        String clearing = Books.requireSetting(ctx, Keys.CLEARING_ACCOUNT, "GoCardless clearing account");
        List<GoCardlessPayoutItem> items = GoCardlessCalls.call(() -> gc.listPayoutItems(payout));
        String currency = payout.currency();
        QboDeposit.Builder deposit = QboDeposit.into(bank, payout.arrivalDate(), currency)
                .memo("GoCardless payout " + payoutId + (payout.reference() == null ? "" : " " + payout.reference()));
        BigDecimal feeExact = BigDecimal.ZERO;
        BigDecimal otherExact = BigDecimal.ZERO;
        Optional<String> depositAccount = ctx.settings().get(Keys.DEPOSIT_ACCOUNT).filter(s -> !s.isBlank());
        Money elsewhere = Money.ofMinor(0, currency);
        for (GoCardlessPayoutItem item : items) {
            Optional<String> posted = "payment_paid_out".equals(item.type()) && item.paymentId() != null
                    ? ctx.ids().target(Ledger.PAYMENT, item.paymentId()) : Optional.empty();
            if (posted.isEmpty() && "payment_paid_out".equals(item.type()) && item.paymentId() != null
                    && ctx.ids().source(Ledger.INVOICE_PAYMENT, item.paymentId()).isPresent()) {
                // One of ours whose collection is not recorded yet: the deposit waits for it.
                throw new RetryLater("Payout " + payoutId + " waits until payment " + item.paymentId() + " is recorded in QuickBooks Online");
            }
            if (posted.isPresent() && depositAccount.isEmpty()) {
                QboPayment payment = books.payment(posted.get());
                if (!payment.total().equals(item.amount())) {
                    throw new CannotProcess("Payment " + item.paymentId() + " is " + payment.total()
                            + " in QuickBooks Online but " + item.amount() + " in the payout");
                }
                deposit.payment(posted.get(), payment.total());
            } else if (posted.isPresent()) {
                elsewhere = elsewhere.plus(item.amount()); // recorded into the chosen account: moved from there
            } else if (item.isFee()) {
                feeExact = feeExact.add(item.exactMinorUnits());
            } else {
                otherExact = otherExact.add(item.exactMinorUnits());
            }
        }
        if (!elsewhere.isZero()) {
            deposit.account(depositAccount.get(), elsewhere, "GoCardless payments");
        }
        Money fee = Money.ofMinor(feeExact.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), currency);
        if (!fee.isZero()) {
            deposit.account(fees, fee, "GoCardless fees");
        }
        // Whatever is left (other items, and GoCardless's rounding of fractional fees) settles on the clearing account.
        Money rest = payout.amount().minus(deposit.total());
        if (!rest.isZero()) {
            deposit.account(clearing, rest, otherExact.signum() == 0 ? "GoCardless fee rounding" : "Other GoCardless payout items");
        }
        if (!deposit.total().equals(payout.amount())) {
            throw new IllegalStateException("deposit " + deposit.total() + " ≠ payout " + payout.amount());
        }
        QboDeposit created = books.createDeposit(deposit, "gc-" + payoutId);
        ctx.ids().put(Ledger.PAYOUT, payoutId, created.id());
        ctx.syncRecords().done(KIND, payoutId, created.id());
        ctx.audit().record(payoutId, "payout.deposited", "ok", payoutId, created.id(),
                "Deposit of " + created.total() + " into the payout bank account");
    }
}
