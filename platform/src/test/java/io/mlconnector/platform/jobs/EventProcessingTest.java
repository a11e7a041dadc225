package io.mlconnector.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "ml.plugins.call-timeout", value = "2s")
class EventProcessingTest {

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
        connection = runtime.connection("Jobs Co");
    }

    @Test
    void aStoredEventIsHandledAsynchronouslyAndItsObjectPostedOnce() {
        runtime.send(connection, TestConnector.body("EVJ1", "ok", "PJ1"));
        runtime.send(connection, TestConnector.body("EVJ1-again", "ok", "PJ1"));

        Eventually.within(WAIT, "PJ1 done", () -> runtime.status(connection, "PJ1").equals("DONE"));
        Eventually.within(WAIT, "second event handled", () -> TestConnector.HANDLED.containsKey("EVJ1-again"));
        assertEquals("T-PJ1", runtime.record(connection, "PJ1").at("/record/targetId").asText());
        assertEquals(1, TestConnector.POSTED.get("PJ1").get(), "two events about one payment post it once");
    }

    @Test
    void aPassingProblemIsRetriedWithBackoffUntilItWorks() {
        runtime.send(connection, TestConnector.body("EVJ2", "flaky", "PJ2"));
        Eventually.within(WAIT, "PJ2 done after retries", () -> runtime.status(connection, "PJ2").equals("DONE"));
        assertEquals(3, TestConnector.HANDLED.get("EVJ2").get());
    }

    @Test
    void workThatCannotBeDoneIsParkedAsFailedWithItsReasonAndBlocksNothingElse() {
        runtime.send(connection, TestConnector.body("EVJ3", "fail", "PJ3", "EVJ4", "ok", "PJ4"));

        Eventually.within(WAIT, "PJ3 failed", () -> runtime.status(connection, "PJ3").equals("FAILED"));
        Eventually.within(WAIT, "PJ4 done", () -> runtime.status(connection, "PJ4").equals("DONE"));
        JsonNode failed = runtime.record(connection, "PJ3");
        assertEquals("The invoice for PJ3 is closed", failed.at("/record/lastError").asText());
        assertEquals(1, TestConnector.HANDLED.get("EVJ3").get(), "no pointless retries of a permanent failure");
    }

    @Test
    void aConnectorThatKeepsCrashingOrHangsFailsOnlyThatItemAfterItsAttempts() {
        TestConnector.hangRelease = new CountDownLatch(1);
        runtime.send(connection, TestConnector.body("EVJ5", "crash", "PJ5", "EVJ6", "hang", "PJ6", "EVJ7", "ok", "PJ7"));

        Eventually.within(WAIT, "PJ7 done", () -> runtime.status(connection, "PJ7").equals("DONE"));
        Eventually.within(WAIT, "PJ5 failed", () -> runtime.status(connection, "PJ5").equals("FAILED"));
        Eventually.within(Duration.ofSeconds(40), "PJ6 failed", () -> runtime.status(connection, "PJ6").equals("FAILED"));
        assertEquals(4, TestConnector.HANDLED.get("EVJ5").get(), "retried up to the configured attempts");
        assertEquals("unexpected bug in the connector", runtime.record(connection, "PJ5").at("/record/lastError").asText());
        assertTrue(runtime.record(connection, "PJ6").at("/record/lastError").asText().contains("did not answer"));
        TestConnector.hangRelease.countDown();
    }

    @Test
    void aFailedRecordCanBeReplayedOneByOneOrAllAtOnce() {
        runtime.send(connection, TestConnector.body("EVJ8", "fail", "PJ8", "EVJ9", "fail", "PJ9"));
        Eventually.within(WAIT, "both failed", () -> runtime.status(connection, "PJ8").equals("FAILED")
                && runtime.status(connection, "PJ9").equals("FAILED"));
        String recordId = runtime.record(connection, "PJ8").at("/record/id").asText();

        assertEquals(202, api.postJson("/api/sync-records/" + recordId + "/replay", "", connection.owner().auth()).statusCode());
        Eventually.within(WAIT, "PJ8 handled again", () -> TestConnector.HANDLED.get("EVJ8").get() == 2);
        JsonNode all = Tenants.read(api.postJson("/api/connections/" + connection.id() + "/replay-failed", "", connection.owner().auth()).body());
        assertTrue(all.get("replayed").asInt() >= 1);
        Eventually.within(WAIT, "PJ9 handled again", () -> TestConnector.HANDLED.get("EVJ9").get() == 2);
        JsonNode detail = Tenants.read(api.get("/api/sync-records/" + recordId, connection.owner().auth()).body());
        assertTrue(detail.get("trail").toString().contains("sync.replayed"), "the replay is in the record's audit trail");
    }

    @Test
    void anEventParkedBeforeItsConnectorOpenedARecordIsDoneOnceAReplaySucceeds() {
        TestConnector.hangRelease = new CountDownLatch(0);
        runtime.send(connection, TestConnector.body("EVJ13", "flaky-early", "PJ13"));
        Eventually.within(WAIT, "EVJ13 parked", () -> runtime.status(connection, "EVJ13").equals("FAILED"));

        String recordId = runtime.record(connection, "EVJ13").at("/record/id").asText();
        JsonNode foundByObject = runtime.records(connection, "q=PJ13&status=FAILED");
        assertEquals(1, foundByObject.size(), "a search for the payment's id finds the event that failed about it");
        assertEquals("Event flaky-early about PJ13", foundByObject.get(0).at("/record/summary").asText());
        api.postJson("/api/sync-records/" + recordId + "/replay", "", connection.owner().auth());

        Eventually.within(WAIT, "the event's record done", () -> runtime.status(connection, "EVJ13").equals("DONE"));
        assertEquals("DONE", runtime.status(connection, "PJ13"));
    }

    @Test
    void aPersonResolvesARecordThatNeedsAttentionAndItCompletes() {
        runtime.send(connection, TestConnector.body("EVJ10", "attention", "PJ10"));
        Eventually.within(WAIT, "PJ10 needs attention", () -> runtime.status(connection, "PJ10").equals("NEEDS_ATTENTION"));
        JsonNode record = runtime.record(connection, "PJ10");
        assertEquals("Which customer paid this?", record.at("/record/lastError").asText());

        api.postJson("/api/sync-records/" + record.at("/record/id").asText() + "/resolve",
                "{\"kind\": \"customer\", \"sourceId\": \"PJ10\", \"targetId\": \"CUST-42\"}", connection.owner().auth());

        Eventually.within(WAIT, "PJ10 done", () -> runtime.status(connection, "PJ10").equals("DONE"));
    }

    @Test
    void everyCallIntoAPluginIsTimedAndCountedInTheMetrics() {
        runtime.send(connection, TestConnector.body("EVJ11", "ok", "PJ11"));
        Eventually.within(WAIT, "PJ11 done", () -> runtime.status(connection, "PJ11").equals("DONE"));
        String metrics = api.get("/prometheus", "Authorization", Api.bearer("test-operator-token")).body();
        assertTrue(metrics.contains("ml_plugin_calls_seconds_count{connector=\"test-pair\",outcome=\"ok\",verb=\"handle\"}"), metrics.lines()
                .filter(l -> l.contains("ml_plugin")).toList().toString());
        assertTrue(metrics.contains("verb=\"receiveWebhook\""));
    }

    @Test
    void eventsOfAPausedConnectionWaitAndRunAfterResume() {
        api.postJson("/api/connections/" + connection.id() + "/pause", "", connection.owner().auth());
        assertEquals(200, runtime.send(connection, TestConnector.body("EVJ12", "ok", "PJ12")).statusCode(), "still accepted and stored");
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(!TestConnector.HANDLED.containsKey("EVJ12"), "not handled while paused");
        api.postJson("/api/connections/" + connection.id() + "/resume", "", connection.owner().auth());
        Eventually.within(WAIT, "PJ12 done after resume", () -> runtime.status(connection, "PJ12").equals("DONE"));
    }

    // Events a schedule polls go through the inbox with webhook deliveries: stored once, handled by the same jobs.

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
