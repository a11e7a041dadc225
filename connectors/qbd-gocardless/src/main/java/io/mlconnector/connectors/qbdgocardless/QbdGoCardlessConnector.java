package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.gocardless.connector.GoCardlessEventPoller;
import io.mlconnector.systems.gocardless.connector.GoCardlessWebhookReceiver;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import org.pf4j.Extension;

/**
 * QuickBooks Desktop ↔ GoCardless: GoCardless payments, refunds, failures and payouts into
 * QuickBooks Desktop through the Web Connector, and optionally open QuickBooks invoices collected
 * by GoCardless. See the module's README for what moves where.
 */
@Extension
public final class QbdGoCardlessConnector implements Connector {

    private final ConnectorSpec spec = QbdGoCardlessSpec.build();
    private final Flows flows = new Flows();
    private final GoCardlessWebhookReceiver webhooks =
            new GoCardlessWebhookReceiver(Keys.WEBHOOK_SECRET, HandledEvents.EVENTS);
    private final EventRouter events = new EventRouter(flows);
    private final AnswerRouter responses = ResponseRouter.of(flows);
    private final GoCardlessEventPoller poller = new GoCardlessEventPoller(HandledEvents.EVENTS);
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

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        events.handle(event, context);
    }

    @Override
    public void onQuickBooksResponse(QuickBooksResponse response, ConnectorContext context) {
        responses.route(response, context);
    }

    @Override
    public void runSchedule(String scheduleId, ConnectorContext context) {
        switch (scheduleId) {
            case QbdGoCardlessSpec.POLL_EVENTS -> pollEvents(context);
            case QbdGoCardlessSpec.REVERSE_FLOW -> flows.reverse.run(context);
            case QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS -> flows.customerList.run(context);
            case QbdGoCardlessSpec.QUICKBOOKS_LISTS -> flows.settingLists.run(context);
            default -> context.log().log(System.Logger.Level.WARNING, "Unknown schedule " + scheduleId + " ignored");
        }
    }

    private void pollEvents(ConnectorContext context) {
        if (ConnectionSettings.of(context).eventSource().polls()) {
            poller.run(flows.gc(context), context);
        }
    }
}
