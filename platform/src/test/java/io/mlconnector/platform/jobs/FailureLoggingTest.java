package io.mlconnector.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A connector's failure while handling work is the job's business: one line with tenant and connection, no stack trace. */
@MicronautTest(transactional = false)
class FailureLoggingTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void aRetriedAndAParkedFailureAreEachOneLineWithTenantAndConnection() {
        Runtime runtime = new Runtime(new Api(server.getURL().toString()), plugins);
        Runtime.TestConnection connection = runtime.connection("Failing Books Ltd");
        runtime.send(connection, TestConnector.body("EVF1", "flaky", "PF1", "EVF2", "fail", "PF2"));
        Eventually.within(Duration.ofSeconds(20), "PF1 done", () -> runtime.status(connection, "PF1").equals("DONE"));
        Eventually.within(Duration.ofSeconds(20), "PF2 failed", () -> runtime.status(connection, "PF2").equals("FAILED"));

        List<ILoggingEvent> events = List.copyOf(captured.list);
        List<ILoggingEvent> failures = events.stream()
                .filter(e -> e.getLoggerName().equals(HandledFailureLog.class.getName()) && e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains(connection.id().toString()))
                .toList();
        assertEquals(3, failures.size(), () -> "two tries of the flaky event, one of the permanent failure: " + describe(events));
        for (ILoggingEvent failure : failures) {
            assertEquals(connection.owner().tenantId().toString(), failure.getMDCPropertyMap().get("tenant_id"));
            assertTrue(failure.getThrowableProxy() == null, "no stack trace");
        }
        assertTrue(failures.stream().anyMatch(e -> e.getFormattedMessage().contains("The invoice for PF2 is closed")
                && e.getFormattedMessage().contains("given up")), () -> describe(failures));
        List<ILoggingEvent> traces = events.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null).toList();
        assertTrue(traces.isEmpty(), () -> "no WARN or ERROR stack trace: " + describe(traces));
    }

    private static String describe(List<ILoggingEvent> events) {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).toList().toString();
    }
}
