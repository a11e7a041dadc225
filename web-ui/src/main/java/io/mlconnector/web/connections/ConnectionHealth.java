package io.mlconnector.web.connections;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.connections.ConnectionViews;
import io.mlconnector.platform.qbwc.WebConnectorAccount;
import io.mlconnector.web.support.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides a connection's health from what the platform knows about it. The first rule that applies
 * wins, most urgent first, so the dashboard shows the one thing a person should do next.
 */
public final class ConnectionHealth {

    /** The Web Connector is late once it missed this many of its runs. */
    static final int MISSED_RUNS = 3;
    /** Never call it late sooner than this, whatever its interval. */
    static final Duration LEEWAY = Duration.ofMinutes(30);

    /** Everything the rules look at. */
    public record Facts(ConnectionViews.View view, Map<SyncStatus, Long> openCounts, int openAlerts, String firstAlert,
                        WebConnectorAccount webConnector, String webConnectorSystem, int runEveryMinutes,
                        Instant lastActivity, Instant now) {
    }

    private ConnectionHealth() {
    }

    public static Health of(Facts facts, Formats formats) {
        ConnectionViews.View view = facts.view();
        if (!view.connectorInstalled()) {
            return new Health(Health.State.NEEDS_ATTENTION, "Its connector is not installed",
                    "Nothing runs for this connection until the connector " + view.connectorId() + " is installed again.");
        }
        if ("PAUSED".equals(view.status())) {
            return new Health(Health.State.PAUSED, "Paused",
                    "Incoming events are kept and handled once you resume the connection.");
        }
        List<String> missing = view.credentials().stream()
                .filter(c -> c.required() && !c.set()).map(ConnectionViews.CredentialState::label).toList();
        if (!missing.isEmpty()) {
            boolean everWorked = facts.lastActivity() != null;
            return new Health(everWorked ? Health.State.NEEDS_RECONNECT : Health.State.SETTING_UP,
                    (everWorked ? "Credentials missing: " : "Enter ") + String.join(", ", missing),
                    "Open Credentials to enter them, then press Test connection.");
        }
        ConnectionViews.Reconnect reconnect = view.reconnect();
        if (reconnect != null) {
            return new Health(Health.State.NEEDS_RECONNECT, "Reconnect " + reconnect.systemName() + ": it refused the credentials",
                    reconnectDetail(reconnect, formats));
        }
        if (view.lastError() != null && !view.lastError().isBlank()) {
            // Work that keeps failing for another reason than refused credentials: its own words, not "reconnect".
            return new Health(Health.State.NEEDS_ATTENTION, view.lastError().strip(),
                    (view.lastErrorAt() == null ? "" : "Since " + formats.when(view.lastErrorAt()) + ". ")
                            + "Each attempt and its answer are in the audit log.");
        }
        if (view.usesWebConnector()) {
            Health webConnector = webConnector(facts, formats);
            if (webConnector != null) {
                return webConnector;
            }
        }
        long failed = facts.openCounts().getOrDefault(SyncStatus.FAILED, 0L);
        long needsPerson = facts.openCounts().getOrDefault(SyncStatus.NEEDS_ATTENTION, 0L);
        if (failed > 0 || needsPerson > 0) {
            StringBuilder headline = new StringBuilder();
            if (needsPerson > 0) {
                headline.append(needsPerson).append(needsPerson == 1 ? " item needs you" : " items need you");
            }
            if (failed > 0) {
                headline.append(headline.isEmpty() ? "" : ", ").append(failed).append(" failed");
            }
            return new Health(Health.State.NEEDS_ATTENTION, headline.toString(),
                    "Open Needs attention to resolve them or run them again.");
        }
        if (facts.openAlerts() > 0) {
            return new Health(Health.State.NEEDS_ATTENTION, facts.firstAlert(),
                    facts.openAlerts() == 1 ? "One alert is open." : facts.openAlerts() + " alerts are open.");
        }
        return new Health(Health.State.WORKING, "Working",
                facts.lastActivity() == null ? "Nothing has come through yet." : "Last activity " + formats.ago(facts.lastActivity()) + ".");
    }

    /** What the system said, since when, and what to do: work waits meanwhile, nothing is lost. */
    static String reconnectDetail(ConnectionViews.Reconnect reconnect, Formats formats) {
        String reason = reconnect.reason() == null || reconnect.reason().isBlank() ? "" : sentence(reconnect.reason()) + " ";
        String since = reconnect.since() == null ? "" : "Since " + formats.when(reconnect.since()) + ". ";
        return reason + since + "Enter new credentials for " + reconnect.systemName() + " under Credentials and press Test connection. "
                + "Work waits meanwhile and goes on once they work.";
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
    }

    private static Health webConnector(Facts facts, Formats formats) {
        WebConnectorAccount account = facts.webConnector();
        String system = facts.webConnectorSystem();
        if (account == null || !account.passwordSet()) {
            return new Health(Health.State.SETTING_UP, "Web Connector not set up yet",
                    "Download the .qwc file, create the Web Connector password and add both in the Web Connector.");
        }
        if (account.lastPolledAt() == null) {
            return new Health(Health.State.SETTING_UP, "Waiting for the Web Connector's first visit",
                    "Add the .qwc file in the Web Connector on the computer where " + system + " runs, enter the password "
                            + "and tick Auto-Run.");
        }
        Instant unreachable = account.unreachableAt();
        if (unreachable != null && (account.lastAnsweredAt() == null || unreachable.isAfter(account.lastAnsweredAt()))) {
            String message = account.unreachableMessage() == null ? "" : " " + account.unreachableMessage();
            return new Health(Health.State.NEEDS_ATTENTION, system + " was not reachable " + formats.ago(unreachable),
                    ("The Web Connector called, but could not open " + system + "." + message).trim()
                            + " Check that the company file can be opened on that computer.");
        }
        Duration late = Duration.ofMinutes((long) Math.max(1, facts.runEveryMinutes()) * MISSED_RUNS);
        if (late.compareTo(LEEWAY) < 0) {
            late = LEEWAY;
        }
        if (account.lastPolledAt().plus(late).isBefore(facts.now())) {
            return new Health(Health.State.NOT_POLLING, system + " not polling since " + formats.when(account.lastPolledAt()),
                    "The Web Connector should call every " + facts.runEveryMinutes() + " minutes. Check that the computer is on, "
                            + "the Web Connector is running and Auto-Run is ticked.");
        }
        return null;
    }
}
