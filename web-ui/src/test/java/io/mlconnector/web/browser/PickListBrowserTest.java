package io.mlconnector.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Picking from the lists a connector keeps, in a real browser: the accounting customer for an
 * unmatched payer (typing narrows the list in place, without reloading the page, and the count is
 * announced) and a setting's account at a phone's width. The forms are used by their labels and
 * roles alone, as a keyboard or screen-reader user would. Photographed under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.mlconnector.web.browser.Browser#available")
class PickListBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;

    @Inject
    PluginHost plugins;

    Browser browser;
    String base;

    @BeforeAll
    void start() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void typingNarrowsTheCustomersInPlaceAndPickingOnePostsThePayment() {
        Company acme = Company.signUp(base, "Browser Pick Ltd");
        acme.sendEvents("EB0", "customers", "list");
        acme.sendEvents("EB1", "asks", "PB-1");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "PB-1 held with the list", () -> owner.get("/app/attention").body().contains("Ada Lovelace"));
        BrowserContext person = browser.person(base);
        Page page = person.newPage();
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(owner.email());
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(base + "/app/attention");

        Locator question = page.getByRole(AriaRole.GROUP,
                new Page.GetByRoleOptions().setName("Which Test Desktop Books customer is Test Pay customer CU-PB-1?"));
        assertThat(question).isVisible();
        assertThat(question.getByRole(AriaRole.RADIO)).hasCount(20);
        assertThat(question.getByText("8 more — refine your search")).isVisible();
        browser.photograph(page, "pick-01-attention-list");
        page.evaluate("() => { window.notReloaded = true; }");

        question.getByLabel("Search Test Desktop Books customers by name, company or e-mail").pressSequentially("grace",
                new Locator.PressSequentiallyOptions().setDelay(40));

        assertThat(question.getByRole(AriaRole.RADIO)).hasCount(1);
        assertThat(question.getByRole(AriaRole.STATUS)).hasText("1 customer matches “grace”.");
        assertEquals(true, page.evaluate("() => window.notReloaded === true"), "the list changed without reloading the page");
        assertTrue(page.url().contains("find-"), "the address keeps the search for a reload: " + page.url());
        browser.photograph(page, "pick-02-attention-searched");
        browser.photographOnPhone(page, "pick-02-attention-searched");

        question.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Hopper Consulting Ltd")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Match and post")).click();

        assertThat(page.getByText("Matched. The item is running again with your choice.")).isVisible();
        Eventually.within(WAIT, "PB-1 synced", () -> owner.get("/app/activity?q=PB-1&status=DONE").body().contains("PB-1"));
        browser.photograph(page, "pick-03-matched");
        person.close();
    }

    @Test
    void onAPhoneAPersonChoosesTheDepositAccountByItsLabelAndSeesItSaved() {
        Company acme = Company.signUp(base, "Phone Accounts Ltd");
        acme.sendEvents("EA-phone", "accounts", "all");
        WebSession owner = acme.session();
        Eventually.within(WAIT, "the accounts listed",
                () -> owner.get(acme.connectionPath() + "/settings").body().contains("Barclays Current — Bank"));
        BrowserContext person = browser.person(base);
        Page page = person.newPage();
        page.setViewportSize(390, 844);
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(owner.email());
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(base + acme.connectionPath() + "/settings");

        Locator account = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Deposit payments to (optional)"));
        assertThat(account).hasAccessibleDescription("The account received payments go to.");
        assertThat(account).hasValue(DesktopPairConnector.UNDEPOSITED);
        double width = ((Number) account.evaluate("e => e.getBoundingClientRect().right")).doubleValue();
        assertTrue(width <= 390, "the list fits the phone's width: " + width);
        browser.photograph(page, "settings-pick-list-phone");
        account.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Petty Cash"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();

        assertThat(page.getByText("Settings saved.")).isVisible();
        assertThat(account).hasValue(DesktopPairConnector.PETTY_CASH.id());
        person.close();
    }
}
