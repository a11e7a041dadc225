package io.mlconnector.api.context;

/**
 * Appends to the tenant's append-only audit log. Record each step with the ids on both sides, so a
 * person can follow an object across systems. Never pass credentials or personal data beyond what
 * identifies the object.
 */
public interface AuditTrail {

    /**
     * @param correlation the business id the step belongs to, e.g. an event or payment id
     * @param step        what happened, e.g. {@code payment.matched}
     * @param outcome     e.g. {@code ok}, {@code queued}, {@code error}
     * @param sourceId    id on the source side, or null
     * @param targetId    id on the target side, or null
     * @param message     one sentence for people, or null
     */
    void record(String correlation, String step, String outcome, String sourceId, String targetId, String message);
}
