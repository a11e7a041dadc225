package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.spec.CheckResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Test connection" says, per system, what works, in words a finance person understands. */
class ConnectionCheckTest {

    @Test
    void reportsTheCreditorAndWhenQuickBooksLastPolled() {
        try (Scenario s = Scenario.gbp()) {
            s.gc.setCreditorName("Acme UK Ltd");
            s.poll();
            s.books.clock().advance(Duration.ofMinutes(7));

            CheckResult result = s.connector.check(s.ctx);

            assertTrue(result.allOk(), result.toString());
            assertTrue(side(result, "gocardless").message().contains("Acme UK Ltd"));
            assertTrue(side(result, "quickbooks-desktop").message().contains("7 minutes ago"),
                    side(result, "quickbooks-desktop").message());
        }
    }

    @Test
    void saysWhenQuickBooksHasNeverConnectedOrStoppedConnecting() {
        try (Scenario s = Scenario.gbp()) {
            CheckResult never = s.connector.check(s.ctx);
            assertFalse(side(never, "quickbooks-desktop").ok());
            assertTrue(side(never, "quickbooks-desktop").message().contains(".qwc"));

            s.poll();
            s.books.clock().advance(Duration.ofHours(5));
            CheckResult stale = s.connector.check(s.ctx);
            assertFalse(side(stale, "quickbooks-desktop").ok());
            assertTrue(side(stale, "quickbooks-desktop").message().contains("5 hours ago"));
        }
    }

    @Test
    void aRevokedTokenIsReportedWithoutShowingIt() {
        try (Scenario s = Scenario.gbp()) {
            String token = s.gc.accessToken();
            s.gc.revokeAllAccessTokens();

            CheckResult.SideCheck gc = side(s.connector.check(s.ctx), "gocardless");

            assertFalse(gc.ok());
            assertTrue(gc.message().contains("rejected"), gc.message());
            assertFalse(gc.message().contains(token));
        }
    }

    private static CheckResult.SideCheck side(CheckResult result, String system) {
        return result.sides().stream().filter(c -> c.system().equals(system)).findFirst().orElseThrow();
    }
}
