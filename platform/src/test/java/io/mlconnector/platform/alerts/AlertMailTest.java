package io.mlconnector.platform.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With an SMTP server configured, an alert a connector raises reaches the tenant's people by e-mail. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertMailTest implements TestPropertyProvider {

    private final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of("ml.smtp.host", "127.0.0.1", "ml.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "ml.smtp.from", "alerts@ml-connector.test");
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anAlertIsShownOnTheConnectionAndEmailedToTheTenantsPeople() throws Exception {
        Api api = new Api(server.getURL().toString());
        Runtime runtime = new Runtime(api, plugins);
        Runtime.TestConnection connection = runtime.connection("Alert Co");

        runtime.send(connection, TestConnector.body("EV-AL1", "alert", "PAL1"));

        Eventually.within(Duration.ofSeconds(20), "the alert e-mail", () -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("ml-connector: Payment PAL1 failed", mail.getSubject());
        assertEquals(connection.owner().email(), mail.getAllRecipients()[0].toString());
        assertTrue(mail.getContent().toString().contains("The customer's bank refused the collection."));
        var alerts = Tenants.read(api.get("/api/connections/" + connection.id() + "/alerts", connection.owner().auth()).body());
        assertEquals("Payment PAL1 failed", alerts.get(0).get("subject").asText());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
