package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.gocardless.GoCardlessCustomer;
import io.mlconnector.systems.qbd.QbIterators;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;

import java.util.List;
import java.util.Optional;

/**
 * Finds the QuickBooks customer of a GoCardless customer that the ledger does not know yet, by
 * reading QuickBooks' active customers page by page (an iterator, within one Web Connector session)
 * and matching e-mail, then name. One lookup per GoCardless customer, however many of its payments
 * wait: they are remembered in the ledger and carry on together once the customer is known, or wait
 * together for a person to pick the customer.
 */
final class CustomerScan {

    static final String SCAN = "customer.scan";
    /** The one ledger entry saying which lookup fills the empty list of QuickBooks customers. */
    static final String FILLER = "filler";

    private static final int PAGE_SIZE = 100;
    private static final int MAX_RESTARTS = 3;

    private final Flows flows;

    CustomerScan(Flows flows) {
        this.flows = flows;
    }

    /**
     * Looks up the customer, unless a lookup is already under way.
     *
     * @param paymentId the payment waiting for the answer, or null (e.g. a new mandate)
     */
    void start(String goCardlessCustomerId, String paymentId, String eventId, ConnectorContext ctx) {
        if (paymentId != null) {
            ctx.ids().replace(LedgerKinds.PAYMENT_AWAITING_CUSTOMER, paymentId, goCardlessCustomerId);
        }
        if (ctx.quickBooks().pending(goCardlessCustomerId) > 0) {
            audit(ctx, paymentId, goCardlessCustomerId, "customer.lookup", "ok", null,
                    "Waiting for the lookup of GoCardless customer " + goCardlessCustomerId + " already under way");
            return;
        }
        // Read here, while an event is handled, where a GoCardless rate limit just runs the event again
        // later; the pages of QuickBooks' answers then need nothing more from GoCardless.
        CustomerMatch.Wanted wanted = wanted(goCardlessCustomerId, ctx);
        if (ctx.pickLists().size(CustomerPickList.NAME) == 0) {
            // Nothing to pick from yet (the customer poll has not run): one lookup, the first to claim
            // it, stores its pages into the list.
            ctx.ids().put(LedgerKinds.LOOKUP_FILLS_LIST, FILLER, goCardlessCustomerId);
        }
        QbQueue.send(ctx, firstPage(goCardlessCustomerId), wanted.into(Step.of(SCAN).with("ev", eventId)),
                goCardlessCustomerId);
        audit(ctx, paymentId, goCardlessCustomerId, "customer.lookup", "queued", null,
                "Looking for the QuickBooks customer of GoCardless customer " + goCardlessCustomerId
                        + " by e-mail and name");
    }

    private static CustomerQueryRq firstPage(String goCardlessCustomerId) {
        return QbRequests.customerQuery(QbQueue.requestId("cust", goCardlessCustomerId))
                .startIterator(PAGE_SIZE)
                .activeStatus(ActiveStatus.ACTIVE_ONLY)
                .includeRetElements("ListID", "Name", "FullName", "CompanyName", "FirstName", "LastName", "Email")
                .build();
    }

