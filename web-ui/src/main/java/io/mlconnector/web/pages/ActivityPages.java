package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.sync.ReplayService;
import io.mlconnector.platform.sync.SyncRecordStore;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.activity.ActivityReader;
import io.mlconnector.web.activity.Resolution;
import io.mlconnector.web.support.DateRange;
import io.mlconnector.web.support.Formats;
import io.mlconnector.web.support.Ids;
import io.mlconnector.web.support.PageNotFound;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Activity: every sync record, filterable; a record's page with both sides' ids and its audit trail;
 * replaying; and the "needs attention" queue where a person resolves what a connector could not.
 */
@Controller("/app")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ActivityPages {

    static final int PAGE_SIZE = 50;
    static final int QUEUE_SIZE = 100;

    /** A status for the filter's list. */
    public record StatusOption(String value, String label) {
    }

    private final Page page;
    private final ActivityReader reader;
    private final ReplayService replays;
    private final Formats formats;

    public ActivityPages(Page page, ActivityReader reader, ReplayService replays, Formats formats) {
        this.page = page;
        this.reader = reader;
        this.replays = replays;
        this.formats = formats;
    }

    @Get(value = "/activity", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> activity(HttpRequest<?> request, Authentication authentication,
                                    @Nullable @QueryValue String connection, @Nullable @QueryValue String status,
                                    @Nullable @QueryValue String q, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID connectionId = optionalId(connection);
        SyncStatus wanted = status(status);
        DateRange range = DateRange.of(from, to);
        String text = q == null ? "" : q.strip();
        int pageNumber = pageNumber(page);
        ActivityReader.Page found = reader.list(tenant,
                new SyncRecordStore.Filter(connectionId, wanted, text.isEmpty() ? null : text, range.from(), range.to()),
                pageNumber, PAGE_SIZE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("connection", connectionId == null ? "" : connectionId.toString());
        filters.put("status", wanted == null ? "" : wanted.name());
        filters.put("q", text);
        filters.put("from", range.fromText());
        filters.put("to", range.toText());
        return new ModelAndView<>("activity", this.page.signedIn(request, authentication, "Activity", "activity",
                "found", found, "filters", filters, "errors", range.errors(),
                "connections", reader.connections(tenant),
                "statuses", Arrays.stream(SyncStatus.values()).map(s -> new StatusOption(s.name(), formats.status(s))).toList(),
                "query", query(filters), "fmt", formats));
    }

    @Get(value = "/activity/{id}", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> record(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @Nullable @QueryValue String done, @Nullable @QueryValue String others) {
        String notice = "replayed".equals(done) ? "Queued to run again. This page shows the result once it has run."
                : "resolved".equals(done) ? matched(others != null && others.matches("\\d{1,6}") ? Integer.parseInt(others) : 0) : null;
        UUID recordId = Ids.parse(id);
        return recordPage(request, authentication, recordId, Map.of(), notice,
                ChoiceSearch.text(request.getParameters(), recordId), null);
    }

    /**
     * The pick-list entries of a held record matching {@code q}, as a piece of HTML that the page's
     * script puts in place of the listed entries while a person types.
     */
    @Get(value = "/activity/{id}/choices", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> choices(Authentication authentication, @PathVariable String id, @Nullable @QueryValue String q) {
        ActivityReader.Detail detail = reader.detail(CurrentTenant.of(authentication).tenantId(), Ids.parse(id), ChoiceSearch.clean(q));
        if (detail.resolution() == null || !detail.resolution().picking()) {
            throw new PageNotFound();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("row", detail.row());
        model.put("resolution", detail.resolution());
        return HttpResponse.ok(new ModelAndView<>("choices", model)).header("Cache-Control", "no-store");
    }

    @Post(value = "/activity/{id}/replay", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> replay(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @Nullable @Body Map<String, String> form) {
        UUID recordId = Ids.parse(id);
        try {
            replays.replay(CurrentTenant.of(authentication).tenantId(), recordId);
        } catch (NotFound e) {
            throw new PageNotFound();
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(recordPage(request, authentication, recordId, invalid.fieldErrors(), null, "", null));
        }
        if (form != null && "attention".equals(form.get("back"))) {
            return HttpResponse.seeOther(URI.create("/app/attention?replayed=1"));
        }
        return HttpResponse.seeOther(URI.create("/app/activity/" + recordId + "?done=replayed"));
    }

    @Post(value = "/activity/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> resolve(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @Nullable @Body Map<String, String> form) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID recordId = Ids.parse(id);
        Map<String, String> fields = form == null ? Map.of() : form;
        boolean fromQueue = "attention".equals(fields.get("back"));
        String search = ChoiceSearch.clean(fields.get("find"));
        String target = fields.getOrDefault("targetId", "").strip();
        ActivityReader.Detail detail = reader.detail(tenant, recordId, search);
        Resolution resolution = detail.resolution();
        if (resolution == null) {
            return HttpResponse.badRequest(recordPage(request, authentication, recordId,
                    Map.of("record", "This item no longer waits for a person."), null, "", null));
        }
        int others;
        try {
            if (resolution.picking() && target.isEmpty()) {
                throw InvalidInput.of("targetId", "Choose one of the listed " + resolution.plural() + ". If it is not listed, search "
                        + resolution.searchableBy() + ".");
            }
            // What is matched comes from the record (its question, or else its trail), never from the form: only the choice is sent.
            others = replays.resolve(tenant, recordId, resolution.asked() ? null : resolution.kind(),
                    resolution.asked() ? null : resolution.sourceId(), target);
        } catch (NotFound e) {
            throw new PageNotFound();
        } catch (InvalidInput invalid) {
            if (fromQueue) {
                return HttpResponse.badRequest(attentionPage(request, authentication, Map.of(recordId, invalid.fieldErrors()), null,
                        Map.of(recordId, search), Map.of(recordId, target)));
            }
            return HttpResponse.badRequest(recordPage(request, authentication, recordId, invalid.fieldErrors(), null, search, target));
        }
        if (fromQueue) {
            return HttpResponse.seeOther(URI.create("/app/attention?resolved=" + (1 + others)));
        }
        return HttpResponse.seeOther(URI.create("/app/activity/" + recordId + "?done=resolved" + (others > 0 ? "&others=" + others : "")));
    }

    /** The notice after a person's answer, counting the other items it released. */
    static String matched(int others) {
        if (others <= 0) {
            return "Matched. The item is running again with your choice.";
        }
        return "Matched. The item and " + others + (others == 1 ? " other item" : " other items")
                + " waiting for the same answer are running again with your choice.";
    }

    @Get(value = "/attention", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> attention(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String resolved,
                                     @Nullable @QueryValue String replayed) {
        String notice = resolved != null ? matched(resolved.matches("\\d{1,6}") ? Integer.parseInt(resolved) - 1 : 0)
                : replayed == null ? null
                : replayed.equals("0") ? "There were no failed items to run again."
                : "Queued to run again.";
        return attentionPage(request, authentication, Map.of(), notice, Map.of(), Map.of());
    }

    /**
     * The queue. Each held record's search comes from its own address parameter unless given (a form
     * posted with a problem keeps what was searched), and what was chosen stays chosen.
     */
    private ModelAndView<?> attentionPage(HttpRequest<?> request, Authentication authentication,
                                          Map<UUID, Map<String, String>> errorsByRecord, String notice,
                                          Map<UUID, String> searchedByRecord, Map<UUID, String> chosenByRecord) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        Map<String, ChoiceSearch> searches = new LinkedHashMap<>();
        List<ActivityReader.Detail> held = reader.list(tenant,
                        new SyncRecordStore.Filter(null, SyncStatus.NEEDS_ATTENTION, null, null, null), 0, QUEUE_SIZE).rows().stream()
                .map(row -> {
                    UUID recordId = row.record().id();
                    String text = searchedByRecord.containsKey(recordId) ? searchedByRecord.get(recordId)
                            : ChoiceSearch.text(request.getParameters(), recordId);
                    searches.put(recordId.toString(), ChoiceSearch.of("/app/attention", request.getParameters(), recordId, text));
                    ActivityReader.Detail detail = reader.detail(tenant, recordId, text);
                    return detail.resolution() == null ? detail : new ActivityReader.Detail(detail.row(), detail.trail(),
                            detail.resolution().withChosen(chosenByRecord.get(recordId)));
                }).toList();
        ActivityReader.Page failed = reader.list(tenant, new SyncRecordStore.Filter(null, SyncStatus.FAILED, null, null, null),
                0, QUEUE_SIZE);
        Map<UUID, String> failedConnections = new LinkedHashMap<>();
        failed.rows().forEach(row -> failedConnections.putIfAbsent(row.connectionId(), row.connectionName()));
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        errorsByRecord.forEach((id, fieldErrors) -> errors.put(id.toString(), fieldErrors));
        return new ModelAndView<>("attention", page.signedIn(request, authentication, "Needs attention", "attention",
                "held", held, "failed", failed, "failedConnections", failedConnections, "errors", errors, "notice", notice,
                "searches", searches, "fmt", formats));
    }

    private ModelAndView<?> recordPage(HttpRequest<?> request, Authentication authentication, UUID recordId,
                                       Map<String, String> errors, String notice, String search, String chosen) {
        ActivityReader.Detail detail = reader.detail(CurrentTenant.of(authentication).tenantId(), recordId, search);
        if (detail.resolution() != null && chosen != null) {
            detail = new ActivityReader.Detail(detail.row(), detail.trail(), detail.resolution().withChosen(chosen));
        }
        String title = detail.row().title();
        return new ModelAndView<>("record", page.signedIn(request, authentication, title, "activity",
                "detail", detail, "row", detail.row(), "record", detail.row().record(), "errors", errors, "notice", notice,
                "search", ChoiceSearch.of("/app/activity/" + recordId, request.getParameters(), recordId, search),
                "fmt", formats));
    }

    private static UUID optionalId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Ids.parse(text.strip());
        } catch (PageNotFound e) {
            return null;
        }
    }

    private static SyncStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(SyncStatus.values()).filter(s -> s.name().equals(text.strip())).findFirst().orElse(null);
    }

    static int pageNumber(String text) {
        if (text == null || !text.matches("\\d{1,6}")) {
            return 0;
        }
        return Integer.parseInt(text);
    }

    /** The filters as a query string, for paging links. */
    static String query(Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
