package io.mlconnector.testkit.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's answers on the wire, in the shapes Intuit documents. */
class FakeQuickBooksOnlineWireTest {

    private static final String REALM = "4620816365000000001";
    private final FakeQuickBooksOnline fake = FakeQuickBooksOnline.start();
    private final FakeQboCompany company = fake.addCompany(REALM, "Test Co", "USD", false);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        fake.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v3/company/" + REALM + pathAndQuery));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String select) {
        return "/query?minorversion=75&query=" + URLEncoder.encode(select, StandardCharsets.UTF_8);
    }

    @Test
    void queryAnswersWrapRowsInQueryResponseAndAnEmptyResultIsAnEmptyObject() throws Exception {
        fake.acceptToken("t", REALM);
        String customer = company.addCustomer("Ada", null);
        company.addInvoice(customer, "10.00", LocalDate.now());
        company.addInvoice(customer, "20.00", LocalDate.now());
        JsonNode page = json.readTree(get(q("SELECT * FROM Invoice WHERE Balance > '15' MAXRESULTS 10"), "t").body());
        assertEquals(1, page.path("QueryResponse").path("Invoice").size());
        assertEquals(1, page.path("QueryResponse").path("startPosition").asInt());
        assertEquals(0, json.readTree(get(q("SELECT * FROM Invoice WHERE Balance > '50'"), "t").body()).path("QueryResponse").size());
        assertEquals(2, json.readTree(get(q("SELECT COUNT(*) FROM Invoice"), "t").body()).path("QueryResponse").path("totalCount").asInt());
        HttpResponse<String> tooMany = get(q("SELECT * FROM Invoice MAXRESULTS 1001"), "t");
        assertEquals(400, tooMany.statusCode());
        assertEquals("4000", json.readTree(tooMany.body()).path("Fault").path("Error").get(0).path("code").asText());
    }

    @Test
    void gatewayRefusalsUseTheLowerCaseFaultShape() throws Exception {
        HttpResponse<String> unauthorized = get("/companyinfo/" + REALM + "?minorversion=75", "nope");
        assertEquals(401, unauthorized.statusCode());
        assertEquals("3200", json.readTree(unauthorized.body()).path("fault").path("error").get(0).path("code").asText());

        fake.acceptToken("other-company", "999");
        assertEquals(403, get("/companyinfo/" + REALM + "?minorversion=75", "other-company").statusCode());

        fake.acceptToken("t", REALM);
        fake.throttleNext(1, 5);
        HttpResponse<String> throttled = get("/companyinfo/" + REALM + "?minorversion=75", "t");
        assertEquals(429, throttled.statusCode());
        assertEquals("5", throttled.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void theRealLimitsAnswer429BeyondTenRequestsASecond() throws Exception {
        fake.acceptToken("t", REALM);
        fake.enforceRateLimits(true);
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            if (get("/companyinfo/" + REALM + "?minorversion=75", "t").statusCode() == 429) {
                throttled++;
            }
        }
        assertTrue(throttled >= 2, "12 requests at once exceed 10 per second");
    }

    @Test
    void aCallWithoutMinorVersion75IsRefused() throws Exception {
        fake.acceptToken("t", REALM);
        assertEquals(400, get("/companyinfo/" + REALM, "t").statusCode());
        assertEquals(400, get("/companyinfo/" + REALM + "?minorversion=65", "t").statusCode());
        assertEquals(200, get("/companyinfo/" + REALM + "?minorversion=75", "t").statusCode());
    }

    @Test
    void changesAreRecordedForWebhooksAndSignedDeliveriesMixCompanies() {
        FakeQboCompany other = fake.addCompany("555", "Other", "USD", false);
        fake.takeChanges();
        company.addCustomer("Ada", null);
        other.addCustomer("Bob", null);
        var changes = fake.takeChanges();
        assertEquals(2, changes.size());
        QboWebhookSender sender = new QboWebhookSender("verifier");
        String legacy = new String(sender.legacyBody(changes), StandardCharsets.UTF_8);
        assertTrue(legacy.contains("\"realmId\":\"" + REALM + "\"") && legacy.contains("\"realmId\":\"555\""), legacy);
        String cloud = new String(sender.cloudEventsBody(changes), StandardCharsets.UTF_8);
        assertTrue(cloud.startsWith("[") && cloud.contains("\"type\":\"qbo.customer.created.v1\""), cloud);
    }
}
