package io.mlconnector.systems.qbd.customers;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.systems.qbd.QbIterators;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;

import java.util.List;
import java.util.Optional;

/**
 * Finds the QuickBooks customer of a payer (the other system's customer) that the ledger does not
 * know yet, by reading QuickBooks' active customers page by page (an iterator, within one Web
 * Connector session) and matching e-mail, then name. One lookup per payer, however much of its work
 * waits: the waiting items are remembered in the ledger and carry on together once the customer is
 * known ({@link Payers#matched}), or wait together for a person to pick the customer
 * ({@link Payers#unmatched}, with the question the web UI asks).
 *
 * <p>A pair calls {@link #start} when it needs a payer's customer and routes answers to {@link #SCAN}
 * to {@link #onPage}.
 */
public final class CustomerScan {

    public static final String SCAN = "customer.scan";
    /** The one ledger entry saying which lookup fills the empty list of QuickBooks customers. */
    static final String FILLER = "filler";
    /** Ledger kind: {@value #FILLER} → the payer whose lookup's pages fill the (empty) pick list. */
    public static final String LOOKUP_FILLS_LIST = "lookup-fills-list";

    private static final int PAGE_SIZE = 100;
    private static final int MAX_RESTARTS = 3;

    /** The pair's side of a lookup. */
    public interface Payers {

        /** Reads the payer from the other system (may throw {@code RetryLater}: the event runs again). */
        Payer payer(String payerId, ConnectorContext ctx);

        /** The payer is QuickBooks customer {@code listId} (now in the ledger): carry on with the waiting work. */
        void matched(String payerId, String listId, List<String> waiting, String eventId, ConnectorContext ctx);

        /**
         * No single customer was found, or QuickBooks' list could not be read: hold the waiting work
         * for a person with {@code reason}, and {@code question} (null when there is nothing to pick).
         */
        void unmatched(String payerId, List<String> waiting, String eventId, String reason, MatchQuestion question,
                       ConnectorContext ctx);
    }

    /**
     * @param payerNoun    how messages name a payer, e.g. "GoCardless customer"
     * @param customerKind ledger kind: payer id → QuickBooks customer ListID
     * @param waitingKind  ledger kind: waiting item (e.g. a payment id) → payer id
     */
    public record Ledger(String payerNoun, String customerKind, String waitingKind) {
    }

    private final Ledger ledger;
    private final Payers payers;
    private final CustomerPoll customerList = new CustomerPoll();

    public CustomerScan(Ledger ledger, Payers payers) {
        this.ledger = ledger;
        this.payers = payers;
    }

    /**
     * Looks up the payer's customer, unless a lookup is already under way.
     *
     * @param waitingId the work waiting for the answer (e.g. a payment id), or null (e.g. a new mandate)
     */
    public void start(String payerId, String waitingId, String eventId, ConnectorContext ctx) {
        if (waitingId != null) {
            ctx.ids().replace(ledger.waitingKind(), waitingId, payerId);
        }
        if (ctx.quickBooks().pending(payerId) > 0) {
            audit(ctx, waitingId, payerId, "customer.lookup", "ok", null,
                    "Waiting for the lookup of " + ledger.payerNoun() + " " + payerId + " already under way");
            return;
        }
        // Read here, while an event is handled, where a rate limit of the other system just runs the event
        // again later; the pages of QuickBooks' answers then need nothing more from it.
        CustomerMatch.Wanted wanted = CustomerMatch.Wanted.of(payers.payer(payerId, ctx));
        if (ctx.pickLists().size(CustomerPickList.NAME) == 0) {
            // Nothing to pick from yet (the customer poll has not run): one lookup, the first to claim
            // it, stores its pages into the list.
            ctx.ids().put(LOOKUP_FILLS_LIST, FILLER, payerId);
        }
        QbQueue.send(ctx, firstPage(payerId), wanted.into(Step.of(SCAN).with("ev", eventId)), payerId);
        audit(ctx, waitingId, payerId, "customer.lookup", "queued", null,
                "Looking for the QuickBooks customer of " + ledger.payerNoun() + " " + payerId + " by e-mail and name");
    }

    private static CustomerQueryRq firstPage(String payerId) {
        return QbRequests.customerQuery(QbQueue.requestId("cust", payerId))
                .startIterator(PAGE_SIZE)
                .activeStatus(ActiveStatus.ACTIVE_ONLY)
                .includeRetElements("ListID", "Name", "FullName", "CompanyName", "FirstName", "LastName", "Email")
                .build();
    }

