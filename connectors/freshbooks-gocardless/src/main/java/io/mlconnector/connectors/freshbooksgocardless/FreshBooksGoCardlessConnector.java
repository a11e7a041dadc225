package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.freshbooks.FreshBooksApi;
import io.mlconnector.systems.freshbooks.FreshBooksBusiness;
import io.mlconnector.systems.freshbooks.FreshBooksCallback;
import io.mlconnector.systems.freshbooks.FreshBooksIdentity;
import io.mlconnector.systems.gocardless.GoCardlessConnectionCheck;
import io.mlconnector.systems.gocardless.connector.GoCardlessEventPoller;
import io.mlconnector.systems.gocardless.connector.GoCardlessWebhookReceiver;
import java.util.List;
import org.pf4j.Extension;

/**
 * FreshBooks ↔ GoCardless: sent FreshBooks invoices collected by GoCardless Direct Debit; collections,
 * failures, refunds and payout fees recorded back in FreshBooks. See the module's README for what moves where.
 */
@Extension
public final class FreshBooksGoCardlessConnector implements Connector {

    private final ConnectorSpec spec = FreshBooksGoCardlessSpec.build();
    private final Flows flows = new Flows();
    private final Callbacks callbacks = new Callbacks();
    private final EventRouter events = new EventRouter(flows, callbacks);
    private final InvoicePoll invoicePoll = new InvoicePoll(flows, events.invoices());
    private final FreshBooksReceiver freshbooksWebhooks = new FreshBooksReceiver();
    private final GoCardlessWebhookReceiver gocardlessWebhooks =
            new GoCardlessWebhookReceiver(Keys.GC_WEBHOOK_SECRET, EventRouter.GOCARDLESS_EVENTS);
    private final GoCardlessEventPoller gocardlessPoll = new GoCardlessEventPoller(EventRouter.GOCARDLESS_EVENTS);

    @Override
    public ConnectorSpec spec() {
        return spec;
    }

    @Override
    public Connected onConnected(String system, ConnectorContext context) {
        if (!Keys.FRESHBOOKS.equals(system)) {
            return Connected.unnamed();
        }
        FreshBooksApi api = flows.freshbooks.api(context);
        FreshBooksIdentity me = api.identity();
        FreshBooksBusiness business = flows.freshbooks.business(api);
        try {
            callbacks.ensure(context, api, business.accountId());
        } catch (RuntimeException e) {
            // The hourly check registers them; connecting must not fail for it.
            context.log().log(System.Logger.Level.WARNING, "FreshBooks webhooks not registered yet: " + e.getMessage());
        }
        return Connected.as(business.name()).with(Keys.ACCOUNT_ID, business.accountId())
                .with(Keys.BUSINESS_ID, business.businessId()).with(Keys.USER_ID, me.userId());
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return CheckResult.of(checkFreshBooks(context), checkGoCardless(context));
    }

    private CheckResult.SideCheck checkFreshBooks(ConnectorContext context) {
        try {
            FreshBooksApi api = flows.freshbooks.api(context);
            FreshBooksBusiness business = flows.freshbooks.business(api);
            List<FreshBooksCallback> ours = api.callbacks(business.accountId()).stream()
                    .filter(c -> c.uri() != null && c.uri().equals(context.webhookUrl(Keys.FRESHBOOKS).orElse(null))).toList();
            callbacks.list(context, ours);
            long verified = ours.stream().filter(FreshBooksCallback::verified).count();
            return CheckResult.ok(Keys.FRESHBOOKS, "Connected to " + business.name() + "; webhooks: " + verified + " of "
                    + Callbacks.EVENTS.size() + " verified" + (ours.isEmpty() ? "" : " (" + String.join(", ",
                    ours.stream().map(c -> c.event() + (c.verified() ? " ✓" : " waiting")).toList()) + ")"));
        } catch (RuntimeException e) {
            return CheckResult.problem(Keys.FRESHBOOKS, e.getMessage());
        }
    }

    private CheckResult.SideCheck checkGoCardless(ConnectorContext context) {
        try {
            GoCardlessConnectionCheck check = flows.gc(context).checkConnection();
            return check.ok() ? CheckResult.ok(Keys.GOCARDLESS, check.summary())
                    : CheckResult.problem(Keys.GOCARDLESS, check.summary());
        } catch (RuntimeException e) {
            return CheckResult.problem(Keys.GOCARDLESS, e.getMessage());
        }
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        return Keys.FRESHBOOKS.equals(request.source()) ? freshbooksWebhooks.receive(request, context)
                : gocardlessWebhooks.receive(request, context);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        events.handle(event, context);
    }

    @Override
    public void runSchedule(String scheduleId, ConnectorContext context) {
        switch (scheduleId) {
            case Keys.POLL_INVOICES -> invoicePoll.run(context);
            case Keys.KEEP_CALLBACKS -> keepCallbacks(context);
            case Keys.POLL_GOCARDLESS -> gocardlessPoll.run(flows.gc(context), context);
            default -> context.log().log(System.Logger.Level.WARNING, "Unknown schedule " + scheduleId + " ignored");
        }
    }

    private void keepCallbacks(ConnectorContext context) {
        Flows.Books books = flows.books(context);
        callbacks.ensure(context, books.api(), books.accountId());
        try {
            events.payouts().category(context, books);
        } catch (io.mlconnector.api.CannotProcess noDefault) {
            // Only the list people choose from was wanted here; a payout says what is missing when it needs it.
        }
    }
}
