package io.mlconnector.api.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which object on one side is which object on the other, per kind: e.g. kind {@code payment}, source
 * {@code PM123} (GoCardless) → target {@code 1A2B-1234567890} (QuickBooks TxnID). Each (kind, source)
 * maps to one target, for good: this is what makes posting exactly-once.
 */
public interface IdMappings {

    Optional<String> target(String kind, String sourceId);

    Optional<String> source(String kind, String targetId);

    /**
     * Records a mapping. Returns false, changing nothing, when the source is already mapped (to this
     * or another target): the caller then knows the object was already posted.
     */
    boolean put(String kind, String sourceId, String targetId);

    /** Sets a mapping a person chose (e.g. which QuickBooks customer a GoCardless customer is). */
    void replace(String kind, String sourceId, String targetId);

    void remove(String kind, String sourceId);

    /**
     * Takes (reads and removes) every source mapped to {@code targetId} under {@code kind}: the work
     * waiting for something, e.g. the refunds waiting for a payment. One row at a time, so concurrent
     * writers never lose one.
     */
    default List<String> takeAll(String kind, String targetId) {
        List<String> taken = new ArrayList<>();
        Optional<String> next = source(kind, targetId);
        while (next.isPresent() && !taken.contains(next.get())) {
            taken.add(next.get());
            remove(kind, next.get());
            next = source(kind, targetId);
        }
        return taken;
    }
}
