package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.freshbooks.FreshBooksExpense;
import io.mlconnector.systems.freshbooks.FreshBooksExpenseCategory;
import io.mlconnector.systems.freshbooks.NewExpense;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A GoCardless payout → its GoCardless fees as one FreshBooks expense in the chosen category, and the payout's
 * summary (payments, fees, refunds, net) on its sync record, so month-end review of receivables reads the same
 * figures every time.
 */
final class PayoutFlow {

    static final String DEFAULT_CATEGORY = "Bank Fees";

    private final Flows flows;

    PayoutFlow(Flows flows) {
        this.flows = flows;
    }

    void paid(ConnectorContext ctx, String payoutId) {
        if (ctx.ids().target(Keys.PAYOUT_EXPENSE, payoutId).isPresent()) {
            return;
        }
        GoCardlessApi gc = flows.gc(ctx);
        GoCardlessPayout payout = GoCardlessCalls.call(() -> gc.getPayout(payoutId));
        List<GoCardlessPayoutItem> items = GoCardlessCalls.call(() -> gc.listPayoutItems(payout));
        String summary = summary(payout, items);
        ctx.syncRecords().open(Keys.PAYOUT, payoutId, summary);
        Money fees = payout.deductedFees();
        if (fees == null || fees.minorUnits() <= 0) {
            ctx.syncRecords().skipped(Keys.PAYOUT, payoutId, "No GoCardless fees in this payout. " + summary);
            return;
        }
        Flows.Books books = flows.books(ctx);
        String category = category(ctx, books);
        String staff = flows.freshbooks.userId(ctx, books.api());
        FreshBooksExpense expense = BooksCalls.call(() -> books.api().createExpense(books.accountId(), new NewExpense(category,
                staff, fees, payout.arrivalDate(), "GoCardless", "GoCardless fees of payout " + payoutId
                + (payout.reference() == null ? "" : " (" + payout.reference() + ")") + ". " + summary)));
        ctx.ids().put(Keys.PAYOUT_EXPENSE, payoutId, expense.id());
        ctx.syncRecords().done(Keys.PAYOUT, payoutId, expense.id());
        ctx.audit().record(payoutId, "payout.fees", "ok", payoutId, expense.id(),
                "GoCardless fees " + fees + " recorded as FreshBooks expense " + expense.id() + ". " + summary);
    }

    /** The category setting, else the category named Bank Fees; refreshes the list people choose from. */
    String category(ConnectorContext ctx, Flows.Books books) {
        List<FreshBooksExpenseCategory> categories = BooksCalls.call(() -> books.api().expenseCategories(books.accountId()));
        ctx.pickLists().replace(Keys.FEE_CATEGORIES, categories.stream()
                .map(c -> new Choice(c.id(), c.name(), null)).toList());
        String chosen = ctx.settings().get(Keys.FEE_CATEGORY, "");
        if (!chosen.isBlank()) {
            return chosen;
        }
        return categories.stream().filter(c -> DEFAULT_CATEGORY.equalsIgnoreCase(c.name())).map(FreshBooksExpenseCategory::id)
                .findFirst().orElseThrow(() -> new CannotProcess("FreshBooks has no expense category named "
                        + DEFAULT_CATEGORY + ": choose the category for GoCardless fees in the settings, then replay."));
    }

    static String summary(GoCardlessPayout payout, List<GoCardlessPayoutItem> items) {
        String currency = payout.currency();
        long payments = items.stream().filter(i -> i.type().equals("payment_paid_out")).count();
        Money collected = sum(items, currency, "payment_paid_out");
        Money refunds = sum(items, currency, "refund", "payment_refunded", "refund_funds_returned").negate();
        Money fees = payout.deductedFees() == null ? Money.ofMinor(0, currency) : payout.deductedFees();
        return "Payout " + payout.id() + ": " + payments + " payment" + (payments == 1 ? "" : "s") + " " + collected
                + ", fees " + fees + ", refunds " + refunds + ", net " + payout.amount()
                + (payout.arrivalDate() == null ? "" : ", arriving " + payout.arrivalDate());
    }

    private static Money sum(List<GoCardlessPayoutItem> items, String currency, String... types) {
        BigDecimal total = items.stream().filter(i -> List.of(types).contains(i.type()))
                .map(GoCardlessPayoutItem::exactMinorUnits).reduce(BigDecimal.ZERO, BigDecimal::add);
        // GoCardless keeps some items to a tenth of a minor unit and rounds the total (half-up) as it pays out.
        return Money.ofMinor(total.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
    }
}
