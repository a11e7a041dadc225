package io.mlconnector.platform.sync;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.jobs.Jobs;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.inbox.InboxRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * Runs a sync record's last event again. Safe to press twice: the connector's id ledger makes
 * sure an object already in the other system is not posted again.
 */
@Singleton
public class ReplayService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplayService.class);

    private final TenantTransactions transactions;
    private final SyncRecordStore records;
    private final IdMappingStore ids;
    private final InboxRepository inbox;
    private final Jobs jobs;
    private final AuditLog audit;
    private final Sql sql;
    private final PickListStore pickLists;

    public ReplayService(TenantTransactions transactions, SyncRecordStore records, IdMappingStore ids, InboxRepository inbox,
                         Jobs jobs, AuditLog audit, Sql sql, PickListStore pickLists) {
        this.pickLists = pickLists;
        this.transactions = transactions;
        this.records = records;
        this.ids = ids;
        this.inbox = inbox;
        this.jobs = jobs;
        this.audit = audit;
        this.sql = sql;
    }

    public void replay(UUID tenantId, UUID recordId) {
        long eventId = transactions.write(tenantId, () -> {
            SyncRecordStore.Row row = records.find(recordId).orElseThrow(() -> new NotFound("Sync record"));
            if (row.lastEventId() == null) {
                throw InvalidInput.of("record", "This record has no event to run again.");
            }
            if (row.record().status() == SyncStatus.DONE) {
                throw InvalidInput.of("record", "This record is already done; there is nothing to replay.");
            }
            inbox.reopen(row.lastEventId());
            records.setStatus(row.connectionId(), row.record().kind(), row.record().sourceId(), SyncStatus.PENDING, null, null);
            audit.insert(AuditEntry.of(tenantId, "sync.replayed", "queued").connection(row.connectionId())
                    .correlation(row.record().sourceId()).ids(row.record().sourceId(), null));
            return row.lastEventId();
        });
        jobs.rerun(eventId);
    }

    /** Replays every failed record of a connection; returns how many. */
    public int replayFailed(UUID tenantId, UUID connectionId) {
        List<UUID> failed = transactions.read(tenantId, () -> sql.list(
                "SELECT id FROM sync_records WHERE connection_id = ? AND tenant_id = current_tenant() AND status = 'FAILED' AND last_event_id IS NOT NULL",
                row -> row.getObject(1, UUID.class), connectionId));
        failed.forEach(id -> replay(tenantId, id));
        return failed.size();
    }

    /**
     * A person's answer to "needs attention": records which object on the other side this one is
     * (e.g. the accounting customer for a payer), then runs the record again. What is matched comes
     * from the question the connector asked; {@code kind} and {@code sourceId} are only needed for a
     * record held without one. When the question names a pick list that has entries, the answer must
     * be one of them, so a typo cannot post a payment to a customer that does not exist. Other records
     * held with the same question run again too.
     *
     * @return how many other records ran again with the same answer
     */
    public int resolve(UUID tenantId, UUID recordId, String kind, String sourceId, String targetId) {
        if (targetId == null || targetId.isBlank()) {
            throw InvalidInput.of("targetId", "Choose what this should be matched to.");
        }
        String target = targetId.strip();
        List<UUID> alsoAnswered = transactions.write(tenantId, () -> {
            SyncRecordStore.Row row = records.find(recordId).orElseThrow(() -> new NotFound("Sync record"));
            MatchQuestion question = row.question();
            String ledgerKind = question != null ? question.ledgerKind() : kind;
            String source = question != null ? question.sourceId() : sourceId;
            if (ledgerKind == null || ledgerKind.isBlank() || source == null || source.isBlank()) {
                throw InvalidInput.of("targetId", "Say which object this answer is for.");
            }
            String label = target;
            if (question != null && question.pickList() != null && pickLists.size(row.connectionId(), question.pickList()) > 0) {
                Choice chosen = pickLists.find(row.connectionId(), question.pickList(), target).orElseThrow(() -> InvalidInput.of(
                        "targetId", "Choose one of the listed " + question.noun() + "s; '" + target + "' is not one of them."));
                label = chosen.label();
            }
            ids.replace(tenantId, row.connectionId(), ledgerKind, source, target);
            audit.insert(AuditEntry.of(tenantId, "mapping.set-by-person", "ok").connection(row.connectionId())
                    .correlation(row.record().sourceId()).ids(source, target)
                    .message(ledgerKind + " " + source + " matched by a person to " + label));
            return question == null ? List.<UUID>of() : records.askingTheSame(row.connectionId(), question, recordId);
        });
        replay(tenantId, recordId);
        // One answer serves every record that waited for it (e.g. all the payments of one payer).
        int others = 0;
        for (UUID other : alsoAnswered) {
            try {
                replay(tenantId, other);
                others++;
            } catch (RuntimeException e) {
                // Answered meanwhile or nothing to run: the person's own record is what they asked about.
                LOG.info("Record {} waiting for the same answer was not run again: {}", other, e.getMessage());
            }
        }
        return others;
    }
}
