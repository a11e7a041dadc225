package io.mlconnector.platform.qbwc;

import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.runtime.QuickBooksAccess;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-connection queue of qbXML requests waiting for the Web Connector's next poll. The platform
 * gives each request its requestID (unique per connection, at most 50 characters) and writes it onto
 * the request element; the Web Connector service batches, sends and answers them.
 */
@Singleton
public class QuickBooksQueue implements QuickBooksAccess {

    private final Sql sql;
    private final TenantTransactions transactions;
    private final QbwcSettings settings;

    public QuickBooksQueue(Sql sql, TenantTransactions transactions, QbwcSettings settings) {
        this.sql = sql;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** The {@link QuickBooksDesktop} a connector context hands its plugin, bound to one connection. */
    @Override
    public QuickBooksDesktop forConnection(UUID tenantId, UUID connectionId) {
        return new PlatformQuickBooksDesktop(this, tenantId, connectionId);
    }

    /** Queues one request; returns its requestID. */
    public String enqueue(UUID tenantId, UUID connectionId, QuickBooksRequest request) {
        return insert(tenantId, connectionId, List.of(check(request)), false).get(0);
    }

    /** Queues many independent or stand-alone requests in one transaction; returns their requestIDs in order. */
    public List<String> enqueueAll(UUID tenantId, UUID connectionId, List<QuickBooksRequest> requests) {
        return insert(tenantId, connectionId, checkAll(requests), false);
    }

    /**
     * Queues requests that must run in this order, in one qbXML message with {@code stopOnError}:
     * QuickBooks stops at the first that fails, and the ones after it are reported as not run.
     */
    public List<String> enqueueInOrder(UUID tenantId, UUID connectionId, List<QuickBooksRequest> requests) {
        return insert(tenantId, connectionId, checkAll(requests), true);
    }

    /** Requests of the connection still queued or sent but not answered; all of them when {@code correlation} is null. */
    public int pending(UUID tenantId, UUID connectionId, String correlation) {
        return transactions.read(tenantId, () -> correlation == null
                ? sql.one("SELECT count(*) FROM web_connector_requests WHERE connection_id = ? AND status IN ('queued', 'sent')",
                        row -> row.getInt(1), connectionId).orElse(0)
                : sql.one("SELECT count(*) FROM web_connector_requests WHERE connection_id = ? AND correlation = ? "
                        + "AND status IN ('queued', 'sent')", row -> row.getInt(1), connectionId, correlation).orElse(0));
    }

    public Optional<Instant> lastPolledAt(UUID tenantId, UUID connectionId) {
        return transactions.read(tenantId, () -> sql.one("SELECT last_polled_at FROM web_connector_accounts WHERE connection_id = ? AND last_polled_at IS NOT NULL",
                row -> Sql.instant(row, "last_polled_at"), connectionId));
    }

    /** The qbXML version the connection's QuickBooks was last found to speak, e.g. "13.0". */
    public Optional<String> qbxmlVersion(UUID tenantId, UUID connectionId) {
        return transactions.read(tenantId, () -> sql.one("SELECT qbxml_version FROM web_connector_accounts WHERE connection_id = ? AND qbxml_version IS NOT NULL",
                row -> row.getString("qbxml_version"), connectionId));
    }

    private List<String> insert(UUID tenantId, UUID connectionId, List<QuickBooksRequest> requests, boolean inOrder) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return transactions.write(tenantId, () -> {
            if (sql.one("SELECT 1 FROM connections WHERE id = ?", row -> 1, connectionId).isEmpty()) {
                // Row-level security hides other tenants' connections, so this refuses them too.
                throw new NotFound("Connection");
            }
            List<Long> ids = sql.list("SELECT nextval('web_connector_requests_id_seq') FROM generate_series(1, ?)",
                    row -> row.getLong(1), requests.size());
            UUID group = inOrder ? UUID.randomUUID() : null;
            List<Object[]> rows = new ArrayList<>(requests.size());
            List<String> requestIds = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                QuickBooksRequest request = requests.get(i);
                String requestId = Long.toString(ids.get(i));
                RequestFragment fragment = RequestFragment.prepare(request.fragment(), requestId, settings.maxFragmentChars());
                rows.add(new Object[] {ids.get(i), tenantId, connectionId, requestId, fragment.type(), fragment.xml(),
                        request.purpose() == null ? "" : request.purpose(), request.correlation(),
                        !inOrder && request.independent(), group, inOrder ? i : null});
                requestIds.add(requestId);
            }
            sql.batch("INSERT INTO web_connector_requests (id, tenant_id, connection_id, request_id, request_type, fragment, purpose, "
                    + "correlation, independent, order_group, group_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return requestIds;
        });
    }

    private static List<QuickBooksRequest> checkAll(List<QuickBooksRequest> requests) {
        if (requests == null) {
            throw new IllegalArgumentException("No requests given");
        }
        requests.forEach(QuickBooksQueue::check);
        return requests;
    }

    private static QuickBooksRequest check(QuickBooksRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("No request given");
        }
        if (request.purpose() != null && request.purpose().length() > 200) {
            throw new IllegalArgumentException("A request's purpose is at most 200 characters");
        }
        return request;
    }
}
