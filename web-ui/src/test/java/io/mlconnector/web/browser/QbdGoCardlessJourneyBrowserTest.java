package io.mlconnector.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.WebhookDelivery;
import io.mlconnector.testkit.gocardless.WebhookSender;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorSimulator;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Issue 6's journey in a real browser: a finance person signs up, creates a QuickBooks Desktop ↔
 * GoCardless connection, pastes the credentials, copies the webhook address, downloads the .qwc
 * file and sets up the Web Connector password; then, with the GoCardless fake sending signed
 * webhooks and the Web Connector simulator polling a simulated company file, sees a payment synced,
 * one fail and run again once fixed, and an unmatched payer resolved by picking the customer. A
 * second company typing the first one's address gets the "not found" page. Every page is
 * photographed under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.mlconnector.web.browser.QbdGoCardlessJourneyBrowserTest#runnable")
class QbdGoCardlessJourneyBrowserTest implements TestPropertyProvider {

    static final Duration LIMIT = Duration.ofSeconds(90);
    static final String WEBHOOK_SECRET = "whsec_journey_7d3a19";
    static final String PLUGIN_FILE = "qbd-gocardless-0.1.0-SNAPSHOT-plugin.jar";
    static final Set<SessionOutcome> NORMAL_ENDS = Set.of(SessionOutcome.COMPLETED, SessionOutcome.NOTHING_TO_DO);

    final FakeGoCardless gc = FakeGoCardless.start();
    final SimulatedCompanyFile books = SimulatedCompanyFile.builder().country("UK").companyName("Acme UK Ltd").build();

    @Inject
    EmbeddedServer server;

    Browser browser;
    String base;

    /** Chromium from Debian and the packaged plugin are both needed; without either the journey is skipped. */
    static boolean runnable() {
        return Browser.available() && Files.isRegularFile(pluginsFolder().resolve(PLUGIN_FILE));
    }

    static Path pluginsFolder() {
        return Paths.get(System.getProperty("ml.journey.plugins", "target/plugins"));
    }

    @Override
    public Map<String, String> getProperties() {
        // Two quick tries before an item counts as failed, so an outage of the fake fails a payment within seconds.
        return Map.of("ml.systems.gocardless.base-url", gc.baseUrl(), "ml.plugins.dir", pluginsFolder().toAbsolutePath().toString(),
                "ml.jobs.max-attempts", "2", "ml.jobs.first-retry-delay", "200ms");
    }

    @BeforeAll
    void start() {
        base = server.getURL().toString();
        browser = Browser.start();
        books.addAccount("GoCardless Fees", "Expense");
        books.addAccount("GoCardless Clearing", "OtherCurrentAsset");
        books.addPaymentMethod("GoCardless", "Other");
        books.addServiceItem("GoCardless Refund", "Services");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        gc.close();
    }

