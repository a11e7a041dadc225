package io.mlconnector.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events a schedule polls go through the inbox with webhook deliveries: stored once, handled by the same jobs. */
@MicronautTest(transactional = false)
class PolledEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    ScheduleRunner schedules;

    Api api;
    Runtime runtime;
    Runtime.TestConnection connection;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        connection = runtime.connection("Polling Co");
    }

    @Test
    void anEventDeliveredByWebhookAndByPollIsHandledOnce() {
        runtime.send(connection, TestConnector.body("EVP1", "ok", "PP1"));
        Eventually.within(WAIT, "PP1 done", () -> runtime.status(connection, "PP1").equals("DONE"));

        poll(event("EVP1", "ok", "PP1"), event("EVP2", "ok", "PP2"));

        Eventually.within(WAIT, "PP2 done", () -> runtime.status(connection, "PP2").equals("DONE"));
        assertEquals(1, TestConnector.HANDLED.get("EVP1").get(), "the polled copy of a delivered event is not handled");
        assertEquals(1, TestConnector.HANDLED.get("EVP2").get());

        runtime.send(connection, TestConnector.body("EVP2", "ok", "PP2"));
        poll(event("EVP2", "ok", "PP2"));
        Eventually.within(WAIT, "PP3 done", () -> {
            runtime.send(connection, TestConnector.body("EVP3", "ok", "PP3"));
            return runtime.status(connection, "PP3").equals("DONE");
        });
        assertEquals(1, TestConnector.HANDLED.get("EVP2").get(), "nor the delivered copy of a polled one");
    }

    @Test
    void aPolledEventThatFailsIsParkedAndCanBeReplayed() {
        poll(event("EVP4", "fail", "PP4"));

        Eventually.within(WAIT, "PP4 failed", () -> runtime.status(connection, "PP4").equals("FAILED"));
        assertEquals("The invoice for PP4 is closed", runtime.record(connection, "PP4").at("/record/lastError").asText());
        assertEquals(1, TestConnector.HANDLED.get("EVP4").get(), "parked at once, as a webhook event would be");

        String recordId = runtime.record(connection, "PP4").at("/record/id").asText();
        assertEquals(202, api.postJson("/api/sync-records/" + recordId + "/replay", "", connection.owner().auth()).statusCode());
        Eventually.within(WAIT, "PP4 handled again", () -> TestConnector.HANDLED.get("EVP4").get() == 2);
    }

    private void poll(InboundEvent... events) {
        TestConnector.TO_POLL.put(connection.id(), List.of(events));
        schedules.run(connection.id() + "|poll");
    }

    /** As Test Pay's event list gives it; the source comes from the schedule's offer. */
    private static InboundEvent event(String id, String type, String object) {
        return new InboundEvent("event-list", id, type, object, null,
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"object\":\"" + object + "\"}");
    }
}
