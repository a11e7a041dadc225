package io.mlconnector.systems.qbd.posting;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.RqBase;

import java.util.List;

/**
 * Posts one QuickBooks transaction for one object of the other system exactly once, through the Web
 * Connector, whatever answers are lost or requests carried out twice on the way:
 * <ol>
 *   <li><b>look before adding</b>: search QuickBooks for a transaction that already carries the
 *       object (a session that died may have posted it); one found is kept, and any more are
 *       duplicates to remove;</li>
 *   <li><b>add</b> only when nothing was found, nothing else for the object is queued, and the object
 *       is still to be posted ({@link Plan#stopped});</li>
 *   <li><b>confirm the TxnID</b> in the ledger (object id → TxnID, one for good); an answer naming
 *       another TxnID than the ledger's is a copy carried out twice, and is removed;</li>
 *   <li><b>remove duplicates found afterwards</b>: after each add, search again and delete (TxnDel)
 *       every other transaction carrying the object;</li>
 *   <li><b>reverse</b> on a failure: {@link #reverse} deletes the posted transaction and forgets it;</li>
 *   <li><b>hold for a person</b> with the reason when QuickBooks refuses, with an alert when a copy
 *       or a reversal needs deleting by hand;</li>
 *   <li><b>retry</b> what QuickBooks lost or was too busy for, {@value #MAX_ATTEMPTS} times at most.</li>
 * </ol>
 * A pair creates one per kind of transaction it posts, with a {@link Plan} saying what to post, calls
 * {@link #start} with a {@link Step} carrying its decisions (customer, amount, invoice…), and
 * registers the steps with its {@link AnswerRouter} ({@link #routes}). Audit steps are named
 * {@code <name>.posted}, {@code <name>.found-in-quickbooks}, {@code <name>.duplicate-removed}… after
 * {@link Plan#name()}.
 *
 * @param <R> the transaction's Ret type, e.g. {@code ReceivePaymentRet}
 */
public final class QbPosting<R> {

    /** Tries per request before the object is held for a person. */
    public static final int MAX_ATTEMPTS = 5;
    /** Step key marking a posting that continues a chain ({@link #continueChain}). */
    private static final String CONTINUED = "cc";

    /**
     * The names of the five steps of one posting. They travel as queued requests' purposes, so keep
     * them stable once released.
     */
    public record Steps(String search, String add, String verify, String removeDuplicate, String reverse) {

        /** {@code <prefix>.search}, {@code <prefix>.add}, {@code <prefix>.verify}, {@code <prefix>.remove-duplicate}, {@code <prefix>.reverse}. */
        public static Steps of(String prefix) {
            return new Steps(prefix + ".search", prefix + ".add", prefix + ".verify", prefix + ".remove-duplicate",
                    prefix + ".reverse");
        }
    }

    /**
     * What to post: the pair's side of one posting. The constructor names the kind of transaction and
     * where it is kept; the pair builds the search and the add, and says what follows.
     */
    public abstract static class Plan<R> {

        private final TxnType<R> type;
        private final Steps steps;
        private final String name;
        private final String recordKind;
        private final String ledgerKind;

        /**
         * @param type       the kind of transaction, e.g. {@link TxnType#RECEIVE_PAYMENT}
         * @param steps      the names of the steps
         * @param name       prefix of the audit steps, e.g. {@code payment}
         * @param recordKind the sync record kind of the objects posted (held, marked done), e.g. {@code payment}
         * @param ledgerKind the ledger kind: object id → TxnID of the transaction posted for it
         */
        protected Plan(TxnType<R> type, Steps steps, String name, String recordKind, String ledgerKind) {
            this.type = type;
            this.steps = steps;
            this.name = name;
            this.recordKind = recordKind;
            this.ledgerKind = ledgerKind;
        }

        public final TxnType<R> type() {
            return type;
        }

        public final Steps steps() {
            return steps;
        }

        public final String name() {
            return name;
        }

        public final String recordKind() {
            return recordKind;
        }

        public final String ledgerKind() {
            return ledgerKind;
        }

        /** The object for people's messages, e.g. "GoCardless payment PM123". */
        public abstract String describe(String objectId);

        /**
         * The query whose answer lists the transactions that may carry the object, e.g.
         * {@code type().byRefNumber(requestId, reference)}.
         */
        public abstract RqBase search(String objectId, Step step, ConnectorContext ctx);

