package io.mlconnector.platform.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.tenancy.CurrentTenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sync records: what happened to each object, replay, and a person's answer to "needs attention". */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SyncApi {

    @Serdeable
    public record RecordView(SyncRecord record, UUID connectionId) {
    }

    @Serdeable
    public record RecordDetail(SyncRecord record, UUID connectionId, MatchQuestion question, List<AuditEntry> trail) {
    }

    @Serdeable
    public record Resolution(String kind, String sourceId, String targetId) {
    }

    private final TenantTransactions transactions;
    private final SyncRecordStore records;
    private final ReplayService replays;
    private final AuditLog audit;
    private final AlertStore alerts;
    private final ConnectionService connections;
    private final MatchChoices choices;
    private final AlertActions alertActions;

    public SyncApi(TenantTransactions transactions, SyncRecordStore records, ReplayService replays, AuditLog audit, AlertStore alerts,
                   ConnectionService connections, MatchChoices choices, AlertActions alertActions) {
        this.alertActions = alertActions;
        this.choices = choices;
        this.connections = connections;
        this.transactions = transactions;
        this.records = records;
        this.replays = replays;
        this.audit = audit;
        this.alerts = alerts;
    }

    @Get("/sync-records")
    public List<RecordView> list(Authentication authentication, @Nullable @QueryValue UUID connectionId,
                                 @Nullable @QueryValue SyncStatus status, @Nullable @QueryValue String q,
                                 @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                                 @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        int pageSize = Math.min(Math.max(size, 1), 500);
        return transactions.read(tenant, () -> records.list(new SyncRecordStore.Filter(connectionId, status, q, from, to),
                Math.max(page, 0), pageSize)).stream().map(r -> new RecordView(r.record(), r.connectionId())).toList();
    }

    @Get("/sync-records/{id}")
    public RecordDetail get(Authentication authentication, UUID id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        SyncRecordStore.Row row = transactions.read(tenant, () -> records.find(id)).orElseThrow(() -> new NotFound("Sync record"));
        List<AuditEntry> trail = audit.trail(tenant, row.connectionId(), row.record().sourceId(), 500);
        return new RecordDetail(row.record(), row.connectionId(), row.question(), trail);
    }

    /** The entries a person may pick to answer the record's question, containing {@code q}. */
    @Get("/sync-records/{id}/choices")
    public MatchChoices.Answerable choices(Authentication authentication, UUID id, @Nullable @QueryValue String q,
                                           @QueryValue(defaultValue = "50") int limit) {
        return choices.search(CurrentTenant.of(authentication).tenantId(), id, q, limit);
    }

    @Post("/sync-records/{id}/replay")
    public HttpResponse<?> replay(Authentication authentication, UUID id) {
        replays.replay(CurrentTenant.of(authentication).tenantId(), id);
        return HttpResponse.accepted().body(Map.of("message", "Queued to run again"));
    }

    @Post("/sync-records/{id}/resolve")
    public HttpResponse<?> resolve(Authentication authentication, UUID id, @Body Resolution body) {
        int others = replays.resolve(CurrentTenant.of(authentication).tenantId(), id, body.kind(), body.sourceId(), body.targetId());
        return HttpResponse.accepted().body(Map.of("message", "Matched; queued to run again", "othersRunAgain", others));
    }

    @Post("/connections/{id}/replay-failed")
    public Map<String, Integer> replayFailed(Authentication authentication, UUID id) {
        connections.get(CurrentTenant.of(authentication).tenantId(), id);
        return Map.of("replayed", replays.replayFailed(CurrentTenant.of(authentication).tenantId(), id));
    }

    /** A person has read the alert and dealt with it: it no longer counts against the connection's health. */
    @Post("/connections/{id}/alerts/{alertId}/acknowledge")
    public HttpResponse<?> acknowledge(Authentication authentication, UUID id, UUID alertId) {
        alertActions.acknowledge(CurrentTenant.of(authentication).tenantId(), id, alertId);
        return HttpResponse.noContent();
    }

    @Get("/connections/{id}/alerts")
    public List<AlertStore.Alert> alerts(Authentication authentication, UUID id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        connections.get(tenant, id);
        return transactions.read(tenant, () -> alerts.open(id));
    }
}
