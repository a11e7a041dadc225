package io.mlconnector.systems.gocardless;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoCardlessWebhookParserTest {

    private final GoCardlessWebhookParser parser = new GoCardlessWebhookParser();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"created_at\":\"2024-03-01T10:00:00.000Z\",\"resource_type\":\"payments\","
                + "\"action\":\"confirmed\",\"links\":{\"payment\":\"PM1\"},\"details\":{\"origin\":\"gocardless\","
                + "\"cause\":\"payment_confirmed\",\"description\":\"Confirmed.\"},\"metadata\":{}}";
    }

    private String refusal(String body) {
        return assertThrows(GoCardlessWebhookParseException.class, () -> parser.parse(utf8(body))).getMessage();
    }

    @Test
    void readsBothEventsOfTheGoCardlessTestVector() {
        GoCardlessWebhook webhook = parser.parse(GoCardlessTestVector.body());

        assertNull(webhook.webhookId());
        assertEquals(2, webhook.events().size());
        GoCardlessEvent first = webhook.events().get(0);
        assertEquals("EV00BD05S5VM2T", first.id());
        assertEquals(Instant.parse("2018-07-05T09:13:51.404Z"), first.createdAt());
        assertEquals("subscriptions", first.resourceType());
        assertEquals("created", first.action());
        assertEquals("SB0003JJQ2MR06", first.resourceId().orElseThrow());
        assertEquals(new GoCardlessEventDetails("api", "subscription_created", "Subscription created via the API.",
                null, null), first.details());
        GoCardlessEvent second = webhook.events().get(1);
        assertEquals("MD000AMA19XGEC", second.link("mandate").orElseThrow());
        assertEquals("mandate_created", second.cause());
        assertEquals(JsonParser.parseString(GoCardlessTestVector.BODY).getAsJsonObject().getAsJsonArray("events").get(1),
                JsonParser.parseString(second.rawJson()));
    }

    @Test
    void readsWebhookIdBankDetailsMetadataAndExtraLinks() {
        String body = "{\"events\":[{\"id\":\"EV1\",\"created_at\":\"2024-03-01T10:00:00.123Z\","
                + "\"resource_type\":\"payments\",\"action\":\"failed\",\"links\":{\"payment\":\"PM9\",\"parent_event\":\"EV0\"},"
                + "\"details\":{\"origin\":\"bank\",\"cause\":\"insufficient_funds\",\"description\":\"No funds.\","
                + "\"scheme\":\"bacs\",\"reason_code\":\"ARUDD-0\",\"will_attempt_retry\":true},"
                + "\"metadata\":{\"invoice\":\"INV-7\",\"count\":3}}],\"meta\":{\"webhook_id\":\"WB00ABC\"}}";

        GoCardlessWebhook webhook = parser.parse(utf8(body));

        assertEquals("WB00ABC", webhook.webhookId());
        GoCardlessEvent e = webhook.events().get(0);
        assertEquals("PM9", e.resourceId().orElseThrow());
        assertEquals("EV0", e.link("parent_event").orElseThrow());
        assertEquals("bacs", e.details().scheme());
        assertEquals("ARUDD-0", e.details().reasonCode());
        assertEquals(Map.of("invoice", "INV-7", "count", "3"), e.metadata());
        assertTrue(e.rawJson().contains("will_attempt_retry"), "raw JSON keeps fields we do not model");
    }

    @Test
    void emptyEventsListIsAValidWebhook() {
        assertTrue(parser.parse(utf8("{\"events\":[],\"meta\":{\"webhook_id\":\"WB1\"}}")).events().isEmpty());
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        assertTrue(refusal("{\"events\":[").contains("not valid JSON"));
        assertTrue(refusal("{'events':[]}").contains("not valid JSON"), "single quotes are not JSON");
        assertTrue(refusal("{\"events\":[]} trailing").contains("JSON"));
    }

    @Test
    void bodyWithoutEventsArraySaysSo() {
        assertEquals("The webhook body has no \"events\" array", refusal("{\"meta\":{\"webhook_id\":\"WB1\"}}"));
        assertEquals("\"events\" in the webhook body is not an array", refusal("{\"events\":{}}"));
        assertEquals("The webhook body is not a JSON object", refusal("[1,2]"));
    }

    @Test
    void oneBadEventRefusesTheWholeBodyAndNamesIt() {
        String noAction = event("EV2").replace("\"action\":\"confirmed\",", "");
        String badTime = event("EV3").replace("2024-03-01T10:00:00.000Z", "yesterday");

        assertEquals("events[1] has no \"action\"", refusal("{\"events\":[" + event("EV1") + "," + noAction + "]}"));
        assertEquals("events[1].created_at is not an ISO 8601 timestamp: 'yesterday'",
                refusal("{\"events\":[" + event("EV1") + "," + badTime + "]}"));
        assertEquals("events[0] is not a JSON object", refusal("{\"events\":[\"EV1\"]}"));
    }

    @Test
    void acceptsTwoHundredFiftyEventsButNotMore() {
        StringBuilder full = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 250; i++) {
            full.append(i == 0 ? "" : ",").append(event("EV" + i));
        }
        String limit = full + "]}";
        String over = full + "," + event("EV250") + "]}";

        assertEquals(250, parser.parse(utf8(limit)).events().size());
        assertTrue(refusal(over).contains("251 events"));
    }

    @Test
    void emptyAndNonUtf8BodiesAreRefused() {
        assertThrows(GoCardlessWebhookParseException.class, () -> parser.parse(new byte[0]));
        byte[] latin1 = "{\"events\":[],\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        GoCardlessWebhookParseException e = assertThrows(GoCardlessWebhookParseException.class, () -> parser.parse(latin1));
        assertTrue(e.getMessage().contains("UTF-8"));
    }
}
