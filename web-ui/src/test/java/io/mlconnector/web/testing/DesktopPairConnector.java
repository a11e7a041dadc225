package io.mlconnector.web.testing;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.testing.TestConnector;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in pair for page tests, shaped like a payments → desktop-accounting connector: a payments
 * side with an API key and a webhook signing secret, an accounting side reached through the Web
 * Connector, required settings, and the "needs a person" convention of real connectors (an audit
 * step {@code customer.unmatched} naming the payer to match). Webhooks and outcomes are those of the
 * platform's {@link TestConnector}.
 */
public class DesktopPairConnector extends TestConnector {

    public static final String ID = "test-desktop-pair";
    public static final String PAYER_PREFIX = "CU-";
    /** Objects whose "broken" events cannot be processed until a test removes them from here. */
    public static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, "1.0.0", "Test Desktop Books ↔ Test Pay", "Moves Test Pay payments into Test Desktop Books.",
                List.of(SystemSpec.of("test-pay", "Test Pay",
                                CredentialField.secret("api_key", "API key", "From Test Pay's developer page").matching("tk_[a-z0-9]{8,}"),
                                CredentialField.secret(SECRET_FIELD, "Webhook signing secret", "From Test Pay's webhook page").optional()),
                        SystemSpec.webConnector("test-desktop", "Test Desktop Books")),
                List.of(SettingField.choice("posting", "Post when", "When a payment is posted", "confirmed", "confirmed", "paid_out"),
                        SettingField.text("bank_account", "Bank account for payouts", "The bank account payouts go to.", null),
                        SettingField.number("qbwc_run_every_minutes", "Web Connector runs every (minutes)", "How often", 15),
                        SettingField.flag("reverse", "Collect open invoices", "Also the other way round", false)),
                List.of(new WebhookSource("test-pay", "Test Pay", SECRET_FIELD, "Paste the URL under Developers → Webhooks in Test Pay.")),
                List.of(new ScheduleSpec("poll", Duration.ofMinutes(5), "Looks for missed events")));
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        if ("broken".equals(event.type())) {
            context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
            if (BROKEN.contains(event.objectId())) {
                throw new CannotProcess("Test Desktop Books refused payment " + event.objectId() + ": its invoice is closed");
            }
            super.handle(new InboundEvent(event.source(), event.id(), "ok", event.objectId(), event.occurredAt(), event.payload()), context);
            return;
        }
        if (!"attention".equals(event.type())) {
            super.handle(event, context);
            return;
        }
        String payer = PAYER_PREFIX + event.objectId();
        context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
        String customer = context.ids().target("customer", payer).orElse(null);
        if (customer == null) {
            context.audit().record(event.objectId(), "customer.unmatched", "ok", payer, null, "No customer matches " + payer);
            context.syncRecords().needsAttention("payment", event.objectId(), "No Test Desktop Books customer matches payer " + payer);
            return;
        }
        String target = "T-" + event.objectId();
        context.ids().put("payment", event.objectId(), target);
        context.audit().record(event.objectId(), "payment.posted", "ok", event.objectId(), target, "for customer " + customer);
        context.syncRecords().done("payment", event.objectId(), target);
    }
}
