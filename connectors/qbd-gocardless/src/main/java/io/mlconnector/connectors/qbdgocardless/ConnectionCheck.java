package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.lists.SettingsInBooks;
import io.mlconnector.systems.gocardless.connector.GoCardlessClients;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.systems.gocardless.GoCardlessConnectionCheck;
import io.mlconnector.systems.gocardless.GoCardlessEnvironment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Test connection": GoCardless answers for the stored token; QuickBooks says when it last polled,
 * and whether the accounts, payment method and item the settings name are among those it has.
 */
final class ConnectionCheck {

    private final GoCardlessClients clients;
    private final SettingsInBooks settingsInBooks;

    ConnectionCheck(GoCardlessClients clients, ConnectorSpec spec) {
        this.clients = clients;
        this.settingsInBooks = new SettingsInBooks(spec);
    }

    CheckResult check(ConnectorContext ctx) {
        return CheckResult.of(goCardless(ctx), quickBooks(ctx));
    }

    private CheckResult.SideCheck goCardless(ConnectorContext ctx) {
        Optional<String> token = ctx.credentials().get(Keys.ACCESS_TOKEN).map(String::trim).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return CheckResult.problem("gocardless", "No GoCardless access token is saved yet.");
        }
        GoCardlessEnvironment environment;
        try {
            environment = ConnectionSettings.of(ctx).environment();
        } catch (RuntimeException e) {
            return CheckResult.problem("gocardless", e.getMessage());
        }
        if (ctx.baseUrlOverride("gocardless").isEmpty()) {
            if (environment == GoCardlessEnvironment.LIVE && token.get().startsWith("sandbox_")) {
                return CheckResult.problem("gocardless", "This is a sandbox access token, but the connection is set "
                        + "to GoCardless live. Change \"GoCardless environment\" or use a live token.");
            }
            if (environment == GoCardlessEnvironment.SANDBOX && token.get().startsWith("live_")) {
                return CheckResult.problem("gocardless", "This is a live access token, but the connection is set to "
                        + "the GoCardless sandbox. Change \"GoCardless environment\" or use a sandbox token.");
            }
        }
        GoCardlessConnectionCheck result = clients.api(ctx).checkConnection();
        return result.ok() ? CheckResult.ok("gocardless", result.summary())
                : CheckResult.problem("gocardless", "GoCardless: " + result.summary() + ".");
    }

    private CheckResult.SideCheck quickBooks(ConnectorContext ctx) {
        Optional<Instant> last = ctx.quickBooks().lastPolledAt();
        Duration interval = ConnectionSettings.of(ctx).webConnectorInterval();
        if (last.isEmpty()) {
            return CheckResult.problem("quickbooks-desktop", "QuickBooks has not connected yet. Download the .qwc "
                    + "file, add it to the QuickBooks Web Connector on the computer with the company file, enter "
                    + "the password and tick Auto-Run.");
        }
        Duration age = Duration.between(last.get(), ctx.clock().instant());
        String when = "QuickBooks last connected " + ago(age) + " (" + last.get() + ")";
        List<String> missing = settingsInBooks.problems(ctx);
        String settings = missing.isEmpty() ? "" : " " + String.join(" ", missing);
        if (age.compareTo(interval.multipliedBy(3)) > 0) {
            return CheckResult.problem("quickbooks-desktop", when + ", but it should every "
                    + interval.toMinutes() + " minutes. Check that the computer is on, QuickBooks can open the "
                    + "company file and the Web Connector's Auto-Run is ticked." + settings);
        }
        String message = when + ctx.quickBooks().qbxmlVersion().map(v -> "; it speaks qbXML " + v).orElse("") + "."
                + settings;
        return missing.isEmpty() ? CheckResult.ok("quickbooks-desktop", message)
                : CheckResult.problem("quickbooks-desktop", message);
    }

    private static String ago(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "less than a minute ago";
        }
        if (minutes < 120) {
            return minutes + " minute" + (minutes == 1 ? "" : "s") + " ago";
        }
        long hours = age.toHours();
        return hours < 48 ? hours + " hours ago" : age.toDays() + " days ago";
    }
}
