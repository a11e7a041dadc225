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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "needs attention" queue where a person resolves an unmatched payer by picking the accounting
 * customer from the list the connector keeps, searchable without scripts, and the piece of HTML the
 * page's script fetches while they type.
 */
@MicronautTest(transactional = false)
class PickListResolvePagesTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern RADIO_VALUE = Pattern.compile("<input type=\"radio\" name=\"targetId\"[^>]*value=\"([^\"]+)\"");

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
    void theQueueAsksTheConnectorsQuestionAndListsTheFirstCustomersOfItsList() {
        Company acme = Company.signUp(base, "Pick Ltd");
        String id = heldWithList(acme, "PQ-1");

        String queue = acme.session().get("/app/attention").body();
        String form = resolveForm(queue, id);

        assertTrue(form.contains("<legend>Which Test Desktop Books customer is Test Pay customer CU-PQ-1?</legend>"), form);
        assertTrue(form.contains(">Search Test Desktop Books customers by name, company or e-mail</label>"), form);
        assertEquals(20, count(RADIO_VALUE, form), "a page shows twenty of the list's entries");
        assertTrue(form.contains("Ada Lovelace") && form.contains("ada@example.com") && form.contains(DesktopPairConnector.ADA.id()),
                "each entry shows its name, what tells it apart and its id");
        assertTrue(form.contains("8 more — refine your search"), form);
        assertTrue(WebSession.find(form, "id=\"choices-status-" + id + "\"[^>]*>(.*?)</p>").contains("20 of 28 customers shown."));
        assertTrue(form.contains("aria-live=\"polite\""), "the result count is read out when it changes");
        assertEquals("Match and post", WebSession.find(queue, "id=\"resolve-" + id + "\".*?</fieldset>\\s*<button type=\"submit\">([^<]+)</button>"),
                "the answer is sent right under the list");
        assertFalse(form.contains("id=\"target-" + id + "\""), "no id to type while there is a list to pick from");
    }

    @Test
    void searchingWithoutScriptsReloadsThePageWithOnlyTheMatchesAndKeepsOtherSearches() {
        Company acme = Company.signUp(base, "Search Ltd");
        String first = heldWithList(acme, "PS-1");
        String second = held(acme, "PS-2");
        WebSession owner = acme.session();

        String queue = owner.get("/app/attention?" + param(first, "hopper") + "&" + param(second, "babbage")).body();

        String firstForm = resolveForm(queue, first);
        String secondForm = resolveForm(queue, second);
        assertEquals(1, count(RADIO_VALUE, firstForm), firstForm);
        assertTrue(firstForm.contains("value=\"" + DesktopPairConnector.HOPPER.id() + "\""));
        assertTrue(firstForm.contains("1 customer matches “hopper”."), firstForm);
        assertEquals(1, count(RADIO_VALUE, secondForm), secondForm);
        assertTrue(secondForm.contains("Babbage &amp; Sons"), secondForm);
        String searchForm = WebSession.find(queue, "(<form method=\"get\" class=\"choice-search\"[^>]*id=\"find-" + first + "\".*?</form>)");
        assertTrue(searchForm.contains("action=\"/app/attention#resolve-" + first + "\""), searchForm);
        assertTrue(searchForm.contains("name=\"find-" + second + "\" value=\"babbage\""), "the other record's search is kept: " + searchForm);
        assertFalse(searchForm.contains("name=\"find-" + first + "\" value="), "its own search comes from the box, not a hidden field");
        assertTrue(firstForm.contains("name=\"find-" + first + "\" value=\"hopper\""), "the box shows what was searched");

        String record = owner.get("/app/activity/" + first + "?" + param(first, "grace")).body();
        assertEquals(1, count(RADIO_VALUE, resolveForm(record, first)), "the detail of an entry is searched too");
        assertTrue(owner.get("/app/attention?" + param(first, "nobody")).body().contains("No customer matches “nobody”."));
    }

    @Test
    void pickingACustomerWritesTheMatchAndPostsThePayment() {
        Company acme = Company.signUp(base, "Match Pick Ltd");
        String id = heldWithList(acme, "PP-1");
        WebSession owner = acme.session();
        owner.get("/app/attention");

        HttpResponse<String> picked = owner.post("/app/activity/" + id + "/resolve",
                Map.of("targetId", DesktopPairConnector.HOPPER.id(), "back", "attention", "find", "hopper"));

        assertEquals(303, picked.statusCode(), picked.body());
        assertEquals("/app/attention?resolved=1", WebSession.location(picked));
        Eventually.within(WAIT, "PP-1 synced", () -> owner.get("/app/activity/" + id).body().contains(">Synced<"));
        String record = owner.get("/app/activity/" + id).body();
        assertTrue(record.contains("customer CU-PP-1 matched by a person to Hopper Consulting Ltd"), record);
        assertTrue(record.contains("for customer " + DesktopPairConnector.HOPPER.id()), "the connector posted it for the chosen customer");
        assertTrue(record.contains("<code>T-PP-1</code>"));
        assertTrue(owner.get("/app/attention").body().contains("Nothing is waiting for you"));
    }

    @Test
    void oneAnswerPostsEveryPaymentOfThatPayerAndSaysSo() {
        Company acme = Company.signUp(base, "Two Payments Ltd");
        String first = heldWithList(acme, "PT-1");
        String second = held(acme, "PT-1.2");
        WebSession owner = acme.session();
        owner.get("/app/attention");

        HttpResponse<String> picked = owner.post("/app/activity/" + first + "/resolve",
                Map.of("targetId", DesktopPairConnector.HOPPER.id(), "back", "attention"));

        assertEquals("/app/attention?resolved=2", WebSession.location(picked));
        assertTrue(owner.get("/app/attention?resolved=2").body()
                .contains("Matched. The item and 1 other item waiting for the same answer are running again with your choice."));
        Eventually.within(WAIT, "both synced", () -> owner.get("/app/activity/" + first).body().contains(">Synced<")
                && owner.get("/app/activity/" + second).body().contains(">Synced<"));
    }

    @Test
    void anIdNotInTheListOrNoChoiceIsRefusedBesideTheList() {
        Company acme = Company.signUp(base, "Refuse Ltd");
        String id = heldWithList(acme, "PR-1");
        WebSession owner = acme.session();
        owner.get("/app/attention");

        HttpResponse<String> forged = owner.post("/app/activity/" + id + "/resolve",
                Map.of("targetId", "80009999-0000000000", "back", "attention", "find", "ada"));
        HttpResponse<String> nothing = owner.post("/app/activity/" + id + "/resolve", Map.of("back", "record", "find", ""));

        assertEquals(400, forged.statusCode());
        String form = resolveForm(forged.body(), id);
        String error = WebSession.find(form, "id=\"target-error-" + id + "\">(.*?)</p>");
        assertTrue(error.contains("Choose one of the listed customers;") && error.contains("80009999-0000000000")
                && error.contains("is not one of them."), error);
        assertTrue(form.contains("aria-describedby=\"target-error-" + id + "\""), "the list points at its problem: " + form);
        assertTrue(form.indexOf("target-error-" + id + "\">") < form.indexOf("type=\"radio\""), "the problem is read before the entries");
        assertEquals(1, count(RADIO_VALUE, form), "the search in effect when it was sent is kept");
        assertEquals(400, nothing.statusCode());
        assertTrue(nothing.body().contains("<h2 id=\"resolve-heading\">This needs you</h2>"), "shown on the record's page it came from");
        assertTrue(WebSession.find(nothing.body(), "id=\"target-error-" + id + "\">(.*?)</p>").contains("Choose one of the listed customers."));
        assertTrue(owner.get("/app/activity/" + id).body().contains(">Needs you<"), "nothing was matched or posted");
    }

    @Test
    void theChoicesFragmentHoldsOnlyTheMatchingEntries() {
        Company acme = Company.signUp(base, "Fragment Ltd");
        String id = heldWithList(acme, "PF-1");

        HttpResponse<String> matches = acme.session().get("/app/activity/" + id + "/choices?q=ADA");
        HttpResponse<String> all = acme.session().get("/app/activity/" + id + "/choices?q=");

        assertEquals(200, matches.statusCode());
        assertTrue(matches.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(1, count(RADIO_VALUE, matches.body()), matches.body());
        assertTrue(matches.body().contains("value=\"" + DesktopPairConnector.ADA.id() + "\""));
        assertFalse(matches.body().contains("Hopper"));
        assertFalse(matches.body().contains("<html"), "a piece of a page, not a page");
        assertTrue(matches.body().contains("data-summary=\"1 customer matches “ADA”.\""), matches.body());
        assertEquals(20, count(RADIO_VALUE, all.body()));
        assertTrue(all.body().contains("8 more — refine your search"));
    }

    @Test
    void anotherCompanysHeldRecordIsNotFoundAndCannotBeAnswered() {
        Company acme = Company.signUp(base, "Owner Pick Ltd");
        Company rival = Company.signUp(base, "Rival Pick Ltd");
        String id = heldWithList(acme, "PX-9");
        WebSession eve = rival.session();
        eve.get("/app/attention");

        HttpResponse<String> fragment = eve.get("/app/activity/" + id + "/choices?q=ada");
        HttpResponse<String> page = eve.get("/app/activity/" + id + "?" + param(id, "ada"));
        HttpResponse<String> answer = eve.post("/app/activity/" + id + "/resolve", Map.of("targetId", DesktopPairConnector.ADA.id()));
        String queue = eve.get("/app/attention?" + param(id, "ada")).body();

        assertEquals(404, fragment.statusCode());
        assertFalse(fragment.body().contains("Ada Lovelace"));
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"));
        assertEquals(404, answer.statusCode());
        assertFalse(queue.contains("Ada Lovelace") || queue.contains("CU-PX-9"), "the other company's queue shows nothing of it");
        assertTrue(acme.session().get("/app/activity/" + id).body().contains(">Needs you<"), "still waiting for its own company");
    }

    @Test
    void beforeTheListIsFilledTheIdIsTypedWithAHintThatTheListIsComing() {
        Company acme = Company.signUp(base, "Early Ltd");
        String id = held(acme, "PE-1");
        WebSession owner = acme.session();

        String form = resolveForm(owner.get("/app/attention").body(), id);

        assertTrue(form.contains("<label for=\"target-" + id + "\">"), form);
        assertTrue(form.contains("Which Test Desktop Books customer is Test Pay customer CU-PE-1?"));
        assertTrue(form.contains("Test Desktop Books customers will be listed here to pick from after the Web Connector’s next run."), form);
        assertEquals(0, count(RADIO_VALUE, form));
        assertEquals(404, owner.get("/app/activity/" + id + "/choices?q=").statusCode(), "nothing to search yet");

        HttpResponse<String> typed = owner.post("/app/activity/" + id + "/resolve", Map.of("targetId", "80000077-1700000077", "back", "attention"));

        assertEquals(303, typed.statusCode(), typed.body());
        Eventually.within(WAIT, "PE-1 synced", () -> owner.get("/app/activity/" + id).body().contains("for customer 80000077-1700000077"));
    }

    /** A payment held with a question, once the customers' list has been filled; returns the record's id. */
    private String heldWithList(Company company, String paymentId) {
        assertEquals(200, company.sendEvents("E-list-" + paymentId, "customers", "list").statusCode());
        String id = held(company, paymentId);
        Eventually.within(WAIT, "the customers listed", () -> company.session().get("/app/activity/" + id).body().contains("Ada Lovelace"));
        return id;
    }

    /** A payment held with a question; returns the record's id. */
    private String held(Company company, String paymentId) {
        assertEquals(200, company.sendEvents("E-" + paymentId, "asks", paymentId).statusCode());
        WebSession owner = company.session();
        Eventually.within(WAIT, paymentId + " held", () -> owner.get("/app/activity?status=NEEDS_ATTENTION&q=" + paymentId).body()
                .contains("href=\"/app/activity/"));
        return WebSession.find(owner.get("/app/activity?q=" + paymentId).body(), "href=\"/app/activity/([0-9a-f-]{36})\"");
    }

    private static String param(String recordId, String text) {
        return "find-" + recordId + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One record's resolve form, up to the end of its list. */
    private static String resolveForm(String html, String recordId) {
        return WebSession.find(html, "(id=\"resolve-" + recordId + "\".*?(?:</fieldset>|</datalist>|</form>\\s*</div>))");
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
