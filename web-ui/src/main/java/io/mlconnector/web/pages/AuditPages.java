package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.audit.AuditPage;
import io.mlconnector.platform.audit.AuditQuery;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.activity.ActivityReader;
import io.mlconnector.web.audit.Csv;
import io.mlconnector.web.support.DateRange;
import io.mlconnector.web.support.Formats;
import io.mlconnector.web.support.Ids;
import io.mlconnector.web.support.PageNotFound;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The audit log: everything ml-connector did for the company, newest first, paged, filtered and as CSV. */
@Controller("/app")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditPages {

    static final int PAGE_SIZE = 50;
    /** A download holds at most this many entries; the page says so and narrower filters get the rest. */
    static final int CSV_LIMIT = 50_000;
    static final List<String> CSV_HEADER = List.of("Time (UTC)", "Connection", "Step", "Outcome", "Object", "Source id",
            "Target id", "Message");

    /** The filter as typed, and as the audit log reads it. */
    record Filters(Map<String, String> typed, AuditQuery query, Map<String, String> errors) {
    }

    private final Page page;
    private final AuditLog audit;
    private final ActivityReader reader;
    private final Formats formats;

    public AuditPages(Page page, AuditLog audit, ActivityReader reader, Formats formats) {
        this.page = page;
        this.audit = audit;
        this.reader = reader;
        this.formats = formats;
    }

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> audit(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String connection,
                                 @Nullable @QueryValue String object, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        Filters filters = filters(connection, object, from, to, ActivityPages.pageNumber(page), PAGE_SIZE);
        AuditPage found = audit.query(tenant, filters.query());
        List<Connection> connections = reader.connections(tenant);
        return new ModelAndView<>("audit", this.page.signedIn(request, authentication, "Audit log", "audit",
                "entries", found.entries(), "pageNumber", found.page(), "hasMore", found.hasMore(),
                "filters", filters.typed(), "errors", filters.errors(), "connections", connections,
                "connectionNames", names(connections), "query", ActivityPages.query(filters.typed()), "fmt", formats));
    }

    @Get(value = "/audit.csv", produces = "text/csv")
    public HttpResponse<String> csv(Authentication authentication, @Nullable @QueryValue String connection,
                                    @Nullable @QueryValue String object, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        Map<UUID, String> names = names(reader.connections(tenant));
        StringBuilder out = new StringBuilder("\uFEFF");
        Csv.row(out, CSV_HEADER);
        int written = 0;
        int pageNumber = 0;
        AuditPage found;
        do {
            found = audit.query(tenant, filters(connection, object, from, to, pageNumber++, AuditQuery.MAX_PAGE_SIZE).query());
            for (AuditEntry entry : found.entries()) {
                if (written++ >= CSV_LIMIT) {
                    break;
                }
                Csv.row(out, java.util.Arrays.asList(formats.iso(entry.occurredAt()),
                        entry.connectionId() == null ? "" : names.getOrDefault(entry.connectionId(), entry.connectionId().toString()),
                        entry.step(), entry.outcome(), entry.correlationId(), entry.sourceId(), entry.targetId(), entry.message()));
            }
        } while (found.hasMore() && written < CSV_LIMIT);
        String fileName = "audit-log-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        return HttpResponse.ok(out.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store");
    }

    private static Filters filters(String connection, String object, String from, String to, int pageNumber, int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID connectionId = null;
        if (connection != null && !connection.isBlank()) {
            try {
                connectionId = Ids.parse(connection.strip());
            } catch (PageNotFound e) {
                errors.put("connection", "Choose a connection from the list.");
            }
        }
        DateRange range = DateRange.of(from, to);
        errors.putAll(range.errors());
        String correlation = object == null || object.isBlank() ? null : object.strip();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("connection", connectionId == null ? "" : connectionId.toString());
        typed.put("object", correlation == null ? "" : correlation);
        typed.put("from", range.fromText());
        typed.put("to", range.toText());
        return new Filters(typed, new AuditQuery(connectionId, correlation, range.from(), range.to(), pageNumber, size), errors);
    }

    private static Map<UUID, String> names(List<Connection> connections) {
        return connections.stream().collect(Collectors.toMap(Connection::id, Connection::name, (a, b) -> a, LinkedHashMap::new));
    }
}
