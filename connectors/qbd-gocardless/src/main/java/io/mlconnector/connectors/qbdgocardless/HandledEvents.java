package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.connector.GoCardlessEvents;

import java.util.Map;
import java.util.Set;

/**
 * The GoCardless events this connector acts on; everything else is acknowledged and dropped. Each
 * kept event only says "look at this object again": the handlers re-read its current state.
 */
final class HandledEvents {

    static final GoCardlessEvents EVENTS = new GoCardlessEvents(QbdGoCardlessSpec.WEBHOOK_SOURCE, Map.of(
            "payments", Set.of("confirmed", "paid_out", "failed", "cancelled", "charged_back",
                    "customer_approval_denied", "late_failure_settled", "chargeback_settled",
                    "chargeback_cancelled", "resubmission_requested"),
            "refunds", Set.of("created", "paid", "refund_settled", "cancelled", "bounced", "failed",
                    "funds_returned"),
            "payouts", Set.of("paid"),
            "mandates", Set.of("active", "reinstated", "cancelled", "failed", "expired", "blocked",
                    "suspended_by_payer")));

    private HandledEvents() {
    }
}
