package io.mlconnector.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
 * Choosing a setting from the accounts the connector read, in a real browser at a phone's width, by
 * the list's label alone; photographed under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.mlconnector.web.browser.Browser#available")
class SettingPickListBrowserTest {

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
