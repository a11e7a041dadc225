package io.mlconnector.platform.qbwc;

import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform answers to each Web Connector operation. A session is a ticket handed out by
 * authenticate; each sendRequestXML hands out the next qbXML message built from the connection's
 * queue, each receiveResponseXML records the answers, hands them to the connector and says how far
 * the session got. Everything a session knows is in PostgreSQL.
 *
 * <p>Progress always moves toward 100: a request QuickBooks refuses as part of a batch is tried
 * again on its own, and one refused on its own is not tried again in the same session (after
 * {@link QbwcSettings#maxAttempts()} sessions its connector is told it failed), so no request can
 * keep a session going round. A Mod answered 3200 (EditSequence out of date) is not handed over yet:
 * {@code StaleEditSequences} reads its object again and sends it once more, a bounded number of times.
 */
@Singleton
public class WebConnectorService {

    /** What getLastError answers to make the Web Connector wait a few seconds and ask again. */
    static final String NO_OP = "NoOp";
    static final String NOTHING_LEFT = "ml-connector has nothing more to send in this session.";
    static final String UNKNOWN_SESSION = "This Web Connector session is unknown or has expired. "
            + "It starts again at the next scheduled update.";
    private static final UUID NO_SESSION = new UUID(0, 0);
    private static final Logger LOG = LoggerFactory.getLogger(WebConnectorService.class);

    private final WebConnectorAccounts accounts;
    private final WebConnectorSessions sessions;
    private final QueuedRequests queue;
    private final ResponseDelivery delivery;
    private final StaleEditSequences stale;
    private final WebConnectorSessionListener listener;
    private final AuditLog audit;
    private final TenantTransactions transactions;
    private final Sql sql;
    private final QbwcSettings settings;
    private final Clock clock;

    public WebConnectorService(WebConnectorAccounts accounts, WebConnectorSessions sessions, QueuedRequests queue,
                               ResponseDelivery delivery, StaleEditSequences stale, WebConnectorSessionListener listener,
                               AuditLog audit, TenantTransactions transactions, Sql sql, QbwcSettings settings, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.queue = queue;
        this.delivery = delivery;
        this.stale = stale;
        this.listener = listener;
        this.audit = audit;
        this.transactions = transactions;
        this.sql = sql;
        this.settings = settings;
        this.clock = clock;
    }

    public String serverVersion() {
        return "ml-connector";
    }

    /** Every Web Connector version is accepted. */
    public String clientVersion(String version) {
        return "";
    }

    /**
     * {@code ["", "nvu"]} for a wrong user name or password; {@code [ticket, "none"]} when nothing is
     * queued (after scheduled queries that fell due were queued); else {@code [ticket, ""]}: use the
     * company file that is open.
     */
    public List<String> authenticate(String userName, String password, String clientAddress) {
        Optional<WebConnectorAccounts.SignedIn> signedIn = accounts.signIn(userName, password, clientAddress);
        if (signedIn.isEmpty()) {
            return List.of("", "nvu");
        }
        UUID tenantId = signedIn.get().tenantId();
        UUID connectionId = signedIn.get().connectionId();
        Instant now = clock.instant();
        boolean active = transactions.write(tenantId, () -> {
            accounts.recordPoll(connectionId, now);
            endEarlierSessions(tenantId, connectionId, now);
            return sql.one("SELECT status FROM connections WHERE id = ?", row -> row.getString(1), connectionId)
                    .map("ACTIVE"::equals).orElse(false);
        });
        // Everything settled before this sign-in reaches its connector now, including requests of a
        // session that died, whose outcome is unknown. They were stamped with the database's time inside
        // the transaction above, which may be later than the sign-in began: the cut-off is taken after it.
        delivery.redeliver(tenantId, connectionId, clock.instant().plusMillis(1));
        if (active) {
            try {
                listener.sessionStarting(tenantId, connectionId);
            } catch (RuntimeException e) {
                LOG.error("Queuing the scheduled QuickBooks queries of connection {} failed; the session goes on with what is queued",
                        connectionId, e);
            }
        }
        String ticket = sessions.newTicket();
        boolean work = active && transactions.write(tenantId, () -> {
            int waiting = queue.waitingCount(connectionId, NO_SESSION);
            if (waiting == 0) {
                return false;
            }
            sessions.open(tenantId, connectionId, ticket, now, now.plus(settings.sessionIdleTimeout()));
            audit.insertAll(List.of(AuditEntry.of(tenantId, "qbwc.session", "started").connection(connectionId)
                    .message("The Web Connector signed in; " + waiting + " QuickBooks requests are waiting")));
            return true;
        });
        return List.of(ticket, work ? "" : "none");
    }

    /** The next qbXML message of the session, or "" when there is none (getLastError then says why). */
    public String sendRequestXml(String ticket, String hcpResponse, String companyFile, String country, String major, String minor) {
        Instant now = clock.instant();
        Optional<WebConnectorSession> found = sessions.byTicket(ticket);
        if (found.isEmpty() || !found.get().open(now)) {
            return "";
        }
        WebConnectorSession session = found.get();
        return transactions.write(session.tenantId(), () -> {
            sessions.touch(session.id(), now, now.plus(settings.sessionIdleTimeout()));
            // A message handed out before and never answered was lost on the way: its requests go back first.
            queue.requeueInFlight(session.id());
            String version = version(session, hcpResponse, companyFile, country, major, minor);
            QueuedRequests.Claimed claimed = session.roundTrips() >= settings.maxRoundTripsPerSession()
                    ? new QueuedRequests.Claimed(List.of(), false)
                    : queue.claim(session.connectionId(), session.id(), settings.batchSize(), now);
            if (claimed.requests().isEmpty()) {
                sessions.recordEmptySend(session.id(), session.emptySends() == 0 ? NO_OP : NOTHING_LEFT);
                return "";
            }
            sessions.recordSent(session.id(), claimed.requests().size());
            List<String> fragments = new ArrayList<>(claimed.requests().size());
            List<AuditEntry> entries = new ArrayList<>(claimed.requests().size());
            for (QueuedRequest request : claimed.requests()) {
                fragments.add(request.fragment());
                entries.add(AuditEntry.of(session.tenantId(), "qbwc.request", "sent").connection(session.connectionId())
                        .correlation(request.correlation())
                        .message(request.type() + " requestID " + request.requestId() + " (" + request.purpose() + ") sent to QuickBooks in message "
                                + (session.roundTrips() + 1) + " of the session"
                                + (request.attempts() > 0 ? ", attempt " + (request.attempts() + 1) : "")));
            }
            audit.insertAll(entries);
            return QbxmlMessage.compose(version, claimed.stopOnError() ? QbxmlMessage.OnError.STOP : QbxmlMessage.OnError.CONTINUE,
                    fragments);
        });
    }

    /**
     * Records QuickBooks' answer to the session's outstanding message and returns the percentage of
     * the session's work done: 100 when nothing more is waiting, -1 for an unknown ticket.
     */
    /** QuickBooks could not parse the message (and so did none of it). */
    private static final String PARSE_ERROR = "0x80040400";

    public int receiveResponseXml(String ticket, String response, String hresult, String message) {
        Instant now = clock.instant();
        Optional<WebConnectorSession> found = sessions.byTicket(ticket);
        if (found.isEmpty()) {
            return -1;
        }
        WebConnectorSession session = found.get();
        UUID tenantId = session.tenantId();
        UUID connectionId = session.connectionId();
        List<ResponseDelivery.Outcome> outcomes = transactions.write(tenantId, () -> record(session, response, hresult, message, now));
        List<Long> delivered = delivery.deliver(tenantId, connectionId, outcomes);
        return transactions.write(tenantId, () -> {
            queue.delivered(delivered, now);
            WebConnectorSession current = sessions.reload(session.id()).orElseThrow();
            int waiting = queue.waitingCount(connectionId, session.id());
            int progress;
            if (!current.open(now) || waiting == 0 || current.roundTrips() >= settings.maxRoundTripsPerSession()) {
                progress = 100;
            } else {
                int handled = current.handled();
                progress = Math.max(current.progress(), Math.min(99, handled * 100 / (handled + waiting)));
            }
            sessions.recordProgress(session.id(), progress);
            if (current.open(now)) {
                sessions.touch(session.id(), now, now.plus(settings.sessionIdleTimeout()));
            }
            return progress;
        });
    }

    /** QuickBooks could not be reached: recorded on the connection, the work stays queued, and the session ends. */
    public String connectionError(String ticket, String hresult, String message) {
        Instant now = clock.instant();
        Optional<WebConnectorSession> found = sessions.byTicket(ticket);
        if (found.isEmpty()) {
            return "done";
        }
        WebConnectorSession session = found.get();
        String text = "QuickBooks was not reachable: " + (blank(message) ? "the Web Connector gave no reason" : message.strip())
                + (blank(hresult) ? "" : " (" + hresult.strip() + ")");
        transactions.write(session.tenantId(), () -> {
            accounts.recordUnreachable(session.connectionId(), text, now);
            queue.requeueInFlight(session.id());
            sessions.recordError(session.id(), text);
            audit.insertAll(List.of(AuditEntry.of(session.tenantId(), "qbwc.connection-error", "unreachable")
                    .connection(session.connectionId()).message(text + ". The queued work waits for the next update.")));
        });
        return "done";
    }

    public String getLastError(String ticket) {
        Optional<WebConnectorSession> found = sessions.byTicket(ticket);
        String error = found.map(WebConnectorSession::lastError).orElse(null);
        if (error != null) {
            return error;
        }
        return found.isPresent() && found.get().open(clock.instant()) ? "No error." : UNKNOWN_SESSION;
    }

    public String closeConnection(String ticket) {
        Instant now = clock.instant();
        Optional<WebConnectorSession> found = sessions.byTicket(ticket);
        if (found.isEmpty()) {
            return "OK";
        }
        WebConnectorSession session = found.get();
        return transactions.write(session.tenantId(), () -> {
            int unanswered = queue.requeueInFlight(session.id());
            sessions.close(session.id(), "closed", now);
            WebConnectorSession closed = sessions.reload(session.id()).orElseThrow();
            String summary = closed.sent() + " QuickBooks requests sent in " + closed.roundTrips() + " messages: "
                    + closed.answered() + " answered, " + closed.requeued() + " to retry in a later session, " + closed.failed() + " failed"
                    + (unanswered > 0 ? ", " + unanswered + " unanswered put back in the queue" : "") + ".";
            audit.insertAll(List.of(AuditEntry.of(session.tenantId(), "qbwc.session", "closed").connection(session.connectionId())
                    .message("The Web Connector session ended. " + summary)));
            return "OK. " + summary;
        });
    }

    /** The version to write for this message: from the HostQuery answer when it comes, else what the session already knows. */
    private String version(WebConnectorSession session, String hcpResponse, String companyFile, String country, String major,
                           String minor) {
        String version = session.qbxmlVersion();
        if (version == null || !blank(hcpResponse)) {
            Optional<String> negotiated = HostCapabilities.negotiate(settings.qbxmlVersion(), hcpResponse, major, minor);
            if (negotiated.isPresent()) {
                version = negotiated.get();
                accounts.recordVersion(session.connectionId(), version);
            }
            if (version == null) {
                version = sql.one("SELECT qbxml_version FROM web_connector_accounts WHERE connection_id = ? AND qbxml_version IS NOT NULL",
                        row -> row.getString(1), session.connectionId()).orElse(settings.qbxmlVersion());
            }
            sessions.recordHost(session.id(), version, clip(companyFile), clip(country));
        }
        return version;
    }

    /** Inside the tenant's transaction: what became of each request of the outstanding message. */
    private List<ResponseDelivery.Outcome> record(WebConnectorSession session, String response, String hresult, String message,
                                                  Instant now) {
        List<QueuedRequest> inFlight = queue.inFlight(session.id());
        Tally tally = new Tally();
        if (!blank(hresult)) {
            String error = "QuickBooks could not process the message: " + (blank(message) ? "no reason given" : message.strip())
                    + " (" + hresult.strip() + ")";
            if (hresult.strip().equalsIgnoreCase(PARSE_ERROR)) {
                // QuickBooks read nothing of a message it could not parse: every request can be sent again.
                refused(session, inFlight, error, tally, now);
            } else {
                // A time-out or unexpected error: QuickBooks may have carried out some of the requests.
                List<QueuedRequest> queries = inFlight.stream().filter(QueuedRequest::isQuery).toList();
                List<QueuedRequest> changes = inFlight.stream().filter(r -> !r.isQuery()).toList();
                refused(session, queries, error, tally, now);
                outcomeUnknown(session, changes, error, tally, now);
            }
            tally.lastError = error;
        } else {
            List<QbxmlResponses.Part> parts;
            try {
                parts = QbxmlResponses.split(response);
            } catch (IllegalArgumentException e) {
                parts = null;
                String error = "The Web Connector returned a response ml-connector cannot read: " + e.getMessage();
                refused(session, inFlight, error, tally, now);
                tally.lastError = error;
            }
            if (parts != null) {
                answered(session, inFlight, parts, tally, now);
            }
        }
        audit.insertAll(tally.entries);
        sessions.recordOutcome(session.id(), tally.answered, tally.failed, tally.requeued, tally.lastError);
        return tally.outcomes;
    }

    private void answered(WebConnectorSession session, List<QueuedRequest> inFlight, List<QbxmlResponses.Part> parts, Tally tally,
                          Instant now) {
        Map<String, QueuedRequest> byRequestId = new HashMap<>(inFlight.size() * 2);
        for (QueuedRequest request : inFlight) {
            byRequestId.put(request.requestId(), request);
        }
        List<QueuedRequests.Answer> answers = new ArrayList<>(parts.size());
        List<OutOfDate> outOfDate = new ArrayList<>();
        boolean anyAnswered = false;
        String stoppedAt = null;
        for (QbxmlResponses.Part part : parts) {
            QueuedRequest request = part.requestId() == null ? null : byRequestId.remove(part.requestId());
            if (request == null && part.requestId() != null) {
                // The answer to a request given up on meanwhile (its session had expired): still the truth, when
                // it answers what the row asks now (a row reading an object again asks a query, then its Mod again).
                request = queue.waiting(session.connectionId(), part.requestId()).filter(r -> answers(part, r)).orElse(null);
            }
            if (request == null) {
                LOG.warn("QuickBooks answered request {} ({}) of connection {}, which is not waiting for an answer; ignored",
                        part.requestId(), part.type(), session.connectionId());
                continue;
            }
            tally.answered++;
            anyAnswered = true;
            String severity = part.severity() == null ? "unknown" : part.severity().toLowerCase(Locale.ROOT);
            tally.entries.add(AuditEntry.of(session.tenantId(), "qbwc.response", "error".equals(severity) ? "error"
                            : "warn".equals(severity) ? "warning" : "ok")
                    .connection(session.connectionId()).correlation(request.correlation()).ids(null, part.quickBooksId())
                    .message(part.type() + " for requestID " + request.requestId() + " (" + request.purpose() + "): status "
                            + part.statusCode() + " " + (part.severity() == null ? "" : part.severity())
                            + (part.statusMessage() == null ? "" : " — " + part.statusMessage())
                            + (part.quickBooksId() == null ? "" : "; QuickBooks id " + part.quickBooksId())));
            if (request.rereading()) {
                // The platform's own query for an object a Mod of this row changes: not the connector's answer.
                StaleEditSequences.Handled handled = stale.queryAnswered(session, request, part, now);
                tally.entries.add(handled.entry());
                if (handled.outcome() != null) {
                    tally.outcomes.add(handled.outcome());
                }
                continue;
            }
            if ("error".equals(severity)) {
                stoppedAt = request.requestId();
            }
            QueuedRequests.Answer answer = new QueuedRequests.Answer(request.id(), session.id(), part.statusCode(), part.xml());
            ResponseDelivery.Outcome outcome = new ResponseDelivery.Outcome(request.id(),
                    new QuickBooksResponse(request.requestId(), request.purpose(), request.correlation(), part.xml(), null));
            answers.add(answer);
            tally.outcomes.add(outcome);
            if (StaleEditSequences.outOfDate(request, part)) {
                outOfDate.add(new OutOfDate(request, part, answer, outcome));
            }
        }
        List<QueuedRequest> missing = new ArrayList<>(byRequestId.values());
        missing.sort((a, b) -> Long.compare(a.id(), b.id()));
        for (OutOfDate mod : outOfDate) {
            boolean stoppedOthers = mod.request().orderGroup() != null
                    && missing.stream().anyMatch(r -> mod.request().orderGroup().equals(r.orderGroup()));
            StaleEditSequences.Decision decision = stale.reread(session, mod.request(), mod.part(), stoppedOthers);
            if (decision.entry() != null) {
                tally.entries.add(decision.entry());
            }
            if (decision.heldBack()) {
                answers.remove(mod.answer());
                tally.outcomes.remove(mod.outcome());
            }
        }
        queue.answered(answers, now);
        if (anyAnswered) {
            accounts.recordAnswer(session.connectionId(), now);
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean ordered = missing.stream().anyMatch(r -> r.orderGroup() != null);
        if (ordered && stoppedAt != null) {
            String error = "Not run: QuickBooks stopped at request " + stoppedAt + " of the same ordered group, which failed";
            queue.notRun(missing, error, now);
            for (QueuedRequest request : missing) {
                tally.outcomes.add(new ResponseDelivery.Outcome(request.id(),
                        new QuickBooksResponse(request.requestId(), request.purpose(), request.correlation(), null, error)));
                tally.failed++;
                tally.entries.add(entry(session, request, "qbwc.request", "not-run", error));
            }
        } else {
            refused(session, missing, "QuickBooks sent no answer for this request", tally, now);
        }
    }

    /**
     * Requests that change the books and whose fate is unknown: never sent again by the platform (that
     * could post them twice); their connector is told, and decides, e.g. by searching QuickBooks.
     */
    private void outcomeUnknown(WebConnectorSession session, List<QueuedRequest> requests, String error, Tally tally, Instant now) {
        if (requests.isEmpty()) {
            return;
        }
        String unknown = error + ". " + QueuedRequests.OUTCOME_UNKNOWN;
        queue.failed(requests, unknown, now);
        for (QueuedRequest request : requests) {
            tally.failed++;
            tally.outcomes.add(new ResponseDelivery.Outcome(request.id(),
                    new QuickBooksResponse(request.requestId(), request.purpose(), request.correlation(), null, unknown)));
            tally.entries.add(entry(session, request, "qbwc.request", "outcome-unknown", unknown));
        }
    }

    /**
     * QuickBooks refused these requests without answering them. A batch is split up, its requests
     * sent again one by one in this session; a lone request or an ordered group waits for the next
     * session, until it has been refused {@link QbwcSettings#maxAttempts()} times.
     */
    private void refused(WebConnectorSession session, List<QueuedRequest> requests, String error, Tally tally, Instant now) {
        if (requests.isEmpty()) {
            return;
        }
        boolean batch = requests.size() > 1 && requests.stream().allMatch(QueuedRequest::batchable);
        if (batch) {
            queue.requeueAlone(requests, error);
            for (QueuedRequest request : requests) {
                tally.entries.add(entry(session, request, "qbwc.request", "retry-alone",
                        error + ". It is sent again on its own, so one bad request cannot hold back the others."));
            }
            return;
        }
        List<QueuedRequest> giveUp = new ArrayList<>();
        List<QueuedRequest> retry = new ArrayList<>();
        for (QueuedRequest request : requests) {
            (request.attempts() + 1 >= settings.maxAttempts() ? giveUp : retry).add(request);
        }
        queue.requeueForNextSession(retry, session.id(), error);
        for (QueuedRequest request : retry) {
            tally.requeued++;
            tally.entries.add(entry(session, request, "qbwc.request", "requeued", error + ". Attempt " + (request.attempts() + 1)
                    + " of " + settings.maxAttempts() + "; it is sent again in the next session."));
        }
        String finalError = error + ". Given up after " + settings.maxAttempts() + " attempts.";
        for (QueuedRequest request : giveUp.stream().filter(QueuedRequest::rereading).toList()) {
            // The query reading an object again failed for good: the connector gets what QuickBooks said to its Mod.
            StaleEditSequences.Handled handled = stale.refused(session, request, finalError, now);
            tally.failed++;
            tally.outcomes.add(handled.outcome());
            tally.entries.add(handled.entry());
        }
        giveUp.removeIf(QueuedRequest::rereading);
        queue.failed(giveUp, finalError, now);
        for (QueuedRequest request : giveUp) {
            tally.failed++;
            tally.outcomes.add(new ResponseDelivery.Outcome(request.id(),
                    new QuickBooksResponse(request.requestId(), request.purpose(), request.correlation(), null, finalError)));
            tally.entries.add(entry(session, request, "qbwc.request", "failed", finalError));
        }
    }

    /** Sessions of the connection still marked open are over once a new one signs in. */
    private void endEarlierSessions(UUID tenantId, UUID connectionId, Instant now) {
        for (UUID earlier : sessions.othersOpen(connectionId)) {
            int unanswered = queue.requeueInFlight(earlier);
            sessions.close(earlier, "closed", now);
            if (unanswered > 0) {
                audit.insertAll(List.of(AuditEntry.of(tenantId, "qbwc.session", "abandoned").connection(connectionId)
                        .message(unanswered + " requests sent in an earlier Web Connector session never got an answer: "
                                + "queries go back in the queue, other requests are reported to their connector as not known")));
            }
        }
    }

    private static AuditEntry entry(WebConnectorSession session, QueuedRequest request, String step, String outcome, String text) {
        return AuditEntry.of(session.tenantId(), step, outcome).connection(session.connectionId()).correlation(request.correlation())
                .message(request.type() + " requestID " + request.requestId() + " (" + request.purpose() + "): " + text);
    }

    /** Whether a response element is of the kind the request asks for: CustomerModRq is answered by CustomerModRs. */
    private static boolean answers(QbxmlResponses.Part part, QueuedRequest request) {
        String type = request.type();
        return part.type().equals(type.substring(0, type.length() - 2) + "Rs");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }

    /** A Mod QuickBooks answered 3200, with the answer and outcome that go to its connector unless it is read again. */
    private record OutOfDate(QueuedRequest request, QbxmlResponses.Part part, QueuedRequests.Answer answer,
                             ResponseDelivery.Outcome outcome) {
    }

    /** What one receiveResponseXML did. */
    private static final class Tally {
        final List<ResponseDelivery.Outcome> outcomes = new ArrayList<>();
        final List<AuditEntry> entries = new ArrayList<>();
        int answered;
        int failed;
        int requeued;
        String lastError;
    }
}
