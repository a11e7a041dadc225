package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ActivityPagesTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;

    @Inject
    PluginHost plugins;

    String base;

    @BeforeEach
    void setUp() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
    }

    @Test
    void activityIsFilteredByStatusTextAndDate() {
        Company acme = Company.signUp(base, "Filter Ltd");
        DesktopPairConnector.BROKEN.add("PF-2");
        assertEquals(200, acme.sendEvents("EF1", "ok", "PF-1", "EF2", "broken", "PF-2").statusCode());
        WebSession owner = acme.session();
        Eventually.within(WAIT, "both records settled", () -> {
            String page = owner.get("/app/activity").body();
            return page.contains("PF-1") && page.contains("PF-2") && page.contains(">Failed<") && page.contains(">Synced<");
        });

        String failed = owner.get("/app/activity?status=FAILED").body();
        String byText = owner.get("/app/activity?q=PF-1").body();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        assertTrue(failed.contains("PF-2") && !failed.contains("PF-1"), failed);
        assertTrue(failed.contains("its invoice is closed"), "the reason shows in the list");
        assertTrue(byText.contains("PF-1") && !byText.contains("PF-2"));
        assertTrue(owner.get("/app/activity?from=" + today + "&to=" + today).body().contains("PF-1"));
        assertFalse(owner.get("/app/activity?from=" + future).body().contains("PF-1"));
        String badDate = owner.get("/app/activity?from=31/12/2024").body();
        assertTrue(WebSession.find(badDate, "id=\"f-from-error\">(.*?)</p>").contains("Enter a date like"), badDate);
    }

    @Test
    void aRecordPageShowsBothSidesIdsAndItsTrail() {
        Company acme = Company.signUp(base, "Trail Ltd");
        acme.sendEvents("ET1", "ok", "PT-1");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "PT-1 synced", () -> owner.get("/app/activity?q=PT-1&status=DONE").body().contains("PT-1"));
        String recordPath = WebSession.find(owner.get("/app/activity?q=PT-1").body(), "href=\"(/app/activity/[0-9a-f-]{36})\"");

        String record = owner.get(recordPath).body();

        assertTrue(record.contains("<dt>Test Pay</dt>"), record);
        assertTrue(record.contains("<code>PT-1</code>"));
        assertTrue(record.contains("<dt>Test Desktop Books</dt>"));
        assertTrue(record.contains("<code>T-PT-1</code>"));
        assertTrue(record.contains("sync done"), "the trail lists the steps of the record");
        assertFalse(record.contains("id=\"replay\""), "a synced record has nothing to replay");
    }

    @Test
    void aFailedItemRunsAgainFromItsPageOnceTheCauseIsFixed() {
        Company acme = Company.signUp(base, "Replay Ltd");
        DesktopPairConnector.BROKEN.add("PR-1");
        acme.sendEvents("ER1", "broken", "PR-1");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "PR-1 failed", () -> owner.get("/app/activity?q=PR-1&status=FAILED").body().contains("PR-1"));
        String recordPath = WebSession.find(owner.get("/app/activity?q=PR-1").body(), "href=\"(/app/activity/[0-9a-f-]{36})\"");
        assertTrue(owner.get(recordPath).body().contains("id=\"replay\""));

        DesktopPairConnector.BROKEN.remove("PR-1");
        HttpResponse<String> replayed = owner.post(recordPath + "/replay", Map.of());

        assertEquals(303, replayed.statusCode());
        assertTrue(owner.get(WebSession.location(replayed)).body().contains("Queued to run again"));
        Eventually.within(WAIT, "PR-1 synced", () -> owner.get(recordPath).body().contains(">Synced<"));
    }

    @Test
    void allFailedItemsOfAConnectionRunAgainFromTheQueue() {
        Company acme = Company.signUp(base, "Replay All Ltd");
        DesktopPairConnector.BROKEN.add("PA-1");
        DesktopPairConnector.BROKEN.add("PA-2");
        acme.sendEvents("EA1", "broken", "PA-1", "EA2", "broken", "PA-2");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "both failed", () -> {
            String queue = owner.get("/app/attention").body();
            return queue.contains("PA-1") && queue.contains("PA-2");
        });

        DesktopPairConnector.BROKEN.remove("PA-1");
        DesktopPairConnector.BROKEN.remove("PA-2");
        HttpResponse<String> replayed = owner.post(acme.connectionPath() + "/replay-failed", Map.of("back", "attention"));

        assertEquals(303, replayed.statusCode());
        assertEquals("/app/attention?replayed=2", WebSession.location(replayed));
        Eventually.within(WAIT, "both synced", () -> owner.get("/app/activity?q=PA-&status=DONE").body().contains("PA-2")
                && owner.get("/app/activity?q=PA-&status=DONE").body().contains("PA-1"));
    }

    @Test
    void aPersonResolvesAnUnmatchedCustomerFromTheQueue() {
        Company acme = Company.signUp(base, "Match Ltd");
        acme.sendEvents("EM0", "ok", "PM-0");
        acme.sendEvents("EM1", "attention", "PM-1");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "PM-1 held", () -> owner.get("/app/attention").body().contains("PM-1"));
        String queue = owner.get("/app/attention").body();
        assertTrue(queue.contains("Which Test Desktop Books customer is Test Pay customer CU-PM-1?"), queue);
        String formAction = WebSession.find(queue, "action=\"(/app/activity/[0-9a-f-]{36}/resolve)\"");

        HttpResponse<String> empty = owner.post(formAction, Map.of("targetId", " ", "back", "attention"));
        assertEquals(400, empty.statusCode());
        assertTrue(WebSession.find(empty.body(), "id=\"target-error-[0-9a-f-]{36}\">(.*?)</p>").contains("Choose what this should be matched to"));

        HttpResponse<String> resolved = owner.post(formAction, Map.of("targetId", "80000001-1234567890", "back", "attention"));

        assertEquals(303, resolved.statusCode());
        Eventually.within(WAIT, "PM-1 synced", () -> owner.get("/app/activity?q=PM-1&status=DONE").body().contains("PM-1"));
        String record = owner.get(formAction.replace("/resolve", "")).body();
        assertTrue(record.contains("mapping set by person"), "the trail says a person chose the match");
        assertTrue(owner.get("/app/attention").body().contains("Nothing is waiting for you"));
    }

    @Test
    void anotherCompanysRecordShowsTheNotFoundPageAndCannotBeReplayedOrResolved() {
        Company acme = Company.signUp(base, "Owner Ltd");
        Company rival = Company.signUp(base, "Peeker Ltd");
        DesktopPairConnector.BROKEN.add("PX-1");
        acme.sendEvents("EX1", "broken", "PX-1");
        // The search box repeats "PX-1", so wait for the record's own link rather than the text.
        Eventually.within(WAIT, "PX-1 failed", () -> java.util.regex.Pattern.compile("href=\"/app/activity/[0-9a-f-]{36}\"")
                .matcher(acme.session().get("/app/activity?q=PX-1&status=FAILED").body()).find());
        String recordPath = WebSession.find(acme.session().get("/app/activity?q=PX-1").body(), "href=\"(/app/activity/[0-9a-f-]{36})\"");
        rival.session().get("/app/activity");

        HttpResponse<String> peek = rival.session().get(recordPath);

        assertEquals(404, peek.statusCode());
        assertTrue(peek.body().contains("Page not found"));
        assertEquals(404, rival.session().post(recordPath + "/replay", Map.of()).statusCode());
        assertEquals(404, rival.session().post(recordPath + "/resolve", Map.of("targetId", "X")).statusCode());
        assertTrue(rival.session().get("/app/activity?q=PX-1").body().contains("Nothing matches these filters."));
        assertTrue(rival.session().get("/app/activity?connection=" + acme.connectionId()).body().contains("Nothing matches these filters."));
    }
}
