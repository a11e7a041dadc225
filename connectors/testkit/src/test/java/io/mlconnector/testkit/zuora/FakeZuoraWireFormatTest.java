package io.mlconnector.testkit.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake's answers on the wire, read without any client of ours. */
class FakeZuoraWireFormatTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeZuora zuora;

    @BeforeEach
    void start() {
        zuora = FakeZuora.start();
    }

    @AfterEach
    void stop() {
        zuora.close();
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bearer() throws Exception {
        return json.readTree(token("grant_type=client_credentials&client_id=" + zuora.clientId()
                + "&client_secret=" + zuora.clientSecret()).body()).path("access_token").asText();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theTokenEndpointIssuesHourLongBearerTokensToItsClientOnly() throws Exception {
        HttpResponse<String> ok = token("grant_type=client_credentials&client_id=" + zuora.clientId()
                + "&client_secret=" + zuora.clientSecret());
        JsonNode body = json.readTree(ok.body());
        assertEquals(200, ok.statusCode());
        assertEquals("bearer", body.path("token_type").asText());
        assertEquals(3599, body.path("expires_in").asInt());
        assertEquals(401, token("grant_type=client_credentials&client_id=" + zuora.clientId() + "&client_secret=x").statusCode());
        assertEquals(400, token("grant_type=password&client_id=" + zuora.clientId()).statusCode());

        String account = zuora.createAccount("Ivy", "USD");
        String t = body.path("access_token").asText();
        assertEquals(200, get("/object-query/accounts/" + account, t).statusCode());
        zuora.advanceTime(Duration.ofMinutes(61));
        HttpResponse<String> expired = get("/object-query/accounts/" + account, t);
        assertEquals(401, expired.statusCode());
        assertFalse(json.readTree(expired.body()).path("success").asBoolean(true));
    }

    @Test
    void listsFilterSortExpandAndPageByCursor() throws Exception {
        String t = bearer();
        String account = zuora.createAccount("Jo", "EUR");
        for (int i = 0; i < 12; i++) {
            zuora.postInvoice(account, LocalDate.of(2026, 10, 1), List.of(FakeZuora.Line.of("Plan", 1000 + i)));
        }
        String base = "/object-query/invoices?pageSize=5&" + q("sort[]") + "=" + q("updateddate.ASC") + "&" + q("filter[]")
                + "=" + q("accountid.EQ:" + account);
        JsonNode first = json.readTree(get(base, t).body());
        assertEquals(5, first.path("data").size());
        assertFalse(first.path("data").get(0).has("invoiceItems"), "items only when expanded");
        JsonNode second = json.readTree(get(base + "&" + q("expand[]") + "=invoiceitems&cursor=" + q(first.path("nextPage").asText()), t).body());
        assertEquals(1, second.path("data").get(0).path("invoiceItems").size());
        assertEquals("10.05", second.path("data").get(0).path("amount").decimalValue().toPlainString());
        JsonNode third = json.readTree(get(base + "&cursor=" + q(second.path("nextPage").asText()), t).body());
        assertEquals(2, third.path("data").size());
        assertTrue(third.path("nextPage").isMissingNode(), "no next page after the last");
        assertEquals(400, get("/object-query/invoices?pageSize=100", t).statusCode());
    }

    @Test
    void throttlingAndTheConcurrentLimitAnswer429AsZuoraDoes() throws Exception {
        String t = bearer();
        zuora.throttleNext(1, 30);
        HttpResponse<String> throttled = get("/object-query/accounts/x", t);
        assertEquals(429, throttled.statusCode());
        assertEquals("30", throttled.headers().firstValue("RateLimit-Reset").orElseThrow());
        assertEquals(404, get("/object-query/accounts/x", t).statusCode());

        zuora.concurrentLimit(0, 120);
        HttpResponse<String> busy = get("/object-query/accounts/x", t);
        assertEquals(429, busy.statusCode());
        assertEquals("REQUEST_EXCEEDED_LIMIT", json.readTree(busy.body()).path("code").asText());
        assertEquals("120", busy.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void changesAreAnnouncedAsCalloutsNamingTheObject() {
        String account = zuora.createAccount("Kim", "USD");
        String invoice = zuora.postInvoice(account, LocalDate.of(2026, 12, 1), List.of(FakeZuora.Line.of("Plan", 500)));
        String payment = zuora.processPayment(account, LocalDate.of(2026, 12, 2), java.util.Map.of(invoice, 500L));
        String refund = zuora.refundPayment(payment, 200, LocalDate.of(2026, 12, 3));
        List<FakeZuoraCallout> callouts = zuora.takeCallouts();
        assertEquals(List.of("invoice", "payment", "refund"), callouts.stream().map(FakeZuoraCallout::object).toList());
        assertEquals(List.of(invoice, payment, refund), callouts.stream().map(FakeZuoraCallout::id).toList());
        assertTrue(callouts.get(1).body().contains("\"object\":\"payment\""));
        assertTrue(zuora.takeCallouts().isEmpty());
    }
}
