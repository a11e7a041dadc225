package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessConnectionCheck;
import io.mlconnector.systems.gocardless.connector.GoCardlessClients;
import io.mlconnector.systems.gocardless.connector.GoCardlessEventPoller;
import io.mlconnector.systems.gocardless.connector.GoCardlessEvents;
import io.mlconnector.systems.gocardless.connector.GoCardlessWebhookReceiver;
import io.mlconnector.systems.qbo.QboChanges;
import io.mlconnector.systems.qbo.QboClient;
import io.mlconnector.systems.qbo.QboCompany;
import io.mlconnector.systems.qbo.QboCustomer;
import io.mlconnector.systems.qbo.QboInvoice;
import io.mlconnector.systems.qbo.QboListEntry;
import io.mlconnector.systems.qbo.QuickBooksOnline;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** QuickBooks Online ↔ GoCardless: see the plugin's README for what moves where. */
@Extension
public class QboGoCardlessConnector implements Connector {

    static final String CDC_CURSOR = "qbo.cdc.changed_since";

    private static final GoCardlessEvents GC_EVENTS = new GoCardlessEvents(QboGoCardlessSpec.GOCARDLESS, Map.of(
            "payments", Set.of("confirmed", "paid_out", "failed", "cancelled", "charged_back"),
            "refunds", Set.of("paid"),
            "payouts", Set.of("paid")));

    private final GoCardlessClients clients = new GoCardlessClients(Keys.GC_ACCESS_TOKEN, Keys.GC_ENVIRONMENT);
    private final GoCardlessWebhookReceiver gcWebhooks = new GoCardlessWebhookReceiver(Keys.GC_WEBHOOK_SECRET, GC_EVENTS);
    private final QboNotifications qboWebhooks = new QboNotifications();
    private final CustomerFlow customers = new CustomerFlow();
    private final InvoiceFlow invoices = new InvoiceFlow(customers);
    private final CollectionFlow collections = new CollectionFlow();
    private final RefundFlow refunds = new RefundFlow();
    private final PayoutFlow payouts = new PayoutFlow();

    @Override
    public ConnectorSpec spec() {
        return QboGoCardlessSpec.build();
    }

    @Override
    public Connected onConnected(String system, ConnectorContext context) {
        if (!QboGoCardlessSpec.QBO.equals(system)) {
            return Connected.unnamed();
        }
        QboCompany company = QuickBooksOnline.company(Books.client(context));
        return Connected.as(company.companyName())
                .with(Books.HOME_CURRENCY, company.homeCurrency())
                .with(Books.MULTI_CURRENCY, String.valueOf(company.multiCurrency()));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        CheckResult.SideCheck qbo;
        try {
            QboCompany company = QuickBooksOnline.company(Books.client(context));
            qbo = CheckResult.ok(QboGoCardlessSpec.QBO, "Connected to " + company.companyName() + " (books in "
                    + company.homeCurrency() + (company.multiCurrency() ? ", multi-currency" : "") + ")");
        } catch (RuntimeException e) {
            qbo = CheckResult.problem(QboGoCardlessSpec.QBO, e.getMessage());
        }
        CheckResult.SideCheck gc;
        try {
            GoCardlessConnectionCheck result = clients.api(context).checkConnection();
            gc = result.ok() ? CheckResult.ok(QboGoCardlessSpec.GOCARDLESS, result.summary())
                    : CheckResult.problem(QboGoCardlessSpec.GOCARDLESS, result.summary());
        } catch (RuntimeException e) {
            gc = CheckResult.problem(QboGoCardlessSpec.GOCARDLESS, e.getMessage());
        }
        return CheckResult.of(qbo, gc);
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        if (QboGoCardlessSpec.QBO.equals(request.source())) {
            return qboWebhooks.receive(request);
        }
        return gcWebhooks.receive(request, context);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        if (QboGoCardlessSpec.QBO.equals(event.source())) {
            handleQbo(QboNotifications.Change.of(event), context);
        } else {
            handleGoCardless(event, context);
        }
    }

