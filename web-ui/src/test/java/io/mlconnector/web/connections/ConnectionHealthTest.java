package io.mlconnector.web.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.connections.ConnectionViews;
import io.mlconnector.platform.qbwc.WebConnectorAccount;
import io.mlconnector.web.support.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionHealthTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Formats FORMATS = new Formats(Clock.fixed(NOW, ZoneOffset.UTC));
    static final ConnectionViews.CredentialState KEY_SAVED = new ConnectionViews.CredentialState("api_key", "API key", true, true, true, "••••1234");
    static final ConnectionViews.CredentialState KEY_MISSING = new ConnectionViews.CredentialState("api_key", "API key", true, true, false, "");

    @Test
    void aWebConnectorThatMissedThreeRunsIsNotPollingSinceItsLastCall() {
        Health health = health(view("ACTIVE", KEY_SAVED, null), Map.of(), polled(NOW.minus(Duration.ofHours(2)), null), 15, null);

        assertEquals(Health.State.NOT_POLLING, health.state());
        assertEquals("Desktop Books not polling since 2 Mar 2026, 10:00 UTC", health.headline());
        assertTrue(health.detail().contains("every 15 minutes"));
    }

    @Test
    void aWebConnectorWithinItsRhythmIsWorking() {
        Health health = health(view("ACTIVE", KEY_SAVED, null), Map.of(), polled(NOW.minus(Duration.ofMinutes(40)), null), 15,
                NOW.minus(Duration.ofMinutes(5)));

        assertEquals(Health.State.WORKING, health.state());
        assertEquals("Last activity 5 minutes ago.", health.detail());
    }

    @Test
    void aFileThatCouldNotBeOpenedSinceTheLastAnswerNeedsAttention() {
        WebConnectorAccount account = new WebConnectorAccount(UUID.randomUUID(), UUID.randomUUID(), "mlc-1", true, UUID.randomUUID(),
                UUID.randomUUID(), NOW.minusSeconds(60), NOW.minusSeconds(3600), "13.0", "The company file is in use", NOW.minusSeconds(60));

        Health health = health(view("ACTIVE", KEY_SAVED, null), Map.of(), account, 15, null);

        assertEquals(Health.State.NEEDS_ATTENTION, health.state());
        assertTrue(health.headline().startsWith("Desktop Books was not reachable"), health.headline());
        assertTrue(health.detail().contains("The company file is in use"));
    }

    @Test
    void aMissingCredentialIsSetUpBeforeTheFirstActivityAndAReconnectAfterIt() {
        assertEquals(Health.State.SETTING_UP, health(view("ACTIVE", KEY_MISSING, null), Map.of(), null, 15, null).state());

        Health later = health(view("ACTIVE", KEY_MISSING, null), Map.of(), null, 15, NOW.minusSeconds(600));

        assertEquals(Health.State.NEEDS_RECONNECT, later.state());
        assertEquals("Credentials missing: API key", later.headline());
    }

    @Test
    void aSystemThatRefusedTheCredentialsNeedsReconnectWithWhatItSaidAndWhatToDo() {
        ConnectionViews.Reconnect refused = new ConnectionViews.Reconnect("gocardless", "GoCardless",
                "GoCardless refused the access token (401 Unauthorized)", NOW.minus(Duration.ofHours(3)));

        Health health = health(view("ACTIVE", KEY_SAVED, null, refused), Map.of(SyncStatus.FAILED, 2L), polled(NOW, null), 15, NOW);

        assertEquals(Health.State.NEEDS_RECONNECT, health.state());
        assertEquals("Needs reconnect", health.label());
        assertEquals("Reconnect GoCardless: it refused the credentials", health.headline());
        assertTrue(health.detail().startsWith("GoCardless refused the access token (401 Unauthorized). Since 2 Mar 2026, 09:00 UTC."),
                health.detail());
        assertTrue(health.detail().contains("under Credentials and press Test connection"), health.detail());
    }

    @Test
    void missingCredentialsAreNamedBeforeARefusal() {
        ConnectionViews.Reconnect refused = new ConnectionViews.Reconnect("gocardless", "GoCardless", "refused", NOW);

        Health health = health(view("ACTIVE", KEY_MISSING, null, refused), Map.of(), null, 15, NOW.minusSeconds(600));

        assertEquals(Health.State.NEEDS_RECONNECT, health.state());
        assertEquals("Credentials missing: API key", health.headline());
    }

    @Test
    void workThatKeepsFailingNeedsAttentionInItsOwnWordsNotAReconnect() {
        Health health = health(view("ACTIVE", KEY_SAVED, "Scheduled work 'poll' keeps failing: QuickBooks answered 500"), Map.of(),
                polled(NOW, null), 15, null);

        assertEquals(Health.State.NEEDS_ATTENTION, health.state());
        assertEquals("Scheduled work 'poll' keeps failing: QuickBooks answered 500", health.headline());
        assertTrue(health.detail().startsWith("Since 2 Mar 2026, 12:00 UTC."), health.detail());
    }

    @Test
    void heldAndFailedItemsAreCountedInTheHeadline() {
        Health health = health(view("ACTIVE", KEY_SAVED, null), Map.of(SyncStatus.NEEDS_ATTENTION, 1L, SyncStatus.FAILED, 3L),
                polled(NOW, null), 15, NOW);

        assertEquals(Health.State.NEEDS_ATTENTION, health.state());
        assertEquals("1 item needs you, 3 failed", health.headline());
    }

    @Test
    void aPausedConnectionSaysSoWhateverElseIsWrong() {
        Health health = health(view("PAUSED", KEY_MISSING, "boom"), Map.of(SyncStatus.FAILED, 3L), null, 15, null);

        assertEquals(Health.State.PAUSED, health.state());
    }

    private static Health health(ConnectionViews.View view, Map<SyncStatus, Long> open, WebConnectorAccount account, int runEvery,
                                 Instant lastActivity) {
        return ConnectionHealth.of(new ConnectionHealth.Facts(view, open, 0, null, account, "Desktop Books", runEvery, lastActivity, NOW),
                FORMATS);
    }

    private static WebConnectorAccount polled(Instant lastPolled, Instant unreachable) {
        return new WebConnectorAccount(UUID.randomUUID(), UUID.randomUUID(), "mlc-1", true, UUID.randomUUID(), UUID.randomUUID(),
                lastPolled, lastPolled, "13.0", null, unreachable);
    }

    private static ConnectionViews.View view(String status, ConnectionViews.CredentialState key, String lastError) {
        return view(status, key, lastError, null);
    }

    private static ConnectionViews.View view(String status, ConnectionViews.CredentialState key, String lastError,
                                             ConnectionViews.Reconnect reconnect) {
        return new ConnectionViews.View(UUID.randomUUID(), "pair", "Books ↔ Pay", "Books", status, true, true, List.of(key), Map.of(),
                List.of(), lastError, lastError == null ? null : NOW, NOW.minus(Duration.ofDays(3)), reconnect);
    }
}
