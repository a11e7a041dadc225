package io.mlconnector.platform.webhooks;

import io.micronaut.scheduling.annotation.Scheduled;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the webhook deliveries a connection rejected (bad signature, unknown source) and writes
 * one audit entry per connection per minute with the count, so anyone holding a webhook address
 * cannot push a tenant's real entries out of view by flooding it.
 */
@Singleton
public class RejectedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedDeliveries.class);

    private record Key(UUID tenantId, UUID connectionId) {
    }

    private static final class Tally {
        long count;
        String lastReason;
    }

    private final Map<Key, Tally> open = new ConcurrentHashMap<>();
    private final AuditLog audit;

    public RejectedDeliveries(AuditLog audit) {
        this.audit = audit;
    }

    public void count(UUID tenantId, UUID connectionId, String reason) {
        open.compute(new Key(tenantId, connectionId), (key, tally) -> {
            Tally counted = tally == null ? new Tally() : tally;
            counted.count++;
            counted.lastReason = reason;
            return counted;
        });
    }

    /** Writes what was counted since the last summary: one entry per connection. */
    @Scheduled(fixedDelay = "${ml.webhooks.rejection-summary-interval:1m}")
    @PreDestroy
    public void summarise() {
        List<Map.Entry<Key, Tally>> due = new ArrayList<>();
        for (Key key : List.copyOf(open.keySet())) {
            Tally tally = open.remove(key);
            if (tally != null) {
                due.add(Map.entry(key, tally));
            }
        }
        for (Map.Entry<Key, Tally> entry : due) {
            Key key = entry.getKey();
            Tally tally = entry.getValue();
            try {
                audit.append(AuditEntry.of(key.tenantId(), "webhook.rejected", "rejected").connection(key.connectionId())
                        .message(tally.count + (tally.count == 1 ? " webhook delivery" : " webhook deliveries")
                                + " rejected in the last minute; the last: " + tally.lastReason));
            } catch (RuntimeException e) {
                // The connection may have been deleted meanwhile; a lost count is no loss of data.
                LOG.debug("Could not write the summary of rejected webhooks of connection {}", key.connectionId(), e);
            }
        }
    }
}