    private void handleQbo(QboNotifications.Change change, ConnectorContext ctx) {
        QboClient client = Books.client(ctx);
        if (!client.realmId().equals(change.realmId()) || "DELETE".equals(change.operation())) {
            return; // another company of the same app, or nothing left to read
        }
        QuickBooksOnline books = Books.open(ctx);
        GoCardlessApi gc = clients.api(ctx);
        if ("Customer".equals(change.entity())) {
            customers.sync(books.customer(change.id()), client.realmId(), gc, ctx);
        } else if ("Invoice".equals(change.entity()) && ctx.settings().flag(Keys.COLLECT_INVOICES)) {
            invoices.collect(books.invoice(change.id()), books, gc, ctx);
        }
    }

    private void handleGoCardless(InboundEvent event, ConnectorContext ctx) {
        String resource = GoCardlessEvents.resourceType(event);
        String action = event.type().substring(resource.length() + 1);
        String id = event.objectId();
        QuickBooksOnline books = Books.open(ctx);
        GoCardlessApi gc = clients.api(ctx);
        switch (resource) {
            case "payments" -> {
                String postWhen = ctx.settings().get(Keys.POST_WHEN, "confirmed");
                if (action.equals(postWhen) || ("confirmed".equals(postWhen) && "paid_out".equals(action))) {
                    collections.collected(id, books, gc, ctx);
                } else if (Set.of("failed", "cancelled", "charged_back").contains(action)) {
                    collections.reversed(id, action.replace('_', ' '), books, ctx);
                }
            }
            case "refunds" -> refunds.refunded(id, books, gc, ctx);
            case "payouts" -> payouts.paid(id, books, gc, ctx);
            default -> {
            }
        }
    }

    @Override
    public void runSchedule(String scheduleId, ConnectorContext context) {
        switch (scheduleId) {
            case QboGoCardlessSpec.QBO_CHANGES -> readChanges(context);
            case QboGoCardlessSpec.POLL_GOCARDLESS -> new GoCardlessEventPoller(GC_EVENTS)
                    .run(clients.api(context), context);
            case QboGoCardlessSpec.QBO_LISTS -> readLists(context);
            default -> {
            }
        }
    }

    /** Change data capture since the cursor: the backstop for webhooks, within Intuit's 30-day window. */
    private void readChanges(ConnectorContext ctx) {
        QuickBooksOnline books = Books.open(ctx);
        Instant now = ctx.clock().instant();
        Instant since = ctx.cursors().get(CDC_CURSOR).map(Instant::parse).orElse(now.minus(Duration.ofDays(1)));
        Instant oldest = now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5));
        if (since.isBefore(oldest)) {
            since = oldest;
        }
        QboChanges changes = books.client().changesSince(List.of("Customer", "Invoice"), since);
        GoCardlessApi gc = clients.api(ctx);
        for (QboChanges.Change c : changes.of("Customer")) {
            if (!c.deleted()) {
                customers.sync(QboCustomer.from(c.object(), books.homeCurrency()), books.client().realmId(), gc, ctx);
            }
        }
        if (ctx.settings().flag(Keys.COLLECT_INVOICES)) {
            for (QboChanges.Change c : changes.of("Invoice")) {
                if (!c.deleted()) {
                    invoices.collect(QboInvoice.from(c.object(), books.homeCurrency()), books, gc, ctx);
                }
            }
        }
        OffsetDateTime latest = changes.latest();
        // QuickBooks stamps whole seconds: the next read starts at the latest second seen, and the ledger drops repeats.
        ctx.cursors().set(CDC_CURSOR, (latest == null ? since : latest.toInstant().minusSeconds(1)).toString());
    }

    private void readLists(ConnectorContext ctx) {
        QuickBooksOnline books = Books.open(ctx);
        ctx.pickLists().replace(QboGoCardlessSpec.LIST_ACCOUNTS, choices(books.accounts()));
        ctx.pickLists().replace(QboGoCardlessSpec.LIST_PAYMENT_METHODS, choices(books.paymentMethods()));
        ctx.pickLists().replace(QboGoCardlessSpec.LIST_ITEMS, choices(books.items()));
    }

    private static List<Choice> choices(List<QboListEntry> entries) {
        return entries.stream().map(e -> new Choice(e.id(), e.name(), e.type())).toList();
    }
}
