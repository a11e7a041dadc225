package io.mlconnector.platform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A record held with a question is answered by picking one of the connector's pick list entries. */
@MicronautTest(transactional = false)
class MatchQuestionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    Api api;
    Runtime runtime;
    Runtime.TestConnection connection;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        connection = runtime.connection("Questions Co");
    }

    private String heldRecord(String event, String payment) {
        runtime.send(connection, TestConnector.body(event, "question", payment));
        Eventually.within(WAIT, payment + " held", () -> runtime.status(connection, payment).equals("NEEDS_ATTENTION"));
        return runtime.record(connection, payment).at("/record/id").asText();
    }

    @Test
    void theRecordCarriesTheQuestionAndTheChoicesAreSearchable() {
        String id = heldRecord("EVQ1", "PQ1");

        JsonNode detail = Tenants.read(api.get("/api/sync-records/" + id, connection.owner().auth()).body());
        assertEquals("customer", detail.at("/question/ledgerKind").asText());
        assertEquals("P-PQ1", detail.at("/question/sourceId").asText(), "the payer is matched, not the payment");
        assertEquals(TestConnector.CUSTOMERS, detail.at("/question/pickList").asText());

        JsonNode all = Tenants.read(api.get("/api/sync-records/" + id + "/choices", connection.owner().auth()).body());
        assertEquals(3, all.get("listSize").asInt());
        assertEquals(List.of("Alder Bakery", "Birch Builders Ltd", "Cedar Dental"), labels(all), "sorted by name");

        JsonNode byEmail = Tenants.read(api.get("/api/sync-records/" + id + "/choices?q=PAY%40BIRCH", connection.owner().auth()).body());
        assertEquals(List.of("Birch Builders Ltd"), labels(byEmail), "search ignores case and looks at the detail");
        JsonNode byId = Tenants.read(api.get("/api/sync-records/" + id + "/choices?q=c-3", connection.owner().auth()).body());
        assertEquals(List.of("Cedar Dental"), labels(byId));
        JsonNode wildcard = Tenants.read(api.get("/api/sync-records/" + id + "/choices?q=%25", connection.owner().auth()).body());
        assertEquals(0, wildcard.get("choices").size(), "a % typed by a person is a character, not a wildcard");
    }

    @Test
    void pickingAnEntryWritesTheLedgerAndPostsTheHeldPayment() {
        String id = heldRecord("EVQ2", "PQ2");

        HttpResponse<String> answered = api.postJson("/api/sync-records/" + id + "/resolve", "{\"targetId\": \"C-200\"}",
                connection.owner().auth());
        assertEquals(202, answered.statusCode(), answered.body());

        Eventually.within(WAIT, "PQ2 posted", () -> runtime.status(connection, "PQ2").equals("DONE"));
        assertEquals("C-200/PQ2", runtime.record(connection, "PQ2").at("/record/targetId").asText(),
                "posted to the customer the person picked");
        JsonNode afterwards = Tenants.read(api.get("/api/sync-records/" + id, connection.owner().auth()).body());
        assertTrue(afterwards.get("question").isNull(), "a done record asks nothing any more");
        String trail = afterwards.get("trail").toString();
        assertTrue(trail.contains("matched by a person to Birch Builders Ltd"), trail);
    }

    @Test
    void oneAnswerReleasesEveryPaymentWaitingForTheSamePayer() {
        runtime.send(connection, TestConnector.body("EVQ5", "question:ACME", "PQ5", "EVQ6", "question:ACME", "PQ6",
                "EVQ7", "question:OTHER", "PQ7"));
        Eventually.within(WAIT, "all three held", () -> runtime.status(connection, "PQ5").equals("NEEDS_ATTENTION")
                && runtime.status(connection, "PQ6").equals("NEEDS_ATTENTION") && runtime.status(connection, "PQ7").equals("NEEDS_ATTENTION"));
        String id = runtime.record(connection, "PQ5").at("/record/id").asText();

        api.postJson("/api/sync-records/" + id + "/resolve", "{\"targetId\": \"C-100\"}", connection.owner().auth());

        Eventually.within(WAIT, "both payments of ACME posted", () -> runtime.status(connection, "PQ5").equals("DONE")
                && runtime.status(connection, "PQ6").equals("DONE"));
        assertEquals("C-100/PQ6", runtime.record(connection, "PQ6").at("/record/targetId").asText());
        assertEquals("NEEDS_ATTENTION", runtime.status(connection, "PQ7"), "another payer's payment still waits for its own answer");
    }

    @Test
    void anIdThatIsNotInTheListIsRefusedAndNothingIsWritten() {
        String id = heldRecord("EVQ3", "PQ3");

        HttpResponse<String> refused = api.postJson("/api/sync-records/" + id + "/resolve", "{\"targetId\": \"C-999\"}",
                connection.owner().auth());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("not one of them"), refused.body());
        assertEquals("NEEDS_ATTENTION", runtime.status(connection, "PQ3"), "still waiting for a valid answer");
    }

    @Test
    void anotherTenantCanNeitherSeeTheChoicesNorAnswer() {
        String id = heldRecord("EVQ4", "PQ4");
        Tenants.SignedUp other = new Tenants(api).signUp("Nosy Co");

        assertEquals(404, api.get("/api/sync-records/" + id + "/choices", other.auth()).statusCode());
        assertEquals(404, api.postJson("/api/sync-records/" + id + "/resolve", "{\"targetId\": \"C-100\"}", other.auth()).statusCode());
        assertEquals("NEEDS_ATTENTION", runtime.status(connection, "PQ4"));
    }

    private static List<String> labels(JsonNode answer) {
        List<String> labels = new ArrayList<>();
        answer.get("choices").forEach(c -> labels.add(c.get("label").asText()));
        return labels;
    }
}
