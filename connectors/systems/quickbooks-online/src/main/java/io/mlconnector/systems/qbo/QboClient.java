package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.OutboundHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The QuickBooks Online accounting API v3 for one company (realm), entities as JSON objects.
 *
 * <p>Every call carries {@code minorversion=}{@value #MINOR_VERSION}, is paced under the realm's
 * throttles, and turns the answer into the connector API's outcomes: a 401 costs one token refresh
 * and then {@link CredentialsRejected}; a 429 pauses the realm and throws {@link RetryLater} with
 * the wait (60 s unless told otherwise); 5xx is {@link RetryLater}; a {@code Fault} is
 * {@link QboRequestRejected}. {@link #update} re-reads and retries on a stale SyncToken (5010).
 */
public final class QboClient {

    /** The bucket name for {@link OutboundHttp} and the system id in {@link CredentialsRejected}. */
    public static final String SYSTEM = "quickbooks-online";
    /** Intuit serves 1–74 as 75 since August 2025; we ask for it explicitly on every call. */
    public static final String MINOR_VERSION = "75";
    /** Intuit's documented wait after a 429 when no Retry-After is given. */
    public static final Duration THROTTLE_WAIT = Duration.ofSeconds(60);
    /** The largest page the query endpoint serves. */
    public static final int MAX_PAGE = 1000;
    /** How often an update is re-read and retried when someone else changed the object meanwhile. */
    static final int STALE_RETRIES = 3;

    private final OutboundHttp http;
    private final String baseUrl;
    private final String realmId;
    private final QboAccessTokens tokens;
    private final QboRequestPacer pacer;

    public QboClient(OutboundHttp http, String baseUrl, String realmId, QboAccessTokens tokens, QboRequestPacer pacer) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.realmId = requireRealm(realmId);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    public String realmId() {
        return realmId;
    }

    /**
     * Creates an entity. {@code requestId} (Intuit's {@code requestid}) makes a repeated create
     * answer with the object the first one made instead of a second one; pass a key derived from
     * what the object is for, or null.
     */
    public JsonObject create(String entity, JsonObject body, String requestId) {
        String query = requestId == null ? "" : "&requestid=" + encode(requestId);
        JsonObject answer = send("POST", resource(entity) + "?minorversion=" + MINOR_VERSION + query, body, "Creating a " + entity);
        return entityOf(answer, entity);
    }

    public JsonObject read(String entity, String id) {
        JsonObject answer = send("GET", resource(entity) + "/" + encode(id) + "?minorversion=" + MINOR_VERSION, null, "Reading " + entity + " " + id);
        return entityOf(answer, entity);
    }

    /** Sends a sparse update: {@code changes} must hold {@code Id}, {@code SyncToken} and only the fields to change. */
    public JsonObject sparseUpdate(String entity, JsonObject changes) {
        if (!changes.has("Id") || !changes.has("SyncToken")) {
            throw new IllegalArgumentException("A sparse update names the object's Id and SyncToken");
        }
        JsonObject body = changes.deepCopy();
        body.addProperty("sparse", true);
        JsonObject answer = send("POST", resource(entity) + "?minorversion=" + MINOR_VERSION, body, "Updating " + entity + " " + QboJson.string(changes, "Id"));
        return entityOf(answer, entity);
    }

    /**
     * Reads the object, asks {@code change} for the fields to change given its current state, and
     * sends them as a sparse update. If someone else saved the object in between (5010), it reads
     * again and asks again, so the change is always decided on the current version.
     *
     * @param change returns the fields to set (without Id/SyncToken), or null when nothing needs changing
     */
    public JsonObject update(String entity, String id, Function<JsonObject, JsonObject> change) {
        for (int attempt = 1; ; attempt++) {
            JsonObject current = read(entity, id);
            JsonObject fields = change.apply(current);
            if (fields == null) {
                return current;
            }
            JsonObject changes = fields.deepCopy();
            changes.addProperty("Id", id);
            changes.add("SyncToken", current.get("SyncToken"));
            try {
                return sparseUpdate(entity, changes);
            } catch (QboRequestRejected rejected) {
                if (!rejected.isStaleObject() || attempt >= STALE_RETRIES) {
                    throw rejected;
                }
            }
        }
    }

    /** Deletes a transaction (Payment, Deposit, …) at its current SyncToken. */
    public void delete(String entity, String id, String syncToken) {
        JsonObject body = new JsonObject();
        body.addProperty("Id", id);
        body.addProperty("SyncToken", syncToken);
        send("POST", resource(entity) + "?operation=delete&minorversion=" + MINOR_VERSION, body, "Deleting " + entity + " " + id);
    }

    /** Deletes the object as it is now, reading it again if someone changed it meanwhile. */
    public void deleteCurrent(String entity, String id) {
        for (int attempt = 1; ; attempt++) {
            JsonObject current = read(entity, id);
            try {
                delete(entity, id, QboJson.string(current, "SyncToken"));
                return;
            } catch (QboRequestRejected rejected) {
                if (!rejected.isStaleObject() || attempt >= STALE_RETRIES) {
                    throw rejected;
                }
            }
        }
    }

    /** One page of a query such as {@code SELECT * FROM Invoice WHERE Balance > '0' STARTPOSITION 1 MAXRESULTS 100}. */
    public QboPage query(String entity, String select) {
        JsonObject answer = send("GET", "/v3/company/" + realmId + "/query?query=" + encode(select) + "&minorversion=" + MINOR_VERSION, null, "Listing " + entity);
        JsonObject response = QboJson.object(answer, "QueryResponse");
        List<JsonObject> rows = QboJson.objects(response, entity);
        return new QboPage(rows, response != null && response.has("startPosition") ? response.get("startPosition").getAsInt() : 1);
    }

    /**
     * Every {@code entity} matching {@code where} (e.g. {@code "Balance > '0'"}, or null for all),
     * fetched {@value #MAX_PAGE} at a time with STARTPOSITION/MAXRESULTS until a page comes back short.
     */
    public List<JsonObject> queryAll(String entity, String where) {
        return queryAll(entity, where, MAX_PAGE);
    }

    List<JsonObject> queryAll(String entity, String where, int pageSize) {
        List<JsonObject> all = new ArrayList<>();
        for (int start = 1; ; start += pageSize) {
            String select = "SELECT * FROM " + entity + (where == null || where.isBlank() ? "" : " WHERE " + where)
                    + " ORDERBY Id STARTPOSITION " + start + " MAXRESULTS " + pageSize;
            QboPage page = query(entity, select);
            all.addAll(page.rows());
            if (page.rows().size() < pageSize) {
                return all;
            }
        }
    }

    /**
     * Change data capture: the objects of {@code entities} changed since {@code since} (at most 30
     * days back), deleted ones flagged.
     */
    public QboChanges changesSince(List<String> entities, Instant since) {
        String path = "/v3/company/" + realmId + "/cdc?entities=" + encode(String.join(",", entities))
                + "&changedSince=" + encode(DateTimeFormatter.ISO_INSTANT.format(since)) + "&minorversion=" + MINOR_VERSION;
        return QboChanges.from(send("GET", path, null, "Reading changes"), entities);
    }

    /** {@code GET /companyinfo/{realmId}}. */
    public JsonObject companyInfo() {
        return read("CompanyInfo", realmId);
    }

    /** The company's preferences (home currency, multi-currency). */
    public JsonObject preferences() {
        JsonObject answer = send("GET", resource("Preferences") + "?minorversion=" + MINOR_VERSION, null, "Reading the company's preferences");
        return entityOf(answer, "Preferences");
    }

    private JsonObject send(String method, String pathAndQuery, JsonObject body, String what) {
        String token = tokens.current();
        boolean refreshed = false;
        while (true) {
            pacer.acquire();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(120))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(SYSTEM, request.build());
            int status = response.statusCode();
            if (status == 401) {
                if (refreshed) {
                    throw new CredentialsRejected(SYSTEM,
                            "QuickBooks Online no longer accepts this connection's authorisation: reconnect to QuickBooks");
                }
                token = tokens.refresh(token);
                refreshed = true;
                continue;
            }
            if (status == 429) {
                Duration wait = retryAfter(response);
                pacer.pauseFor(wait);
                throw new RetryLater("QuickBooks Online is throttling requests for this company", wait);
            }
            if (status >= 500) {
                throw new RetryLater("QuickBooks Online answered HTTP " + status + " to " + what.toLowerCase(Locale.ROOT));
            }
            JsonObject answer = status == 404 && (response.body() == null || response.body().isBlank())
                    ? new JsonObject() : QboJson.parseObject(response.body(), what.toLowerCase(Locale.ROOT));
            List<QboFault> faults = QboFaults.of(answer);
            if (status == 403) {
                throw new CredentialsRejected(SYSTEM, "QuickBooks Online refused access to this company"
                        + (faults.isEmpty() ? "" : ": " + faults.get(0).describe()));
            }
            if (!faults.isEmpty() || status >= 400) {
                throw new QboRequestRejected(status, faults, what);
            }
            return answer;
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return THROTTLE_WAIT;
            }
        }).orElse(THROTTLE_WAIT);
    }

    private static JsonObject entityOf(JsonObject answer, String entity) {
        JsonObject object = QboJson.object(answer, entity);
        if (object == null) {
            throw new RetryLater("QuickBooks Online's answer had no " + entity);
        }
        return object;
    }

    private String resource(String entity) {
        return "/v3/company/" + realmId + "/" + entity.toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String requireRealm(String realmId) {
        if (realmId == null || !realmId.matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("A QuickBooks Online company id (realmId) is digits only");
        }
        return realmId;
    }
}
