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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A setting whose values come from one of the connection's pick lists (the accounting side's accounts):
 * typed while the list is empty, chosen from its entries once the connector has filled it, and a value
 * the list no longer has kept until the person picks another.
 */
@MicronautTest(transactional = false)
class SettingPickListPagesTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String FIELD = "setting-" + DesktopPairConnector.DEPOSIT_SETTING;
    static final Pattern OPTION = Pattern.compile("<option([^>]*)>([^<]*)</option>");

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
    void theSettingIsTypedUntilTheConnectorHasReadItsListThenChosenFromTheEntriesWithWhatTellsThemApart() {
        Company acme = Company.signUp(base, "Accounts Ltd");
        WebSession owner = acme.session();

        String before = owner.get(acme.connectionPath() + "/settings").body();
        String input = WebSession.find(before, "(<input id=\"" + FIELD + "\"[^>]*>)");
        assertTrue(input.contains("value=\"Undeposited Funds\""), "the default is there to keep or change: " + input);
        assertFalse(before.contains("<select id=\"" + FIELD + "\""), "no list to choose from yet");
        String help = WebSession.find(before, "<p class=\"hint\" id=\"" + FIELD + "-help\">(.*?)</p>");
        assertTrue(help.contains("A list to choose from appears here once the connector has read the choices from Test Desktop Books."),
                help);
        assertFalse(before.contains("QuickBooks"), "the page names the connector's own systems");

        String after = settingsOnceListed(acme, "all");

        assertFalse(after.contains("<input id=\"" + FIELD + "\""), "chosen from the list, not typed");
        assertTrue(after.contains("<label for=\"" + FIELD + "\">"), "the list has its label");
        List<String[]> options = options(after);
        assertEquals(List.of("Barclays Current — Bank", "Petty Cash", "Undeposited Funds — Other current asset"),
                options.stream().map(o -> o[1]).toList(), "each entry with its detail, by name");
        assertEquals("80000010-1700000010", optionValue(options, "Petty Cash"), "an entry is sent by its id");
        assertEquals(List.of("Undeposited Funds — Other current asset"), selected(options), "the default is selected");
        String select = WebSession.find(after, "(<select id=\"" + FIELD + "\"[^>]*>)");
        assertTrue(select.contains("aria-describedby=\"" + FIELD + "-help\""), select);
        assertFalse(after.contains("not found in"), "nothing to warn about");
    }

    @Test
    void choosingAnEntrySavesItAndShowsItSelected() {
        Company acme = Company.signUp(base, "Choosing Ltd");
        WebSession owner = acme.session();
        String form = settingsOnceListed(acme, "all");
        Map<String, String> sent = formValues(form);
        sent.put(DesktopPairConnector.DEPOSIT_SETTING, DesktopPairConnector.PETTY_CASH.id());

        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/settings", sent);

        assertEquals(303, saved.statusCode(), saved.body());
        String page = owner.get(WebSession.location(saved)).body();
        assertTrue(page.contains("Settings saved."));
        assertEquals(List.of("Petty Cash"), selected(options(page)));
    }

    @Test
    void aForgedValueThatIsNotOneOfTheEntriesIsRefusedBesideTheFieldAndTheOldValueKept() {
        Company acme = Company.signUp(base, "Forged Choice Ltd");
        WebSession owner = acme.session();
        Map<String, String> sent = formValues(settingsOnceListed(acme, "all"));
        sent.put(DesktopPairConnector.DEPOSIT_SETTING, DesktopPairConnector.BARCLAYS.id());
        assertEquals(303, owner.post(acme.connectionPath() + "/settings", sent).statusCode());
        sent.put(DesktopPairConnector.DEPOSIT_SETTING, "Attacker Account");

        HttpResponse<String> forged = owner.post(acme.connectionPath() + "/settings", sent);

        assertEquals(400, forged.statusCode());
        String error = WebSession.find(forged.body(), "id=\"" + FIELD + "-error\">(.*?)</p>").replace("&#39;", "'");
        assertTrue(error.contains("Deposit payments to: 'Attacker Account' is not one of those offered. Choose one from the list."), error);
        String select = WebSession.find(forged.body(), "(<select id=\"" + FIELD + "\"[^>]*>)");
        assertTrue(select.contains("aria-invalid=\"true\""), select);
        assertTrue(select.contains("aria-describedby=\"" + FIELD + "-help " + FIELD + "-error\""), "the list points at its problem: " + select);
        assertTrue(forged.body().indexOf(FIELD + "-error") > forged.body().indexOf("<select id=\"" + FIELD + "\""), "beside the field");
        assertEquals(List.of("Barclays Current — Bank"), selected(options(forged.body())), "the saved choice is shown, not the forged one");
        assertFalse(options(forged.body()).stream().anyMatch(o -> o[0].contains("Attacker Account")));
        assertEquals(List.of("Barclays Current — Bank"), selected(options(owner.get(acme.connectionPath() + "/settings").body())),
                "nothing was saved");
    }

    @Test
    void aStoredValueTheListNoLongerHasStaysFirstAndIsKeptWhenTheFormIsSavedUnchanged() {
        Company acme = Company.signUp(base, "Renamed Ltd");
        WebSession owner = acme.session();
        Map<String, String> typed = formValues(owner.get(acme.connectionPath() + "/settings").body());
        typed.put(DesktopPairConnector.DEPOSIT_SETTING, "Old Savings");
        assertEquals(303, owner.post(acme.connectionPath() + "/settings", typed).statusCode(), "any text is taken while the list is empty");

        String form = settingsOnceListed(acme, "all");

        List<String[]> options = options(form);
        assertEquals("Current: Old Savings (not found in Test Desktop Books)", options.get(0)[1]);
        assertEquals("Old Savings", optionValue(options, options.get(0)[1]));
        assertEquals(List.of(options.get(0)[1]), selected(options));
        String note = WebSession.find(form, "id=\"" + FIELD + "-note\">(.*?)</p>");
        assertTrue(note.contains("Old Savings was not among the choices") && note.contains("Choose another from the list"), note);
        assertTrue(WebSession.find(form, "(<select id=\"" + FIELD + "\"[^>]*>)").contains(
                "aria-describedby=\"" + FIELD + "-help " + FIELD + "-note\""), "the note is read with the list");

        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/settings", formValues(form));

        assertEquals(303, saved.statusCode(), saved.body());
        List<String[]> again = options(owner.get(acme.connectionPath() + "/settings").body());
        assertEquals(List.of("Current: Old Savings (not found in Test Desktop Books)"), selected(again));
    }

    @Test
    void aDefaultTheListDoesNotHaveIsKeptWhenTheFormIsSavedUnchanged() {
        Company acme = Company.signUp(base, "Default Ltd");
        WebSession owner = acme.session();

        String form = settingsOnceListed(acme, "renamed");

        List<String[]> options = options(form);
        String current = "Current: Undeposited Funds (the default, not found in Test Desktop Books)";
        assertEquals(List.of(current), selected(options));
        assertEquals(0, options.indexOf(options.stream().filter(o -> o[1].equals(current)).findFirst().orElseThrow()));
        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/settings", formValues(form));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(List.of(current), selected(options(owner.get(acme.connectionPath() + "/settings").body())));
    }

    @Test
    void anotherCompanyCanNeitherSeeNorSaveTheSettings() {
        Company acme = Company.signUp(base, "Own Accounts Ltd");
        Company rival = Company.signUp(base, "Rival Accounts Ltd");
        settingsOnceListed(acme, "all");
        rival.session().get(rival.connectionPath() + "/settings");

        HttpResponse<String> seen = rival.session().get(acme.connectionPath() + "/settings");
        HttpResponse<String> saved = rival.session().post(acme.connectionPath() + "/settings",
                Map.of(DesktopPairConnector.DEPOSIT_SETTING, DesktopPairConnector.PETTY_CASH.id()));

        assertEquals(404, seen.statusCode());
        assertFalse(seen.body().contains("Barclays Current — Bank"), "nothing of the other company's list");
        assertEquals(404, saved.statusCode());
        assertEquals(List.of("Undeposited Funds — Other current asset"),
                selected(options(acme.session().get(acme.connectionPath() + "/settings").body())), "the owner's setting is unchanged");
    }

    /** The settings page once the connector has read the accounts ({@code all} or {@code renamed}). */
    private String settingsOnceListed(Company company, String which) {
        assertEquals(200, company.sendEvents("E-accounts-" + UUID.randomUUID(), "accounts", which).statusCode());
        String[] page = new String[1];
        Eventually.within(WAIT, "the accounts listed", () -> {
            page[0] = company.session().get(company.connectionPath() + "/settings").body();
            return page[0].contains("<select id=\"" + FIELD + "\"");
        });
        return page[0];
    }

    /** The options of the deposit account list: their attributes and text. */
    private static List<String[]> options(String html) {
        String select = WebSession.find(html, "<select id=\"" + FIELD + "\"[^>]*>(.*?)</select>");
        List<String[]> found = new ArrayList<>();
        Matcher m = OPTION.matcher(select);
        while (m.find()) {
            found.add(new String[] {m.group(1), m.group(2)});
        }
        return found;
    }

    private static List<String> selected(List<String[]> options) {
        return options.stream().filter(o -> o[0].contains("selected")).map(o -> o[1]).toList();
    }

    private static String optionValue(List<String[]> options, String text) {
        String attributes = options.stream().filter(o -> o[1].equals(text)).findFirst().orElseThrow()[0];
        return WebSession.find(attributes, "value=\"([^\"]*)\"");
    }

    /** What a browser sends when the settings form is submitted as it is. */
    private static Map<String, String> formValues(String html) {
        String form = WebSession.find(html, "(<form method=\"post\"[^>]*/settings\".*?</form>)");
        Map<String, String> values = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input([^>]*)>").matcher(form);
        while (inputs.find()) {
            String attributes = inputs.group(1);
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(attributes);
            if (!name.find() || name.group(1).equals("csrfToken")) {
                continue;
            }
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(attributes);
            String given = value.find() ? value.group(1) : "";
            if (!attributes.contains("type=\"radio\"") || attributes.contains("checked")) {
                values.put(name.group(1), given);
            }
        }
        Matcher selects = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (selects.find()) {
            Matcher option = OPTION.matcher(selects.group(2));
            String chosen = null;
            while (option.find()) {
                String value = WebSession.find(option.group(1), "value=\"([^\"]*)\"");
                if (chosen == null || option.group(1).contains("selected")) {
                    chosen = value;
                }
                if (option.group(1).contains("selected")) {
                    break;
                }
            }
            values.put(selects.group(1), chosen == null ? "" : chosen);
        }
        return values;
    }
}
