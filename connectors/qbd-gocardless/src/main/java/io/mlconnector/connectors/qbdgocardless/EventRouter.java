package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.systems.gocardless.connector.GoCardlessEvents;

/** Sends each stored GoCardless event to the flow of its resource type. */
final class EventRouter {

    private final Flows flows;

    EventRouter(Flows flows) {
        this.flows = flows;
    }

    void handle(InboundEvent event, ConnectorContext ctx) {
        String resourceId = event.objectId();
        if (resourceId == null || resourceId.isBlank()) {
            ctx.audit().record(event.id(), "event.ignored", "ok", event.id(), null,
                    "Event " + event.type() + " names no GoCardless object");
            return;
        }
        switch (GoCardlessEvents.resourceType(event)) {
            case "payments" -> flows.payments.handle(resourceId, event.id(), event.payload(), ctx);
            case "refunds" -> flows.refunds.handle(resourceId, event.id(), ctx);
            case "payouts" -> flows.payouts.handle(resourceId, event.id(), ctx);
            case "mandates" -> flows.mandates.handle(resourceId, event.id(), event.payload(), ctx);
            default -> ctx.audit().record(resourceId, "event.ignored", "ok", event.id(), null,
                    "Events of type " + event.type() + " are not used by this connector");
        }
    }
}
