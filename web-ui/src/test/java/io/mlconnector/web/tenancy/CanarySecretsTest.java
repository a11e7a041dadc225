package io.mlconnector.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An end-to-end run with recognisable secrets (the owner's password, the payment system's API key,
 * the webhook signing secret, the Web Connector password), after which no table of the database,
 * no line of the server's log and no page or API answer holds any of them in clear. The one
 * exception is the answer that shows a new Web Connector password once, by design.
 */
@MicronautTest(transactional = false)
class CanarySecretsTest {

    private static final String PASSWORD = "Canary-owner-password-7Qx2";
    private static final String API_KEY = "tk_canary7f3e9a1b";
    private static final String SIGNING_SECRET = "whsec_canary_5d2c8e4a";

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    DataSource dataSource;

    @Test
    void noSecretIsFoundInTheDatabaseTheLogOrAnyAnswer() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            run(log);
        } finally {
            root.detachAppender(log);
        }
    }

    private void run(ListAppender<ILoggingEvent> log) throws Exception {
        String base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
        Company acme = Company.signUp(base, "Canary Ltd", API_KEY, SIGNING_SECRET, PASSWORD);
        WebSession owner = acme.session();
        acme.sendEvents("CANARY-E1", "ok", "CANARY-P1", "CANARY-E2", "fail", "CANARY-P2");
        acme.webConnectorCalls();
        HttpResponse<String> shownOnce = owner.answers().stream()
                .filter(answer -> answer.uri().getPath().endsWith("/web-connector-password")).reduce((a, b) -> b).orElseThrow();
        String webConnectorPassword = WebSession.find(shownOnce.body(), "id=\"password-value\"[^>]*value=\"([A-Za-z0-9]{16,})\"");

        WebSession api = new WebSession(base);
        HttpResponse<String> token = api.send(HttpRequest.newBuilder(api.uri("/api/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + owner.email() + "\", \"password\": \"" + PASSWORD + "\"}")));
        assertEquals(200, token.statusCode());
        for (String path : List.of("/app", "/app/connectors", acme.connectionPath(), acme.connectionPath() + "/settings",
                acme.connectionPath() + "/credentials", "/app/activity", "/app/attention", "/app/audit", "/app/audit.csv", "/app/team",
                "/api/me", "/api/connections", "/api/connections/" + acme.connectionId(),
                "/api/sync-records?connectionId=" + acme.connectionId(), "/api/audit?size=200",
                "/api/connections/" + acme.connectionId() + "/alerts")) {
            owner.get(path);
        }

        List<String> canaries = List.of(PASSWORD, API_KEY, SIGNING_SECRET, webConnectorPassword);
        List<String> found = new ArrayList<>();
        for (WebSession session : List.of(owner, api)) {
            for (HttpResponse<String> answer : session.answers()) {
                if (answer == shownOnce) {
                    continue;
                }
                String whole = answer.headers().map() + "\n" + answer.body();
                canaries.stream().filter(whole::contains)
                        .forEach(canary -> found.add("answer to " + answer.request().method() + " " + answer.uri().getPath()));
            }
        }
        assertTrue(owner.answers().size() > 20, "the run fetched pages and API answers: " + owner.answers().size());
        for (ILoggingEvent event : List.copyOf(log.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                line.append(' ').append(thrown.getMessage());
            }
            canaries.stream().filter(canary -> line.toString().contains(canary)).forEach(canary -> found.add("log line " + line));
        }
        found.addAll(tablesHolding(canaries));
        assertEquals(List.of(), found);
    }

    /** Every table of the application's schema, each row read as text. */
    private List<String> tablesHolding(List<String> canaries) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.size() > 10, "the schema's tables: " + tables);
            for (String table : tables) {
                for (String canary : canaries) {
                    // A bytea column reads as hex: the secret's bytes in hex would show there.
                    try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t "
                            + "WHERE strpos(t::text, ?) > 0 OR strpos(t::text, encode(convert_to(?, 'UTF8'), 'hex')) > 0")) {
                        query.setString(1, canary);
                        query.setString(2, canary);
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                holding.add("table " + table);
                            }
                        }
                    }
                }
            }
        }
        return holding;
    }
}
