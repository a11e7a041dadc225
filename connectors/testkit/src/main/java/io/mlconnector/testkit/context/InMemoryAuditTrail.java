package io.mlconnector.testkit.context;

import io.mlconnector.api.context.AuditTrail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The audit trail as a list, append-only like the platform's. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Clock clock;
    private final List<AuditEntry> entries = new ArrayList<>();

    public InMemoryAuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void record(String correlation, String step, String outcome, String sourceId, String targetId,
                                    String message) {
        entries.add(new AuditEntry(clock.instant(), correlation, step, outcome, sourceId, targetId, message));
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries about one business object, oldest first. */
    public synchronized List<AuditEntry> entries(String correlation) {
        return entries.stream().filter(e -> correlation.equals(e.correlation())).toList();
    }

    /** The steps recorded for one business object, e.g. {@code [payment.read, payment.posted]}. */
    public synchronized List<String> steps(String correlation) {
        return entries(correlation).stream().map(AuditEntry::step).toList();
    }
}