    /** Matches one page of customers; asks for the next page, or decides once the last is read. */
    public void onPage(QbAnswer answer, Step step, String payerId, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            // A lost answer, or an iterator that ended with its session: read the list again from the start.
            if (step.attempt() + 1 < MAX_RESTARTS) {
                QbQueue.send(ctx, firstPage(payerId), step.next(SCAN).with("email", null)
                        .with("name", null).with("n", step.attempt() + 1), payerId);
            } else {
                payers.unmatched(payerId, ctx.ids().takeAll(ledger.waitingKind(), payerId), step.get("ev"),
                        "QuickBooks' customer list could not be read (" + answer.problem() + "). Replay later.", null,
                        ctx);
            }
            return;
        }
        CustomerQueryRs page = answer.body(CustomerQueryRs.class);
        // Only a lookup started while the list was empty stores its pages: the customer poll keeps the
        // list current, and every lookup storing every page would rewrite the same rows again and again.
        if (ctx.ids().target(LOOKUP_FILLS_LIST, FILLER).filter(payerId::equals).isPresent()) {
            CustomerPickList.store(ctx, page.getCustomerRet());
            if (!answer.header().hasMore()) {
                ctx.ids().remove(LOOKUP_FILLS_LIST, FILLER);
            }
        }
        CustomerMatch.Wanted wanted = CustomerMatch.Wanted.in(step)
                .orElseGet(() -> CustomerMatch.Wanted.of(payers.payer(payerId, ctx)));
        CustomerMatch match = new CustomerMatch(step.get("email"), step.get("name"));
        match.consider(page.getCustomerRet(), wanted);
        Step sofar = wanted.into(step).with("email", match.byEmail()).with("name", match.byName());
        Optional<CustomerQueryRq> next = answer.header().hasMore()
                ? QbIterators.next(firstPage(payerId), page, QbQueue.requestId("cust", payerId))
                : Optional.empty();
        if (next.isPresent()) {
            QbQueue.send(ctx, next.get(), sofar, payerId);
            return;
        }
        decide(match.result(), payerId, sofar, ctx);
    }

    private void decide(CustomerMatch.Result result, String payerId, Step step, ConnectorContext ctx) {
        String noun = ledger.payerNoun();
        if (!result.found()) {
            // Read again for the person's message: rare, and a retried last page needs no iterator.
            String description = payers.payer(payerId, ctx).description();
            String why = result.ambiguous()
                    ? "Several QuickBooks customers match " + noun + " " + payerId + " ("
                            + description + ") by " + (result.by() == CustomerMatch.By.EMAIL ? "e-mail" : "name")
                    : "No QuickBooks customer matches " + noun + " " + payerId + " ("
                            + description + ") by e-mail or name";
            ctx.audit().record(payerId, "customer.unmatched", "ok", payerId, null,
                    result.ambiguous() ? "Several QuickBooks customers match" : "No QuickBooks customer matches");
            // The person picks from the list: bring it up to date now (only the customers changed since the
            // last complete read), in this same Web Connector session, rather than at the next scheduled poll.
            customerList.run(ctx);
            payers.unmatched(payerId, ctx.ids().takeAll(ledger.waitingKind(), payerId), step.get("ev"),
                    why + ". Pick the QuickBooks customer for " + payerId
                            + "; the payment is then posted at the next Web Connector session.",
                    CustomerPickList.question(ledger.customerKind(), payerId), ctx);
            return;
        }
        String listId = result.listId();
        if (!ctx.ids().put(ledger.customerKind(), payerId, listId)) {
            listId = ctx.ids().target(ledger.customerKind(), payerId).orElse(listId);
        }
        ctx.audit().record(payerId, "customer.matched", "ok", payerId, listId,
                noun + " " + payerId + " is QuickBooks customer " + listId + " (by "
                        + (result.by() == CustomerMatch.By.EMAIL ? "e-mail" : "name") + ")");
        payers.matched(payerId, listId, ctx.ids().takeAll(ledger.waitingKind(), payerId), step.get("ev"), ctx);
    }

    private static void audit(ConnectorContext ctx, String waitingId, String payerId, String step, String outcome,
                              String target, String message) {
        ctx.audit().record(waitingId != null ? waitingId : payerId, step, outcome, payerId, target, message);
    }
}
