package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.systems.qbd.lists.SettingsInBooks;
import io.mlconnector.systems.stripe.StripeConnectionCheck;
import io.mlconnector.systems.stripe.StripeKey;
import io.mlconnector.systems.stripe.connector.StripeClients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Test connection": which Stripe account the key reaches and in which mode (a restricted key's
 * missing permission named), and when QuickBooks last polled, with the settings it lacks.
 */
final class ConnectionCheck {

    private final StripeClients clients;
    private final SettingsInBooks settingsInBooks;

    ConnectionCheck(StripeClients clients, ConnectorSpec spec) {
        this.clients = clients;
        this.settingsInBooks = new SettingsInBooks(spec);
    }

    CheckResult check(ConnectorContext ctx) {
        return CheckResult.of(stripe(ctx), quickBooks(ctx));
    }

    private CheckResult.SideCheck stripe(ConnectorContext ctx) {
        Optional<String> key = ctx.credentials().get(Keys.API_KEY).map(String::trim).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return CheckResult.problem(StripeClients.SYSTEM, "No Stripe API key is saved yet.");
        }
        if (!StripeKey.looksValid(key.get())) {
            try {
                StripeKey.parse(key.get());
            } catch (IllegalArgumentException e) {
                return CheckResult.problem(StripeClients.SYSTEM, e.getMessage() + ".");
            }
        }
        StripeConnectionCheck result = clients.api(ctx).checkConnection(QbdStripeSpec.READS);
        return result.ok() ? CheckResult.ok(StripeClients.SYSTEM, result.summary() + ".")
                : CheckResult.problem(StripeClients.SYSTEM, "Stripe (" + result.mode().words() + "): "
                + result.summary() + ".");
    }

    private CheckResult.SideCheck quickBooks(ConnectorContext ctx) {
        Optional<Instant> last = ctx.quickBooks().lastPolledAt();
        if (last.isEmpty()) {
            return CheckResult.problem(QbdStripeSpec.QUICKBOOKS, "QuickBooks has not connected yet. Download the "
                    + ".qwc file, add it to the QuickBooks Web Connector on the computer with the company file, "
                    + "enter the password and tick Auto-Run.");
        }
        List<String> missing = settingsInBooks.problems(ctx);
        String message = "QuickBooks last connected at " + last.get()
                + ctx.quickBooks().qbxmlVersion().map(v -> "; it speaks qbXML " + v).orElse("") + "."
                + (missing.isEmpty() ? "" : " " + String.join(" ", missing));
        boolean late = last.get().plus(ConnectionSettings.of(ctx).webConnectorInterval().multipliedBy(3))
                .isBefore(ctx.clock().instant());
        return missing.isEmpty() && !late ? CheckResult.ok(QbdStripeSpec.QUICKBOOKS, message)
                : CheckResult.problem(QbdStripeSpec.QUICKBOOKS, message + (late ? " It should connect every "
                + ConnectionSettings.of(ctx).webConnectorInterval().toMinutes() + " minutes: check that the "
                + "computer is on and the Web Connector's Auto-Run is ticked." : ""));
    }
}
