package io.mlconnector.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the API and the pages that takes an id, read from Micronaut's router (so a route
 * added later is swept without editing this test), called with another company's ids: a signed-in
 * person of a second company gets 404 and changes nothing; someone not signed in gets 401 (API) or
 * is sent to sign in (pages). Routes open to anyone by design (webhooks, the Web Connector, sign-in,
 * static files) identify their caller by a secret, not a session, and are left out.
 */
@MicronautTest(transactional = false)
class RouteSweepTest {

    private static final Pattern IDS = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f]{8}-[0-9a-f-]{27}|\\d+)\"?");

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    PluginHost plugins;

    String base;
    Company victim;
    Set<String> victimIds;

    @BeforeEach
    void victimWithData() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
        victim = Company.signUp(base, "Victim Ltd");
        victim.sendEvents("SWEEP-E1", "ok", "SWEEP-P1", "SWEEP-E2", "fail", "SWEEP-P2", "SWEEP-E3", "question:customer", "SWEEP-P3");
        WebSession owner = victim.session();
        victimIds = new LinkedHashSet<>();
        victimIds.add(victim.connectionId().toString());
        for (int attempt = 0; attempt < 50 && victimIds.size() < 4; attempt++) {
            idsIn(owner.get("/api/sync-records?connectionId=" + victim.connectionId()).body()).forEach(victimIds::add);
            sleep();
        }
        idsIn(owner.get("/api/connections/" + victim.connectionId() + "/alerts").body()).forEach(victimIds::add);
        idsIn(owner.get("/api/audit?connectionId=" + victim.connectionId() + "&size=5").body()).forEach(victimIds::add);
        assertTrue(victimIds.size() >= 4, "the victim has records to probe: " + victimIds);
    }

    @Test
    void anotherCompanysPersonGets404OnEveryRouteTakingAnIdAndChangesNothing() {
        WebSession intruder = WebSession.signUp(base, "Intruder Ltd");
        intruder.get("/app");
        String before = victimState();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (UriRouteInfo<?, ?> route : sessionRoutesTakingAnId()) {
            for (String id : victimIds) {
                if (!fits(route, id)) {
                    continue; // e.g. a numeric audit id where the route takes a UUID: refused as malformed, says nothing
                }
                String path = expand(route, id);
                HttpResponse<String> answer = call(intruder, route.getHttpMethod(), path);
                calls++;
                if (answer.statusCode() == 404) {
                    continue;
                }
                // Some actions check their input before they look the id up; then the victim's id must
                // get exactly the answer a never-used id gets, or its existence would show.
                int unknown = call(intruder, route.getHttpMethod(), expand(route, neverUsed(id))).statusCode();
                if (answer.statusCode() != unknown || answer.statusCode() / 100 == 2) {
                    leaks.add(route.getHttpMethod() + " " + path + " → " + answer.statusCode() + " (a never-used id: " + unknown + ")");
                }
            }
        }
        assertTrue(calls > 50, "the router offered routes to sweep: " + calls);
        assertEquals(List.of(), leaks, "another company's ids must look like nothing at all");
        assertEquals(before, victimState(), "nothing of the victim's changed");
    }

    @Test
    void someoneNotSignedInIsRefusedOnEveryRouteTakingAnId() {
        WebSession stranger = new WebSession(base);
        stranger.get("/sign-in"); // as a browser would: its forms then carry a CSRF token, so only the sign-in check is left
        List<String> open = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : sessionRoutesTakingAnId()) {
            String path = expand(route, victim.connectionId().toString());
            HttpResponse<String> answer = call(stranger, route.getHttpMethod(), path);
            boolean refused = answer.statusCode() == 401
                    || answer.statusCode() / 100 == 3 && answer.headers().firstValue("Location").orElse("").contains("/sign-in");
            if (!refused) {
                open.add(route.getHttpMethod() + " " + path + " → " + answer.statusCode());
            }
        }
        assertEquals(List.of(), open);
    }

    /** The application's own routes (not Micronaut's operational endpoints) that take an id and need a session. */
    private List<UriRouteInfo<?, ?>> sessionRoutesTakingAnId() {
        Map<String, UriRouteInfo<?, ?>> distinct = new java.util.LinkedHashMap<>();
        router.uriRoutes()
                .filter(route -> !route.getUriMatchTemplate().getVariableNames().isEmpty())
                .filter(route -> !openToAnyone(route))
                .filter(route -> !route.getTargetMethod().getDeclaringType().getName().startsWith("io.micronaut."))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .forEach(route -> distinct.putIfAbsent(route.getHttpMethod() + " " + route.getUriMatchTemplate(), route));
        return List.copyOf(distinct.values());
    }

    private static boolean openToAnyone(UriRouteInfo<?, ?> route) {
        String[] rules = route.getTargetMethod().getAnnotationMetadata().stringValues(Secured.class);
        return List.of(rules).contains(SecurityRule.IS_ANONYMOUS);
    }

    /** Whether {@code id} is of the type the route's path variables take (a UUID or a number). */
    private static boolean fits(UriRouteInfo<?, ?> route, String id) {
        boolean uuid = id.contains("-");
        for (var argument : route.getTargetMethod().getArguments()) {
            if (route.getUriMatchTemplate().getVariableNames().contains(argument.getName())) {
                Class<?> type = argument.getType();
                if (type == java.util.UUID.class && !uuid) {
                    return false;
                }
                if ((type == long.class || type == Long.class || type == int.class || type == Integer.class) && uuid) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String neverUsed(String id) {
        return id.contains("-") ? java.util.UUID.randomUUID().toString() : "987654321";
    }

    private static String expand(UriRouteInfo<?, ?> route, String id) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (String variable : route.getUriMatchTemplate().getVariableNames()) {
            values.put(variable, id);
        }
        return route.getUriMatchTemplate().expand(values);
    }

    private HttpResponse<String> call(WebSession session, HttpMethod method, String path) {
        boolean api = path.startsWith("/api/");
        return switch (method) {
            case GET -> session.get(path);
            case POST -> api ? session.send(json(session, path).POST(HttpRequest.BodyPublishers.ofString("{}")))
                    : session.post(path, Map.of());
            case PUT -> session.send(json(session, path).PUT(HttpRequest.BodyPublishers.ofString("{}")));
            case DELETE -> session.send(json(session, path).DELETE());
            default -> session.send(json(session, path).method(method.name(), HttpRequest.BodyPublishers.ofString("{}")));
        };
    }

    private static HttpRequest.Builder json(WebSession session, String path) {
        return HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json").header("Accept", "application/json");
    }

    /** What the victim sees of their connection, records, alerts and audit trail. */
    private String victimState() {
        WebSession owner = victim.session();
        String connection = owner.get("/api/connections/" + victim.connectionId()).body();
        String records = owner.get("/api/sync-records?connectionId=" + victim.connectionId()).body();
        String alerts = owner.get("/api/connections/" + victim.connectionId() + "/alerts").body();
        String audit = owner.get("/api/audit?connectionId=" + victim.connectionId() + "&size=200").body();
        return String.join("\n", connection, records, alerts, audit);
    }

    private static List<String> idsIn(String json) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = IDS.matcher(json);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
