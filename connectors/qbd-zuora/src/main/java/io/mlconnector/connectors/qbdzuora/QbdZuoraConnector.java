package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.systems.qbd.lists.SettingListsRead;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import io.mlconnector.systems.zuora.callout.Callout;
import io.mlconnector.systems.zuora.connector.ZuoraCalloutReceiver;
import io.mlconnector.systems.zuora.connector.ZuoraClients;
import org.pf4j.Extension;

import java.util.Locale;

/**
 * QuickBooks Desktop ↔ Zuora. Callouts and the poll name Zuora objects; each is read from Zuora and
 * posted to QuickBooks through the kit's exactly-once posting; QuickBooks customers become Zuora
 * accounts on a schedule.
 */
@Extension
public final class QbdZuoraConnector implements Connector {

    private static final ConnectorSpec SPEC = QbdZuoraSpec.spec();

    private final ZuoraFlows flows = new ZuoraFlows();
    private final CustomersToZuora customers = new CustomersToZuora();
    private final CustomerPoll customerList = new CustomerPoll();
    private final SettingListsRead settingLists = new SettingListsRead();
    private final AnswerRouter router = new AnswerRouter();

    public QbdZuoraConnector() {
        flows.invoices.routes(router);
        flows.payments.routes(router);
        router.on(CustomersToZuora.PAGE, customers::onPage)
                .on(CustomersToZuora.ACCOUNT_NUMBER, customers::onAccountNumber)
                .on(CustomerPoll.PAGE, customerList::onPage);
        for (String list : new String[] {SettingListsRead.ACCOUNTS, SettingListsRead.PAYMENT_METHODS, SettingListsRead.ITEMS}) {
            router.on(list, settingLists::onAnswer);
        }
    }

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public CheckResult check(ConnectorContext ctx) {
        return ConnectionCheck.run(SPEC, ctx);
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext ctx) {
        return ZuoraCalloutReceiver.receive(request, ctx);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext ctx) {
        Callout.ObjectKind kind;
        try {
            kind = Callout.ObjectKind.valueOf(event.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return;
        }
        flows.handle(kind, event.objectId(), ZuoraClients.api(ctx), ctx);
    }

    @Override
    public void onQuickBooksResponse(QuickBooksResponse response, ConnectorContext ctx) {
        router.route(response, ctx);
    }

    @Override
    public void runSchedule(String scheduleId, ConnectorContext ctx) {
        switch (scheduleId) {
            case Keys.SCHEDULE_POLL -> new ZuoraPoll(flows).run(ZuoraClients.api(ctx), ctx);
            case Keys.SCHEDULE_CUSTOMERS -> {
                customers.run(ctx);
                customerList.run(ctx);
            }
            case Keys.SCHEDULE_LISTS -> settingLists.run(ctx);
            default -> ctx.log().log(System.Logger.Level.WARNING, "Unknown schedule " + scheduleId);
        }
    }
}
