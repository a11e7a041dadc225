package io.mlconnector.platform.testing;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import java.util.List;

/** The connector of {@link Fixtures#connection}: one side is QuickBooks Desktop through the Web Connector. */
public class WebConnectorTestConnector implements Connector {

    public static final String ID = "test";

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, "1.0.0", "Test Desktop Books ↔ Test Pay", "For platform tests.",
                List.of(SystemSpec.webConnector("quickbooks-desktop", "QuickBooks Desktop"), SystemSpec.of("test-pay", "Test Pay")),
                List.of(SettingField.number("qbwc_run_every_minutes", "Web Connector interval (minutes)", "How often it polls", 15)),
                List.of(), List.of());
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        return CheckResult.of(CheckResult.ok("QuickBooks Desktop", "Waiting for the Web Connector"));
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        return WebhookResult.rejected(404, "No webhooks");
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
    }
}
