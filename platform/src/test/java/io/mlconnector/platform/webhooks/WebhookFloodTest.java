package io.mlconnector.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.FromAddress;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Someone holding a webhook address floods it: the tenant's audit log stays readable and the real sender gets through. */
@MicronautTest(transactional = false)
@Property(name = "ml.webhooks.rate-limit.burst", value = "40")
@Property(name = "ml.webhooks.rate-limit.per-second", value = "0.01") // refills too slowly to matter however long the flood takes
@Property(name = "ml.webhooks.rejection-summary-interval", value = "1h")
class WebhookFloodTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;
    @Inject
    RejectedDeliveries rejections;

    @Test
    void rejectedDeliveriesAreSummarisedOncePerConnectionWithTheirCount() {
        Runtime runtime = new Runtime(new Api(server.getURL().toString()), plugins);
        Runtime.TestConnection connection = runtime.connection("Flooded Books Ltd");
        Runtime.TestConnection other = runtime.connection("Quiet Books Ltd");
        String body = TestConnector.body("EVX1", "ok", "PX1");
        for (int i = 0; i < 25; i++) {
            assertEquals(498, runtime.send(connection.webhookUrl(), body, TestConnector.sign(body.getBytes(), "forged")).statusCode());
        }
        assertEquals(498, runtime.send(other.webhookUrl(), body, "").statusCode());
        assertEquals(List.of(), rejectionEntries(connection), "nothing written per delivery");

        rejections.summarise();

        List<String> entries = rejectionEntries(connection);
        assertEquals(1, entries.size(), entries::toString);
        assertTrue(entries.get(0).startsWith("25 webhook deliveries rejected"), entries.get(0));
        assertEquals(1, rejectionEntries(other).size());
        assertTrue(rejectionEntries(other).get(0).startsWith("1 webhook delivery rejected"));
    }

    @Test
    void aFloodFromOneAddressGets429WhileTheSenderAtAnotherAddressIsServed() {
        Runtime runtime = new Runtime(new Api(server.getURL().toString()), plugins);
        Runtime.TestConnection connection = runtime.connection("Rate Limited Books Ltd");
        String forgedBody = TestConnector.body("EVY1", "ok", "PY1");
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            if (runtime.send(connection.webhookUrl(), forgedBody, "forged").statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 15, "deliveries over the allowance are refused with 429, got " + limited);
        FromAddress.Answer refused = FromAddress.post("127.0.0.1", connection.webhookUrl(), "application/json", forgedBody,
                "X-Test-Signature", "forged");
        assertEquals(429, refused.status());
        assertTrue(refused.raw().toLowerCase().contains("retry-after:"), refused.raw());

        String real = TestConnector.body("EVY2", "ok", "PY2");
        FromAddress.Answer served = FromAddress.post("127.0.0.2", connection.webhookUrl(), "application/json", real,
                "X-Test-Signature", TestConnector.sign(real.getBytes(), Runtime.SECRET));
        assertEquals(200, served.status(), served.raw());
        Runtime.TestConnection another = runtime.connection("Other Books Ltd");
        assertEquals(200, runtime.send(another, TestConnector.body("EVY3", "ok", "PY3")).statusCode(),
                "the allowance is per webhook address");
    }

    private List<String> rejectionEntries(Runtime.TestConnection connection) {
        UUID tenant = connection.owner().tenantId();
        return transactions.read(tenant, () -> sql.list(
                "SELECT message FROM audit_log WHERE connection_id = ? AND step = 'webhook.rejected' ORDER BY id",
                row -> row.getString(1), connection.id()));
    }
}
