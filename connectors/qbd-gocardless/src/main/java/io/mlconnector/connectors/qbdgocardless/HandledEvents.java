package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.systems.gocardless.GoCardlessEvent;

import java.util.Map;
import java.util.Set;

/**
 * The GoCardless events this connector acts on; everything else is acknowledged and dropped. Each
 * kept event only says "look at this object again": the handlers re-read its current state.
 */
final class HandledEvents {

    static final String SOURCE = QbdGoCardlessSpec.WEBHOOK_SOURCE;

    private static final Map<String, Set<String>> KEPT = Map.of(
            "payments", Set.of("confirmed", "paid_out", "failed", "cancelled", "charged_back",
                    "customer_approval_denied", "late_failure_settled", "chargeback_settled",
                    "chargeback_cancelled", "resubmission_requested"),
            "refunds", Set.of("created", "paid", "refund_settled", "cancelled", "bounced", "failed",
                    "funds_returned"),
            "payouts", Set.of("paid"),
            "mandates", Set.of("active", "reinstated", "cancelled", "failed", "expired", "blocked",
                    "suspended_by_payer"));

    private HandledEvents() {
    }

    static boolean kept(String resourceType, String action) {
        Set<String> actions = KEPT.get(resourceType);
        return actions != null && actions.contains(action);
    }

    static boolean kept(GoCardlessEvent event) {
        return kept(event.resourceType(), event.action()) && event.resourceId().isPresent();
    }

    static InboundEvent toInbound(GoCardlessEvent event) {
        return new InboundEvent(SOURCE, event.id(), event.resourceType() + "." + event.action(),
                event.resourceId().orElse(null), event.createdAt(), event.rawJson());
    }

    /** The resource type of a stored event, from its type {@code payments.confirmed}. */
    static String resourceType(InboundEvent event) {
        int dot = event.type().indexOf('.');
        return dot < 0 ? event.type() : event.type().substring(0, dot);
    }
}
