package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.audit.AuditEntry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * What the platform does when QuickBooks answers a Mod with status 3200, "the provided edit
 * sequence is out-of-date": nothing was changed, so instead of handing that answer to the
 * connector it reads the object again and sends the same Mod once more with the EditSequence it
 * just read, up to {@link QbwcSettings#maxRereads()} times. The connector gets one answer per
 * request, the last one. The queue row moves through these states:
 *
 * <ol>
 *   <li>the Mod is sent and answered 3200: the row becomes the query for that object, queued at
 *       its old place, with the Mod and its answer kept aside ({@link #reread});</li>
 *   <li>the query is answered with the object: the row is the Mod again, queued with the new
 *       EditSequence ({@link #queryAnswered}); its next answer is handled like any other;</li>
 *   <li>the query finds no such object, or QuickBooks refuses it for good: the row is the Mod,
 *       answered with what QuickBooks said to it, and the connector gets that ({@link #settle}).</li>
 * </ol>
 *
 * While the row is a query, a session that dies simply leaves it queued, like any query; while it
 * is the Mod, it is a change like any other, never sent again when its outcome is unknown.
 */
@Singleton
class StaleEditSequences {

    static final String STEP = "qbd.request.stale-edit-sequence";

    private final QueuedRequests queue;
    private final QbwcSettings settings;

    StaleEditSequences(QueuedRequests queue, QbwcSettings settings) {
        this.queue = queue;
        this.settings = settings;
    }

    /** Whether this is a Mod QuickBooks did not apply because its EditSequence was out of date. */
    static boolean outOfDate(QueuedRequest request, QbxmlResponses.Part part) {
        return !request.rereading() && StaleMod.isMod(request.type()) && part.statusCode() != null
                && part.statusCode() == StaleMod.OUT_OF_DATE;
    }

    /** What became of a Mod answered 3200: held back while its object is read again, or handed to its connector now. */
    record Decision(boolean heldBack, @Nullable AuditEntry entry) {
    }

    /**
     * Holds the Mod back and queues the query for its object, when that may be done: the Mod names
     * its object, it has not been read again too often, and no request queued in order after it was
     * stopped by its failure (then the connector sees the answers of the whole group as they came).
     */
    Decision reread(WebConnectorSession session, QueuedRequest mod, QbxmlResponses.Part part, boolean stoppedOthers) {
        Optional<StaleMod.Target> target = StaleMod.target(mod.fragment());
        if (target.isEmpty()) {
            return new Decision(false, entry(session, mod, null, "not-retried", "QuickBooks found the EditSequence out of date (3200), "
                    + "but the request names no ListID or TxnID with an EditSequence to renew, so its answer goes to the connector."));
        }
        StaleMod.Target object = target.get();
        if (stoppedOthers) {
            return new Decision(false, entry(session, mod, object, "not-retried", "QuickBooks found the EditSequence of "
                    + object.describe() + " out of date (3200) and stopped the requests queued in order after it, so the answers "
                    + "of the whole group go to the connector as they came."));
        }
        if (mod.rereads() >= settings.maxRereads()) {
            return new Decision(false, entry(session, mod, object, "given-up", "QuickBooks found the EditSequence of "
                    + object.describe() + " out of date (3200) again after it was read again " + mod.rereads()
                    + (mod.rereads() == 1 ? " time" : " times") + "; QuickBooks' answer goes to the connector."));
        }
        int reread = mod.rereads() + 1;
        queue.rereadFirst(mod, StaleMod.query(object, mod.requestId(), settings.maxFragmentChars()), part.xml(), part.statusCode());
        return new Decision(true, entry(session, mod, object, "reread", "QuickBooks found the EditSequence of "
                + object.describe() + " out of date (3200) and changed nothing. " + object.describe() + " is read again (read "
                + reread + " of at most " + settings.maxRereads() + ") and the change retried with its current EditSequence."));
    }

    /** What an answer to a query reading an object again led to: the Mod queued again, or its answer for the connector. */
    record Handled(@Nullable ResponseDelivery.Outcome outcome, AuditEntry entry) {
    }

    /** The answer to the query that read the object again. */
    Handled queryAnswered(WebConnectorSession session, QueuedRequest row, QbxmlResponses.Part part, Instant now) {
        Optional<StaleMod.Target> target = StaleMod.target(row.staleMod());
        Optional<String> editSequence = target.flatMap(object -> StaleMod.editSequence(part.xml(), object));
        String modType = StaleMod.modTypeOf(row.type());
        if (editSequence.isPresent()) {
            String mod = StaleMod.withEditSequence(row.staleMod(), editSequence.get());
            queue.retryMod(row.id(), new RequestFragment(modType, mod));
            return new Handled(null, entry(session, row, target.get(), "retried", target.get().describe()
                    + " was read again: its EditSequence is now " + editSequence.get() + ". The " + modType
                    + " is sent again with it."));
        }
        String why = "status " + part.statusCode() + (part.statusMessage() == null ? "" : " — " + part.statusMessage());
        return settle(session, row, target.orElse(null), target.map(StaleMod.Target::describe).orElse("The object")
                + " could not be read again (" + why + "); it is no longer in QuickBooks", "gone", now);
    }

    /** A query reading an object again that QuickBooks refused for good: the connector gets the Mod's answer. */
    Handled refused(WebConnectorSession session, QueuedRequest row, String error, Instant now) {
        Optional<StaleMod.Target> target = StaleMod.target(row.staleMod());
        return settle(session, row, target.orElse(null), target.map(StaleMod.Target::describe).orElse("The object")
                + " could not be read again: " + error, "failed", now);
    }

    private Handled settle(WebConnectorSession session, QueuedRequest row, @Nullable StaleMod.Target target, String why, String outcome,
                           Instant now) {
        String modType = StaleMod.modTypeOf(row.type());
        String answer = queue.settleWithModAnswer(row.id(), modType, session.id(), now);
        return new Handled(new ResponseDelivery.Outcome(row.id(), new QuickBooksResponse(row.requestId(), row.purpose(), row.correlation(),
                answer, null)), entry(session, row, target, outcome, why + ". QuickBooks' answer to the " + modType
                + " (EditSequence out of date) goes to the connector."));
    }

    private static AuditEntry entry(WebConnectorSession session, QueuedRequest request, @Nullable StaleMod.Target target, String outcome,
                                    String text) {
        String type = request.rereading() ? StaleMod.modTypeOf(request.type()) : request.type();
        return AuditEntry.of(session.tenantId(), STEP, outcome).connection(session.connectionId()).correlation(request.correlation())
                .ids(null, target == null ? null : target.id())
                .message(type + " requestID " + request.requestId() + " (" + request.purpose() + "): " + text);
    }
}