    @Test
    void aFinancePersonSetsUpAConnectionAndWatchesPaymentsReachTheBooks() throws IOException {
        BrowserContext acme = browser.person(base);
        Page page = acme.newPage();

        // 1. Sign up
        page.navigate(base + "/");
        browser.photograph(page, "01-landing");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
        page.getByLabel("Company name").fill("Acme UK Ltd");
        page.getByLabel("Your name").fill("Ada Finance");
        page.getByLabel("Work e-mail").fill("ada.finance+" + System.nanoTime() + "@acme.example");
        page.getByLabel("Password").fill("a long enough password");
        browser.photograph(page, "02-sign-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No connections yet"))).isVisible();
        browser.photograph(page, "03-dashboard-empty");

        // 2. The catalogue and a new QuickBooks Desktop ↔ GoCardless connection
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your first connection")).click();
        assertThat(page.getByText("QuickBooks Desktop ↔ GoCardless").first()).isVisible();
        browser.photograph(page, "04-catalogue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up QuickBooks Desktop ↔ GoCardless")).click();
        page.getByLabel("Name of this connection").fill("Acme UK books");
        page.getByLabel("Access token").fill(gc.accessToken());
        page.getByLabel("Bank account for payouts").fill("Checking");
        page.getByLabel("Account for GoCardless fees").fill("GoCardless Fees");
        browser.photograph(page, "05-new-connection");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create connection")).click();
        assertThat(page.getByText("Connection created.")).isVisible();
        String connectionUrl = page.url().replaceAll("\\?.*$", "");
        browser.photograph(page, "06-connection-created");

        // 3. Settings, with a mistake shown beside its field
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        page.getByLabel("GoCardless environment").selectOption("sandbox");
        page.getByLabel("Web Connector runs every (minutes)").fill("every five");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator("#setting-qbwc_run_every_minutes-error")).containsText("must be a whole number");
        browser.photograph(page, "07-settings-error");
        page.getByLabel("Web Connector runs every (minutes)").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.getByText("Settings saved.")).isVisible();

        // 4. Copy the webhook address for GoCardless, then paste GoCardless's endpoint secret
        page.navigate(connectionUrl);
        String webhookUrl = page.locator(".webhook-url").first().inputValue();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).first().click();
        assertThat(page.locator(".copied").first()).containsText("Copied");
        assertEquals(webhookUrl, page.evaluate("() => navigator.clipboard.readText()"), "the copy button puts the address on the clipboard");
        assertTrue(webhookUrl.startsWith(base + "/webhooks/"), webhookUrl);
        browser.photograph(page, "08-webhook-address-copied");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Credentials").setExact(true)).click();
        page.getByLabel("Webhook endpoint secret").fill(WEBHOOK_SECRET);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save credentials")).click();
        assertThat(page.getByText("Credentials saved.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Credentials").setExact(true)).click();
        assertThat(page.getByText("••••" + WEBHOOK_SECRET.substring(WEBHOOK_SECRET.length() - 4))).isVisible();
        assertFalse(page.content().contains(WEBHOOK_SECRET), "a saved secret is never sent back");
        assertFalse(page.content().contains(gc.accessToken()));
        browser.photograph(page, "09-credentials-masked");

        // 5. The .qwc file and the Web Connector password, shown once
        page.navigate(connectionUrl);
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download .qwc file")).click());
        QwcFile qwc = QwcFile.parse(Files.readString(download.path(), StandardCharsets.UTF_8));
        assertTrue(download.suggestedFilename().endsWith(".qwc"), download.suggestedFilename());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the password")).click();
        String password = page.getByLabel("Password").inputValue();
        assertThat(page.locator("#new-password")).containsText(qwc.userName());
        browser.photograph(page, "10-web-connector-password");
        page.navigate(connectionUrl);
        assertFalse(page.content().contains(password), "the password is shown only once");

        // 6. The Web Connector calls for the first time; "Test connection" hears from both sides
        QuickBooksComputer quickBooks = new QuickBooksComputer(qwc, password, books, () -> {
            page.navigate(base + "/app/activity");
            browser.photograph(page, "timed-out-activity");
            page.navigate(base + "/app/attention");
            browser.photograph(page, "timed-out-attention");
        });
        quickBooks.poll();
        page.navigate(connectionUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test connection")).click();
        assertThat(page.locator("#check-result")).containsText("The connection works");
        browser.photograph(page, "11-test-connection");

        // 6b. Once the Web Connector has called, the settings offer the accounts the company file has
        quickBooks.pollUntil(() -> {
            page.navigate(connectionUrl + "/settings");
            return "select".equals(page.getByLabel("Account for GoCardless fees").evaluate("e => e.tagName.toLowerCase()"));
        });
        Locator fees = page.getByLabel("Account for GoCardless fees");
        assertThat(fees.locator("option", new Locator.LocatorOptions().setHasText("GoCardless Fees"))).containsText("Expense");
        assertEquals(0, fees.locator("option", new Locator.LocatorOptions().setHasText("Checking")).count(),
                "a bank account is not offered for fees");
        fees.selectOption("GoCardless Fees");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.getByText("Settings saved.")).isVisible();
        browser.photograph(page, "11b-settings-from-quickbooks");

        // 7. A GoCardless payment arrives by signed webhook and reaches the books at the next polls
        books.addCustomer("Ada Lovelace", "ada@example.com");
        books.addOpenInvoice("Ada Lovelace", "INV-1001", "125.00");
        CustomerWithMandate ada = gc.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
        String first = gc.createPayment(ada.mandateId(), 12500, "GBP");
        gc.confirmPayment(first);
        GoCardless sender = new GoCardless(webhookUrl);
        sender.sendNewEvents(gc);
        quickBooks.pollUntil(() -> listed(page, base + "/app/activity?status=DONE&q=" + first));
        browser.photograph(page, "12-activity-synced");
        page.locator("table.records a").first().click();
        assertThat(page.locator("dl.facts")).containsText(first);
        assertThat(page.locator("dl.facts")).containsText(books.payments().get(0).txnId());
        browser.photograph(page, "13-record-both-ids-and-trail");

        // 8. The access token is revoked: the connection asks for a reconnect, and the payment waits for it
        gc.revokeAllAccessTokens();
        books.addOpenInvoice("Ada Lovelace", "INV-1003", "80.00");
        String second = gc.createPayment(ada.mandateId(), 8000, "GBP");
        gc.confirmPayment(second);
        sender.sendNewEvents(gc);
        eventually(() -> shows(page, base + "/app", "Needs reconnect"));
        assertThat(page.locator(".card.connection")).containsText("GoCardless");
        browser.photograph(page, "14-dashboard-needs-reconnect");
        page.navigate(connectionUrl);
        assertThat(page.locator("#reconnect")).containsText("GoCardless refused the saved credentials");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test connection")).click();
        assertThat(page.locator("#check-result")).containsText("Something needs fixing");
        browser.photograph(page, "15-connection-reconnect");
        String newToken = "sandbox_rotated_" + Long.toHexString(System.nanoTime());
        gc.acceptAccessToken(newToken);
        page.navigate(connectionUrl + "/credentials");
        page.getByLabel("Access token").fill(newToken);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save credentials")).click();
        assertThat(page.getByText("Credentials saved.")).isVisible();
        quickBooks.pollUntil(() -> listed(page, base + "/app/activity?status=DONE&q=" + second));
        assertFalse(shows(page, base + "/app", "Needs reconnect"), "working credentials clear the reconnect");

        // 9. GoCardless is down for longer than the retries last: the payment fails, and Replay runs it again
        gc.failNextRequests(1_000, 503);
        books.addOpenInvoice("Ada Lovelace", "INV-1004", "42.00");
        String fourth = gc.createPayment(ada.mandateId(), 4200, "GBP");
        gc.confirmPayment(fourth);
        sender.sendNewEvents(gc);
        eventually(() -> listed(page, base + "/app/activity?status=FAILED&q=" + fourth));
        page.navigate(base + "/app/attention");
        assertThat(page.locator("main")).containsText(fourth);
        browser.photograph(page, "16-attention-failed");
        gc.failNextRequests(0, 503);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay")).first().click();
        assertThat(page.getByText("Queued to run again.")).isVisible();
        quickBooks.pollUntil(() -> listed(page, base + "/app/activity?status=DONE&q=" + fourth));

        // 10. A payer QuickBooks does not know by name or e-mail waits for a person to pick the customer
        books.addCustomer("Hopper Consulting Ltd", "accounts@hopper.example");
        books.addOpenInvoice("Hopper Consulting Ltd", "INV-1002", "99.00");
        CustomerWithMandate grace = gc.createCustomerWithActiveMandate(CustomerDetails.person("Grace", "Hopper", "grace@navy.example"));
        String third = gc.createPayment(grace.mandateId(), 9900, "GBP");
        gc.confirmPayment(third);
        sender.sendNewEvents(gc);
        quickBooks.pollUntil(() -> shows(page, base + "/app/attention", grace.customerId() + "?"));
        Locator question = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                .setName("Which QuickBooks Desktop customer is GoCardless customer " + grace.customerId() + "?"));
        assertThat(question).isVisible();
        browser.photograph(page, "17-attention-unmatched-customer");
        question.getByLabel("Search QuickBooks Desktop customers by name, company or e-mail").fill("hopper");
        Locator hopper = question.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Hopper Consulting Ltd"));
        assertThat(hopper).isVisible();
        assertThat(question.getByRole(AriaRole.RADIO)).hasCount(1);
        browser.photographOnPhone(page, "17-attention-unmatched-customer");
        hopper.check();
        page.locator("form", new Page.LocatorOptions().setHas(question))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Match and post")).click();
        assertThat(page.getByText("Matched.")).isVisible();
        quickBooks.pollUntil(() -> listed(page, base + "/app/activity?status=DONE&q=" + third));
        assertEquals(4, books.payments().size(), "four payments in the books, none twice");
        assertEquals("Hopper Consulting Ltd", books.payments().stream()
                .filter(p -> p.totalAmount().equals("99.00")).findFirst().orElseThrow().customerFullName(), "posted to the customer picked");

        // 11. The dashboard, the activity, the audit log and its CSV
        page.navigate(base + "/app/activity");
        browser.photograph(page, "18-activity");
        page.navigate(base + "/app");
        assertThat(page.locator(".card.connection")).containsText("Acme UK books");
        browser.photograph(page, "19-dashboard");
        browser.photographOnPhone(page, "19-dashboard");
        page.navigate(connectionUrl);
        browser.photographOnPhone(page, "20-connection");
        page.navigate(base + "/app/audit");
        browser.photograph(page, "21-audit-log");
        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")).click());
        String exported = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertTrue(exported.contains(first) && exported.contains(third), "the export holds the payments' steps");

        // 12. Another company typing this connection's address gets the "not found" page
        BrowserContext rival = browser.person(base);
        Page other = rival.newPage();
        other.navigate(base + "/sign-up");
        other.getByLabel("Company name").fill("Rival Ltd");
        other.getByLabel("Your name").fill("Eve");
        other.getByLabel("Work e-mail").fill("eve+" + System.nanoTime() + "@rival.example");
        other.getByLabel("Password").fill("another long password");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No connections yet"))).isVisible();
        Response response = other.navigate(connectionUrl);
        assertEquals(404, response.status());
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertFalse(other.content().contains("Acme UK books"));
        browser.photograph(other, "22-other-company-not-found");
        rival.close();
        acme.close();
    }

    /** Loads a filtered activity page and says whether it lists any record. */
    private static boolean listed(Page page, String url) {
        page.navigate(url);
        return page.locator("table.records tbody tr").count() > 0;
    }

    /** Loads a page and says whether it shows the text. */
    private static boolean shows(Page page, String url, String text) {
        page.navigate(url);
        return page.content().contains(text);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("Timed out after " + LIMIT.toSeconds() + " s");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GoCardless posting its recorded events, signed with the endpoint secret, to the connection's address. */
    private record GoCardless(String webhookUrl) {
        void sendNewEvents(FakeGoCardless gc) {
            List<WebhookDelivery> deliveries = new WebhookSender(WEBHOOK_SECRET, WebhookSender.SANDBOX_ORIGIN)
                    .send(URI.create(webhookUrl), gc.takeNewEvents());
            for (WebhookDelivery delivery : deliveries) {
                assertTrue(delivery.accepted(), () -> "webhook refused: " + delivery.statusCode() + " " + delivery.responseBody());
            }
        }
    }

    /** The customer's computer: the Web Connector, set up from the downloaded file and the password, polling the company file. */
    private record QuickBooksComputer(QwcFile qwc, String password, SimulatedCompanyFile books, Runnable onTimeout) {
        SessionResult poll() {
            SessionResult result = WebConnectorSimulator.fromQwc(qwc, password, books).noOpDelay(Duration.ofMillis(10)).build().runSession();
            assertTrue(NORMAL_ENDS.contains(result.outcome()), () -> "Web Connector session ended with " + result);
            return result;
        }

        /** Polls, as Auto-Run does, until the condition holds. */
        void pollUntil(BooleanSupplier condition) {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                poll();
                if (condition.getAsBoolean()) {
                    return;
                }
                sleep();
            }
            onTimeout.run();
            throw new AssertionError("Timed out after " + LIMIT.toSeconds() + " s of Web Connector sessions");
        }
    }
}
