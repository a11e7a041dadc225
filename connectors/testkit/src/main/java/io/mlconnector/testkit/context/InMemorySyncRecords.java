package io.mlconnector.testkit.context;

import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncRecords;
import io.mlconnector.api.context.SyncStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sync records in memory, one per (kind, source id), with every status each one passed through so
 * a test can check the way, not only the end ({@link #history}).
 */
public final class InMemorySyncRecords implements SyncRecords {

    private record Key(String kind, String sourceId) {
    }

    private final Clock clock;
    private final Map<Key, SyncRecord> records = new LinkedHashMap<>();
    private final Map<Key, List<SyncStatus>> history = new LinkedHashMap<>();
    private final Map<Key, MatchQuestion> questions = new LinkedHashMap<>();

    public InMemorySyncRecords(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized SyncRecord open(String kind, String sourceId, String summary) {
        Key key = new Key(kind, sourceId);
        SyncRecord existing = records.get(key);
        if (existing != null) {
            if (summary != null && !summary.equals(existing.summary())) {
                existing = with(existing, existing.status(), existing.targetId(), existing.lastError(), summary, false);
                records.put(key, existing);
            }
            return existing;
        }
        SyncRecord created = new SyncRecord(UUID.randomUUID(), kind, sourceId, null, SyncStatus.PENDING, 0, null,
                summary, clock.instant());
        records.put(key, created);
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(SyncStatus.PENDING);
        return created;
    }

    @Override
    public synchronized Optional<SyncRecord> find(String kind, String sourceId) {
        return Optional.ofNullable(records.get(new Key(kind, sourceId)));
    }

    @Override
    public void waitingForQuickBooks(String kind, String sourceId) {
        change(kind, sourceId, SyncStatus.WAITING_FOR_QUICKBOOKS, null, null, false);
    }

    @Override
    public void done(String kind, String sourceId, String targetId) {
        change(kind, sourceId, SyncStatus.DONE, targetId, null, false);
    }

    @Override
    public void needsAttention(String kind, String sourceId, String reason) {
        change(kind, sourceId, SyncStatus.NEEDS_ATTENTION, null, reason, false);
    }

    @Override
    public void needsAttention(String kind, String sourceId, String reason, MatchQuestion question) {
        synchronized (this) {
            questions.put(new Key(kind, sourceId), question);
        }
        change(kind, sourceId, SyncStatus.NEEDS_ATTENTION, null, reason, false);
    }

    /** The question a person was last asked about this record, if any. */
    public synchronized Optional<MatchQuestion> question(String kind, String sourceId) {
        return Optional.ofNullable(questions.get(new Key(kind, sourceId)));
    }

    @Override
    public void failed(String kind, String sourceId, String reason) {
        change(kind, sourceId, SyncStatus.FAILED, null, reason, true);
    }

    @Override
    public void skipped(String kind, String sourceId, String reason) {
        change(kind, sourceId, SyncStatus.SKIPPED, null, reason, false);
    }

    /** The statuses the record went through, oldest first (empty when there is no record). */
    public synchronized List<SyncStatus> history(String kind, String sourceId) {
        return List.copyOf(history.getOrDefault(new Key(kind, sourceId), List.of()));
    }

    /** Every record of one kind, in creation order. */
    public synchronized List<SyncRecord> all(String kind) {
        return records.values().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    public synchronized List<SyncRecord> withStatus(SyncStatus status) {
        return records.values().stream().filter(r -> r.status() == status).toList();
    }

    /** A status change on a record that was never opened opens it first, as the platform's does. */
    private synchronized void change(String kind, String sourceId, SyncStatus status, String targetId, String error,
                                     boolean attempt) {
        Key key = new Key(kind, sourceId);
        SyncRecord current = records.get(key);
        if (current == null) {
            current = open(kind, sourceId, null);
        }
        String target = targetId != null ? targetId : current.targetId();
        String lastError = status == SyncStatus.DONE || status == SyncStatus.WAITING_FOR_QUICKBOOKS
                ? null : (error != null ? error : current.lastError());
        records.put(key, with(current, status, target, lastError, current.summary(), attempt));
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(status);
    }

    private SyncRecord with(SyncRecord r, SyncStatus status, String targetId, String lastError, String summary,
                            boolean attempt) {
        return new SyncRecord(r.id(), r.kind(), r.sourceId(), targetId, status, r.attempts() + (attempt ? 1 : 0),
                lastError, summary, clock.instant());
    }
}