        /** Whether a transaction found carries this object; by default, its memo names the object id. */
        public boolean carries(R txn, String objectId) {
            String memo = type().memo(txn);
            return memo != null && memo.contains(objectId);
        }

        /** The add request, built from the decisions the step carries. */
        public abstract RqBase add(String objectId, Step step, ConnectorContext ctx);

        /**
         * The transaction is in QuickBooks and in the ledger: mark the record done, resume what waited,
         * or reverse it when the object failed meanwhile.
         *
         * @param found true when it was found by a search rather than added by this chain
         */
        public abstract void posted(String objectId, String txnId, Step step, boolean found, ConnectorContext ctx);

        /** Why the object is held when QuickBooks refused the add, and what the person should check. */
        public abstract String refused(String problem, Step step, ConnectorContext ctx);

        /** Why the object is held when QuickBooks could not search. */
        public String searchFailed(String problem, ConnectorContext ctx) {
            return "QuickBooks could not search its " + type().name() + " transactions: " + problem;
        }

        /** Whether the object must not be posted any more; by default, its record failed or was skipped. */
        public boolean stopped(String objectId, ConnectorContext ctx) {
            SyncStatus status = ctx.syncRecords().find(recordKind(), objectId).map(SyncRecord::status).orElse(null);
            return status == SyncStatus.FAILED || status == SyncStatus.SKIPPED;
        }

        /** Nothing is posted because the object is {@link #stopped}; by default nothing more to do. */
        public void onStopped(String objectId, Step step, ConnectorContext ctx) {
        }

        /** A few words after "Posted to QuickBooks as T", e.g. ", applied to invoice 1001". */
        public String postedDetail(Step step) {
            return "";
        }

        /** The transaction was deleted by {@link #reverse} and taken out of the ledger. */
        public void reversed(String objectId, String txnId, Step step, ConnectorContext ctx) {
        }
    }

    private final Plan<R> plan;
    private final TxnType<R> type;
    private final Steps steps;

    public QbPosting(Plan<R> plan) {
        this.plan = plan;
        this.type = plan.type();
        this.steps = plan.steps();
    }

    /** Registers this posting's steps with the pair's router. */
    public AnswerRouter routes(AnswerRouter router) {
        return router.on(steps.search(), this::onSearch)
                .on(steps.add(), this::onAdd)
                .on(steps.verify(), this::onVerify)
                .on(steps.removeDuplicate(), this::onRemoveDuplicate)
                .on(steps.reverse(), this::onReverse);
    }

    /** Starts the posting: looks in QuickBooks first. {@code decisions} carries what {@link Plan#add} needs. */
    public void start(String objectId, Step decisions, ConnectorContext ctx) {
        queueSearch(decisions.next(steps.search()).with(CONTINUED, null), objectId, ctx);
    }

    /**
     * Starts the posting as the next link of a chain another posting of the same object began (e.g. the
     * refund after its credit memo, from that posting's {@link Plan#posted}): no other chain can be under
     * way, while that posting's own check for copies may still be queued, so queued requests for the
     * object do not stop this one.
     */
    public void continueChain(String objectId, Step decisions, ConnectorContext ctx) {
        queueSearch(decisions.next(steps.search()).with(CONTINUED, 1), objectId, ctx);
    }

    // ------------------------------------------------------------------ look, then add

    private void queueSearch(Step step, String objectId, ConnectorContext ctx) {
        QbQueue.send(ctx, plan.search(objectId, step, ctx), step, objectId);
    }

