package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import io.mlconnector.systems.stripe.connector.StripeWebhookReceiver;
import org.pf4j.Extension;

/**
 * QuickBooks Desktop ↔ Stripe: Stripe payments, refunds, disputes and payouts into QuickBooks
 * Desktop through the Web Connector. See the module's README for what moves where.
 */
@Extension
public final class QbdStripeConnector implements Connector {

    private final ConnectorSpec spec = QbdStripeSpec.build();
    private final Flows flows = new Flows();
    private final StripeWebhookReceiver webhooks =
            new StripeWebhookReceiver(QbdStripeSpec.WEBHOOK_SOURCE, Keys.WEBHOOK_SECRET, QbdStripeSpec.EVENTS);
    private final AnswerRouter responses = flows.router();
    private final ConnectionCheck checks = new ConnectionCheck(flows.clients, spec);

    @Override
    public ConnectorSpec spec() {
        return spec;
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return checks.check(context);
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        return webhooks.receive(request, context);
    }

    /** Each stored event names an object to read again; its type says which flow reads it. */
    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        String id = event.objectId();
        String type = event.type();
        if (type.startsWith("payment_intent.") || type.equals("charge.succeeded")) {
            flows.payments.handle(id, event.id(), context);
        } else if (type.equals("charge.refunded")) {
            flows.refunds.handleCharge(id, event.id(), context);
        } else if (type.startsWith("refund.")) {
            flows.refunds.handle(id, event.id(), context);
        } else if (type.startsWith("charge.dispute.")) {
            flows.disputes.handle(id, event.id(), context);
        } else if (type.startsWith("payout.")) {
            flows.payouts.handle(id, event.id(), context);
        } else {
            context.audit().record(id, "event.ignored", "ok", event.id(), null,
                    "Events of type " + type + " are not used by this connector");
        }
    }

    @Override
    public void onQuickBooksResponse(QuickBooksResponse response, ConnectorContext context) {
        responses.route(response, context);
    }

    @Override
    public void runSchedule(String scheduleId, ConnectorContext context) {
        switch (scheduleId) {
            case QbdStripeSpec.QUICKBOOKS_CUSTOMERS -> flows.customerList.run(context);
            case QbdStripeSpec.QUICKBOOKS_LISTS -> flows.settingLists.run(context);
            default -> context.log().log(System.Logger.Level.WARNING, "Unknown schedule " + scheduleId + " ignored");
        }
    }
}