    void onPage(QbAnswer answer, Step step, String goCardlessCustomerId, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            // A lost answer, or an iterator that ended with its session: read the list again from the start.
            if (step.attempt() + 1 < MAX_RESTARTS) {
                QbQueue.send(ctx, firstPage(goCardlessCustomerId), step.next(SCAN).with("email", null)
                        .with("name", null).with("n", step.attempt() + 1), goCardlessCustomerId);
            } else {
                holdWaitingPayments(ctx, goCardlessCustomerId, step.get("ev"),
                        "QuickBooks' customer list could not be read (" + answer.problem() + "). Replay later.", null);
            }
            return;
        }
        CustomerQueryRs page = answer.body(CustomerQueryRs.class);
        // Only a lookup started while the list was empty stores its pages: the customer poll keeps the
        // list current, and every lookup storing every page would rewrite the same rows again and again.
        if (ctx.ids().target(LedgerKinds.LOOKUP_FILLS_LIST, FILLER).filter(goCardlessCustomerId::equals).isPresent()) {
            CustomerPickList.store(ctx, page.getCustomerRet());
            if (!answer.header().hasMore()) {
                ctx.ids().remove(LedgerKinds.LOOKUP_FILLS_LIST, FILLER);
            }
        }
        CustomerMatch.Wanted wanted = CustomerMatch.Wanted.in(step).orElseGet(() -> wanted(goCardlessCustomerId, ctx));
        CustomerMatch match = new CustomerMatch(step.get("email"), step.get("name"));
        match.consider(page.getCustomerRet(), wanted);
        Step sofar = wanted.into(step).with("email", match.byEmail()).with("name", match.byName());
        Optional<CustomerQueryRq> next = answer.header().hasMore()
                ? QbIterators.next(firstPage(goCardlessCustomerId), page, QbQueue.requestId("cust", goCardlessCustomerId))
                : Optional.empty();
        if (next.isPresent()) {
            QbQueue.send(ctx, next.get(), sofar, goCardlessCustomerId);
            return;
        }
        decide(match.result(), goCardlessCustomerId, sofar, ctx);
    }

    private CustomerMatch.Wanted wanted(String goCardlessCustomerId, ConnectorContext ctx) {
        return CustomerMatch.Wanted.of(GoCardlessCalls.call(() -> flows.gc(ctx).getCustomer(goCardlessCustomerId)));
    }

    private void decide(CustomerMatch.Result result, String customerId, Step step, ConnectorContext ctx) {
        if (!result.found()) {
            // Read again for the person's message: rare, and a retried last page needs no iterator.
            String description = describe(GoCardlessCalls.call(() -> flows.gc(ctx).getCustomer(customerId)));
            String why = result.ambiguous()
                    ? "Several QuickBooks customers match GoCardless customer " + customerId + " ("
                            + description + ") by " + (result.by() == CustomerMatch.By.EMAIL ? "e-mail" : "name")
                    : "No QuickBooks customer matches GoCardless customer " + customerId + " ("
                            + description + ") by e-mail or name";
            ctx.audit().record(customerId, "customer.unmatched", "ok", customerId, null,
                    result.ambiguous() ? "Several QuickBooks customers match" : "No QuickBooks customer matches");
            // The person picks from the list: bring it up to date now (only the customers changed since the
            // last complete read), in this same Web Connector session, rather than at the next scheduled poll.
            flows.customerList.run(ctx);
            holdWaitingPayments(ctx, customerId, step.get("ev"), why + ". Pick the QuickBooks customer for "
                    + customerId + "; the payment is then posted at the next Web Connector session.",
                    CustomerPickList.question(customerId));
            return;
        }
        String listId = result.listId();
        if (!ctx.ids().put(LedgerKinds.CUSTOMER, customerId, listId)) {
            listId = ctx.ids().target(LedgerKinds.CUSTOMER, customerId).orElse(listId);
        }
        ctx.audit().record(customerId, "customer.matched", "ok", customerId, listId,
                "GoCardless customer " + customerId + " is QuickBooks customer " + listId + " (by "
                        + (result.by() == CustomerMatch.By.EMAIL ? "e-mail" : "name") + ")");
        for (String paymentId : LedgerKinds.takeWaiting(ctx.ids(), LedgerKinds.PAYMENT_AWAITING_CUSTOMER, customerId)) {
            flows.payments.handle(paymentId, step.get("ev"), null, ctx);
        }
    }

    /** Holds the payments waiting for this customer; with a question when a person must pick the customer. */
    private static void holdWaitingPayments(ConnectorContext ctx, String goCardlessCustomerId, String eventId,
                                            String reason, MatchQuestion question) {
        List<String> waiting = LedgerKinds.takeWaiting(ctx.ids(), LedgerKinds.PAYMENT_AWAITING_CUSTOMER,
                goCardlessCustomerId);
        for (String paymentId : waiting) {
            if (!noLongerCollected(ctx, paymentId)) {
                PaymentFlow.hold(ctx, paymentId, eventId, reason, question);
            }
        }
    }

    /** True when the payment no longer needs posting (it failed or was cancelled meanwhile). */
    private static boolean noLongerCollected(ConnectorContext ctx, String paymentId) {
        return ctx.syncRecords().find(SyncKinds.PAYMENT, paymentId)
                .map(r -> r.status() == SyncStatus.FAILED || r.status() == SyncStatus.SKIPPED)
                .orElse(false);
    }

    private static void audit(ConnectorContext ctx, String paymentId, String customerId, String step, String outcome,
                              String target, String message) {
        ctx.audit().record(paymentId != null ? paymentId : customerId, step, outcome, customerId, target, message);
    }

    private static String describe(GoCardlessCustomer customer) {
        String name = customer.displayName();
        return customer.email() != null && !customer.email().equals(name) ? name + ", " + customer.email() : name;
    }
}