    private void onSearch(QbAnswer answer, Step step, String objectId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            retry(step, objectId, answer, () -> queueSearch(step.retry(), objectId, ctx), ctx);
            return;
        }
        if (!answer.succeeded()) {
            hold(ctx, objectId, step.get("ev"), plan.searchFailed(answer.problem(), ctx));
            return;
        }
        List<String> carrying = carrying(answer, objectId);
        if (!carrying.isEmpty()) {
            String keep = ctx.ids().target(plan.ledgerKind(), objectId).filter(carrying::contains)
                    .orElse(carrying.get(0));
            carrying.stream().filter(t -> !t.equals(keep)).forEach(t -> removeDuplicate(objectId, t, step, ctx));
            confirm(objectId, keep, step, true, ctx);
            return;
        }
        if (stopped(objectId, step.get("ev"), ctx)) {
            plan.onStopped(objectId, step, ctx);
            return;
        }
        if (step.get("refused") != null) {
            hold(ctx, objectId, step.get("ev"), plan.refused(step.get("refused"), step, ctx));
            return;
        }
        if (step.get(CONTINUED) == null && ctx.quickBooks().pending(objectId) > 0) {
            // Another event about this object started its own chain; that one will post it.
            ctx.audit().record(objectId, plan.name() + ".duplicate-chain", "ok", step.get("ev"), null,
                    "Another request for " + plan.describe(objectId) + " is queued; leaving the posting to it");
            return;
        }
        Step add = step.next(steps.add());
        QbQueue.send(ctx, plan.add(objectId, add, ctx), add, objectId);
        ctx.audit().record(objectId, plan.name() + ".queued", "queued", step.get("ev"), null,
                type.name() + "Add for " + plan.describe(objectId) + " queued for the next Web Connector session");
    }

    /** The TxnIDs of the transactions found that carry this object, oldest first. */
    private List<String> carrying(QbAnswer answer, String objectId) {
        return type.found(answer).stream().filter(t -> plan.carries(t, objectId)).map(type::txnId).toList();
    }

    private void onAdd(QbAnswer answer, Step step, String objectId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            // QuickBooks may have posted it before the answer was lost: search before adding again.
            ctx.audit().record(objectId, plan.name() + ".answer-lost", "retry", step.get("ev"), null, answer.problem());
            retry(step, objectId, answer, () -> queueSearch(step.next(steps.search()).with("n", step.attempt() + 1),
                    objectId, ctx), ctx);
            return;
        }
        if (!answer.succeeded()) {
            // A request sent a second time (its first answer lost) is refused when the first already
            // used up what it draws on: look before calling it a refusal.
            queueSearch(step.next(steps.search()).with("refused", Step.brief(answer.problem(), 32)), objectId, ctx);
            return;
        }
        String txnId = type.added(answer).map(type::txnId).orElse(null);
        if (txnId == null) {
            retry(step, objectId, answer, () -> queueSearch(step.next(steps.search()).with("n", step.attempt() + 1),
                    objectId, ctx), ctx);
            return;
        }
        confirm(objectId, txnId, step, false, ctx);
        if (ctx.ids().target(plan.ledgerKind(), objectId).filter(txnId::equals).isPresent()) {
            // Had an earlier copy of this request been carried out too, it shows now.
            queueSearch(step.next(steps.verify()).with("txn", txnId), objectId, ctx);
        }
    }

    /** Confirms the TxnID in the ledger; an answer naming another than the ledger's is a copy to remove. */
    private void confirm(String objectId, String txnId, Step step, boolean found, ConnectorContext ctx) {
        if (!ctx.ids().put(plan.ledgerKind(), objectId, txnId)) {
            String known = ctx.ids().target(plan.ledgerKind(), objectId).orElse(null);
            if (known != null && !known.equals(txnId)) {
                // The answer to a request QuickBooks carried out twice: keep the one in the ledger.
                removeDuplicate(objectId, txnId, step, ctx);
                return;
            }
        }
        ctx.audit().record(objectId, found ? plan.name() + ".found-in-quickbooks" : plan.name() + ".posted", "ok",
                step.get("ev"), txnId, (found ? "Already in QuickBooks as " : "Posted to QuickBooks as ") + txnId
                        + plan.postedDetail(step));
        plan.posted(objectId, txnId, step, found, ctx);
    }

    // ------------------------------------------------------------------ duplicates

    private void onVerify(QbAnswer answer, Step step, String objectId, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            return;
        }
        String kept = ctx.ids().target(plan.ledgerKind(), objectId).orElse(step.require("txn"));
        carrying(answer, objectId).stream().filter(t -> !t.equals(kept))
                .forEach(t -> removeDuplicate(objectId, t, step, ctx));
    }

    private void removeDuplicate(String objectId, String txnId, Step step, ConnectorContext ctx) {
        ctx.audit().record(objectId, plan.name() + ".duplicate-found", "ok", step.get("ev"), txnId,
                type.name() + " " + txnId + " repeats " + plan.describe(objectId) + "; deleting it");
        queueDelete(Step.of(steps.removeDuplicate()).with("txn", txnId).with("ev", step.get("ev")), objectId, ctx);
    }

    private void onRemoveDuplicate(QbAnswer answer, Step step, String objectId, ConnectorContext ctx) {
        String txnId = step.require("txn");
        if (answer.worthRetrying() && step.attempt() + 1 < MAX_ATTEMPTS) {
            queueDelete(step.retry(), objectId, ctx);
            return;
        }
        if (answer.succeeded() || answer.notFound()) {
            ctx.audit().record(objectId, plan.name() + ".duplicate-removed", "ok", step.get("ev"), txnId,
                    "Duplicate " + type.name() + " " + txnId + " deleted");
            return;
        }
        String reason = "QuickBooks holds " + plan.describe(objectId) + " twice and did not delete the copy "
                + txnId + " (" + answer.problem() + "). Delete it in QuickBooks.";
        ctx.alerts().raise(capitalised(plan.describe(objectId)) + " is twice in QuickBooks", reason, objectId);
        ctx.syncRecords().needsAttention(plan.recordKind(), objectId, reason);
    }

    private void queueDelete(Step step, String objectId, ConnectorContext ctx) {
        QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("del", objectId), type.delType(), step.require("txn")),
                step, objectId);
    }

    // ------------------------------------------------------------------ reverse

    /** Deletes the transaction posted for the object (the object failed or was undone), then forgets it. */
    public void reverse(String objectId, String txnId, String eventId, ConnectorContext ctx) {
        queueDelete(Step.of(steps.reverse()).with("txn", txnId).with("ev", eventId), objectId, ctx);
        ctx.audit().record(objectId, plan.name() + ".reversal-queued", "queued", eventId, txnId,
                "Deleting " + type.name() + " " + txnId + " at the next Web Connector session");
    }

    private void onReverse(QbAnswer answer, Step step, String objectId, ConnectorContext ctx) {
        String txnId = step.require("txn");
        if (answer.worthRetrying() && step.attempt() + 1 < MAX_ATTEMPTS) {
            queueDelete(step.retry(), objectId, ctx);
            return;
        }
        if (!answer.succeeded() && !answer.notFound()) {
            String reason = "QuickBooks did not delete " + type.name() + " " + txnId + " of "
                    + plan.describe(objectId) + " (" + answer.problem() + "). Delete or void it in QuickBooks by hand.";
            ctx.syncRecords().needsAttention(plan.recordKind(), objectId, reason);
            ctx.alerts().raise(capitalised(plan.describe(objectId)) + " is still in QuickBooks", reason, objectId);
            ctx.audit().record(objectId, plan.name() + ".reversal-refused", "error", step.get("ev"), txnId,
                    answer.problem());
            return;
        }
        ctx.ids().remove(plan.ledgerKind(), objectId);
        ctx.audit().record(objectId, plan.name() + ".reversed", "ok", step.get("ev"), txnId,
                type.name() + " " + txnId + " deleted");
        plan.reversed(objectId, txnId, step, ctx);
    }

    // ------------------------------------------------------------------ stop, hold, retry

    /** True (and noted in the audit trail) when the object must not be posted any more ({@link Plan#stopped}). */
    public boolean stopped(String objectId, String eventId, ConnectorContext ctx) {
        if (!plan.stopped(objectId, ctx)) {
            return false;
        }
        ctx.audit().record(objectId, plan.name() + ".chain-stopped", "ok", eventId, null,
                "Not posting: " + plan.describe(objectId) + " is no longer to be recorded");
        return true;
    }

    /** Holds the object for a person, with the reason. */
    public void hold(ConnectorContext ctx, String objectId, String eventId, String reason) {
        hold(ctx, objectId, eventId, reason, null);
    }

    /**
     * Holds the object for a person, with the reason and, when the person must say which QuickBooks
     * object it belongs to, the question the web UI asks (its answer goes into the ledger, then the
     * object's event runs again).
     */
    public void hold(ConnectorContext ctx, String objectId, String eventId, String reason, MatchQuestion question) {
        if (question == null) {
            ctx.syncRecords().needsAttention(plan.recordKind(), objectId, reason);
        } else {
            ctx.syncRecords().needsAttention(plan.recordKind(), objectId, reason, question);
        }
        ctx.audit().record(objectId, plan.recordKind() + ".needs-attention", "error", eventId, null, reason);
    }

    /** Runs {@code again}, or holds the object once QuickBooks failed {@value #MAX_ATTEMPTS} times. */
    public void retry(Step step, String objectId, QbAnswer answer, Runnable again, ConnectorContext ctx) {
        if (step.attempt() + 1 >= MAX_ATTEMPTS) {
            hold(ctx, objectId, step.get("ev"), "QuickBooks did not answer after " + MAX_ATTEMPTS + " tries ("
                    + answer.problem() + "). Replay " + plan.describe(objectId) + " once the Web Connector runs again.");
            return;
        }
        again.run();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
