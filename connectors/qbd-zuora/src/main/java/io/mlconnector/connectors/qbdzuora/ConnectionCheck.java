package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.systems.qbd.lists.SettingsInBooks;
import io.mlconnector.systems.zuora.connector.ZuoraCalloutReceiver;
import io.mlconnector.systems.zuora.connector.ZuoraClients;
import io.mlconnector.systems.zuora.connector.ZuoraFields;

import java.util.List;

/** "Test connection": a token and a read from Zuora, the callout set-up, and the settings against QuickBooks' lists. */
final class ConnectionCheck {

    private ConnectionCheck() {
    }

    static CheckResult run(ConnectorSpec spec, ConnectorContext ctx) {
        CheckResult.SideCheck zuora;
        try {
            ZuoraClients.api(ctx).invoicesUpdatedAfter(ctx.clock().instant(), null, 1);
            ZuoraCalloutReceiver.auth(ctx);
            zuora = CheckResult.ok(ZuoraFields.SYSTEM, "Zuora answered with the client id and secret, and callouts can be checked.");
        } catch (RetryLater | CannotProcess e) {
            zuora = CheckResult.problem(ZuoraFields.SYSTEM, e.getMessage());
        } catch (IllegalArgumentException e) {
            zuora = CheckResult.problem(ZuoraFields.SYSTEM, "Callouts would be refused: " + e.getMessage() + " under Credentials.");
        }
        List<String> problems = new SettingsInBooks(spec).problems(ctx);
        CheckResult.SideCheck books;
        if (ctx.quickBooks().lastPolledAt().isEmpty()) {
            books = CheckResult.problem(QbdZuoraSpec.BOOKS, "QuickBooks has not connected yet. Download the .qwc file "
                    + "and add it to the Web Connector.");
        } else {
            String when = "QuickBooks last connected " + ctx.quickBooks().lastPolledAt().get() + ".";
            books = problems.isEmpty() ? CheckResult.ok(QbdZuoraSpec.BOOKS, when)
                    : CheckResult.problem(QbdZuoraSpec.BOOKS, when + " " + String.join(" ", problems));
        }
        return CheckResult.of(books, zuora);
    }
}
