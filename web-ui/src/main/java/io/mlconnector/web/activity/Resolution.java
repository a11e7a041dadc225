package io.mlconnector.web.activity;

import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.platform.audit.AuditEntry;
import java.util.List;
import java.util.Locale;

/**
 * What a person must match to let a held record go on: which kind of object, and its id on the
 * source side. Connectors say it in the audit log with a step {@code <kind>.unmatched} whose source
 * id is the object to match (e.g. {@code customer.unmatched} for payer CU123), either in the record's
 * own trail or in the trail of an object the record's trail names. Without such a step the
 * record's own object is matched as a customer.
 */
public record Resolution(String kind, String sourceId, List<KnownTargets.Target> known) {

    static final String UNMATCHED = ".unmatched";
    static final String DEFAULT_KIND = "customer";

    /** The question for a record, from audit entries about it and the objects it names, newest first. */
    public static Resolution of(SyncRecord record, List<AuditEntry> newestFirst) {
        for (AuditEntry entry : newestFirst) {
            String step = entry.step();
            if (step != null && step.endsWith(UNMATCHED) && entry.sourceId() != null && !entry.sourceId().isBlank()) {
                String kind = step.substring(0, step.length() - UNMATCHED.length());
                if (kind.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
                    return new Resolution(kind, entry.sourceId(), List.of());
                }
            }
        }
        return new Resolution(DEFAULT_KIND, record.sourceId(), List.of());
    }

    public Resolution withKnown(List<KnownTargets.Target> targets) {
        return new Resolution(kind, sourceId, targets);
    }

    /** The kind in words for labels, e.g. "customer". */
    public String noun() {
        return kind.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
