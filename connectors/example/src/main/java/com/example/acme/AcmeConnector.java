package com.example.acme;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Acme Pay sends {@code payment.paid} webhooks; each paid payment is recorded once in Acme Books.
 * Small on purpose: it shows every verb a connector has, and nothing else.
 */
@Extension
public class AcmeConnector implements Connector {

    static final String SECRET = "webhook_secret";

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("acme-pay-books", "1.0.0", "Acme Books ↔ Acme Pay",
                "Records every paid Acme Pay payment in Acme Books.",
                List.of(SystemSpec.of("acme-pay", "Acme Pay",
                                CredentialField.secret(SECRET, "Webhook secret", "Acme Pay → Settings → Webhooks")),
                        SystemSpec.of("acme-books", "Acme Books",
                                CredentialField.secret("books_token", "API token", "Acme Books → Profile → API").optional())),
                List.of(SettingField.text("income_account", "Income account", "Where payments are recorded", "Sales")),
                List.of(new WebhookSource("acme-pay", "Acme Pay", SECRET, "In Acme Pay, open Settings → Webhooks and paste this URL.")),
                List.of());
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return CheckResult.of(
                context.credentials().get(SECRET).isPresent()
                        ? CheckResult.ok("Acme Pay", "The webhook secret is saved.")
                        : CheckResult.problem("Acme Pay", "Paste the webhook secret from Acme Pay's settings."),
                CheckResult.ok("Acme Books", "Nothing to check in this example."));
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        if (!AcmeSignature.matches(request.body(), request.header(AcmeSignature.HEADER).orElse(""), request.secrets())) {
            return WebhookResult.rejected(401, "The signature does not match the webhook secret");
        }
        List<AcmeEvent> events;
        try {
            events = AcmeEvent.parseAll(request.bodyText());
        } catch (IllegalArgumentException e) {
            return WebhookResult.rejected(400, e.getMessage());
        }
        List<InboundEvent> kept = new ArrayList<>();
        for (AcmeEvent event : events) {
            if (event.type().equals("payment.paid")) {
                kept.add(new InboundEvent("acme-pay", event.id(), event.type(), event.paymentId(), null, event.json()));
            }
        }
        return WebhookResult.accepted(kept);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        AcmeEvent payment = AcmeEvent.parseOne(event.payload());
        Money amount = Money.ofMinor(payment.amountMinor(), payment.currency());
        context.syncRecords().open("payment", payment.paymentId(), amount + " from " + payment.customer());
        if (amount.isZero()) {
            throw new CannotProcess("Acme Pay sent a payment of zero; there is nothing to record.");
        }
        String bookEntry = "BK-" + payment.paymentId();
        // The ledger makes this exactly-once: a second delivery finds the mapping and stops here.
        if (context.ids().put("payment", payment.paymentId(), bookEntry)) {
            context.audit().record(event.id(), "payment.recorded", "ok", payment.paymentId(), bookEntry,
                    amount.toDecimalString() + " " + amount.currency() + " to " + context.settings().get("income_account", "Sales"));
        }
        context.syncRecords().done("payment", payment.paymentId(), bookEntry);
    }
}
