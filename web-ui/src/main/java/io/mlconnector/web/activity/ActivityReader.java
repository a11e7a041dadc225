package io.mlconnector.web.activity;

import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.sync.MatchChoices;
import io.mlconnector.platform.sync.PickListStore;
import io.mlconnector.platform.sync.SyncRecordStore;
import io.mlconnector.web.support.PageNotFound;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sync records as the activity pages show them: with their connection's name and the names of the
 * two systems, so each id is labelled with the system it belongs to. A connector lists the system
 * its records come from first.
 */
@Singleton
public class ActivityReader {

    /** One record with what the page needs to label it. */
    public record Row(SyncRecord record, UUID connectionId, String connectionName, String sourceSystem, String targetSystem,
                      boolean targetViaWebConnector, boolean replayable) {

        public boolean needsPerson() {
            return record.status() == SyncStatus.NEEDS_ATTENTION;
        }

        /** What the record is about, for people: its summary, or for a raw event its id and type. */
        public String title() {
            if (EVENT_KIND.equals(record.kind())) {
                return "Incoming event " + record.sourceId() + (record.summary() == null ? "" : " (" + record.summary() + ")");
            }
            return record.summary() != null ? record.summary() : record.kind() + " " + record.sourceId();
        }
    }

    /** A page of rows and whether there is a next one. */
    public record Page(List<Row> rows, int page, boolean hasMore) {
    }

    /** A record with its audit trail, oldest step first, and what a person may be asked to match. */
    public record Detail(Row row, List<AuditEntry> trail, Resolution resolution) {
    }

    static final int TRAIL_LIMIT = 500;
    /** Entries read per search: enough to say how many more there are beyond those shown, up to a bound. */
    static final int CHOICES_READ = PickListStore.MAX_RESULTS;
    /** At most this many other objects' trails are read to find what a held record waits for. */
    static final int NAMED_OBJECTS_LIMIT = 10;
    /** The kind of record the platform keeps for an event that failed before its connector opened one. */
    static final String EVENT_KIND = "event";

    private final TenantTransactions transactions;
    private final SyncRecordStore records;
    private final ConnectionRepository connections;
    private final PluginHost plugins;
    private final AuditLog audit;
    private final KnownTargets known;
    private final MatchChoices choices;

    public ActivityReader(TenantTransactions transactions, SyncRecordStore records, ConnectionRepository connections,
                          PluginHost plugins, AuditLog audit, KnownTargets known, MatchChoices choices) {
        this.choices = choices;
        this.transactions = transactions;
        this.records = records;
        this.connections = connections;
        this.plugins = plugins;
        this.audit = audit;
        this.known = known;
    }

    public List<Connection> connections(UUID tenantId) {
        return transactions.read(tenantId, connections::list);
    }

    public Page list(UUID tenantId, SyncRecordStore.Filter filter, int page, int size) {
        Map<UUID, Connection> byId = connections(tenantId).stream().collect(Collectors.toMap(Connection::id, Function.identity()));
        List<SyncRecordStore.Row> found = transactions.read(tenantId, () -> records.list(filter, page, size + 1));
        List<Row> rows = found.stream().limit(size).map(row -> row(row, byId.get(row.connectionId()))).toList();
        return new Page(rows, page, found.size() > size);
    }

    public Detail detail(UUID tenantId, UUID recordId) {
        return detail(tenantId, recordId, "");
    }

    /** A record with its trail; a held record with its question and the pick-list entries matching {@code search}. */
    public Detail detail(UUID tenantId, UUID recordId, String search) {
        SyncRecordStore.Row found = transactions.read(tenantId, () -> records.find(recordId)).orElseThrow(PageNotFound::new);
        Connection connection = transactions.read(tenantId, () -> connections.find(found.connectionId())).orElseThrow(PageNotFound::new);
        List<AuditEntry> oldestFirst = audit.trail(tenantId, found.connectionId(), found.record().sourceId(), TRAIL_LIMIT);
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        Resolution resolution = null;
        if (found.record().status() == SyncStatus.NEEDS_ATTENTION) {
            resolution = found.question() != null ? answerable(tenantId, found, search)
                    : Resolution.of(found.record(), aboutRecordAndNamedObjects(tenantId, found, newestFirst));
            if (!resolution.picking()) {
                resolution = resolution.withKnown(known.of(tenantId, found.connectionId(), resolution.kind()));
            }
        }
        return new Detail(row(found, connection), oldestFirst, resolution);
    }

    /** The connector's question, with the entries of its pick list that match what the person typed. */
    private Resolution answerable(UUID tenantId, SyncRecordStore.Row found, String search) {
        Resolution asked = Resolution.asked(found.question());
        if (asked.pickList() == null) {
            return asked;
        }
        String text = search == null ? "" : search.strip();
        MatchChoices.Answerable answer;
        try {
            answer = choices.search(tenantId, found.record().id(), text, CHOICES_READ);
        } catch (NotFound e) {
            throw new PageNotFound();
        }
        return asked.withChoices(new ChoiceList(text, answer.choices(), answer.choices().size() >= CHOICES_READ, answer.listSize(),
                asked.plural()));
    }

    /**
     * The record's trail and the trails of the other objects it names (e.g. the payer of a
     * payment), newest first: where a connector says what it could not match.
     */
    private List<AuditEntry> aboutRecordAndNamedObjects(UUID tenantId, SyncRecordStore.Row found, List<AuditEntry> newestFirst) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        for (AuditEntry entry : newestFirst) {
            if (entry.sourceId() != null && !entry.sourceId().equals(found.record().sourceId())) {
                named.add(entry.sourceId());
            }
        }
        List<AuditEntry> all = new java.util.ArrayList<>(newestFirst);
        named.stream().limit(NAMED_OBJECTS_LIMIT)
                .forEach(id -> all.addAll(audit.trail(tenantId, found.connectionId(), id, TRAIL_LIMIT)));
        all.sort(java.util.Comparator.comparing(AuditEntry::occurredAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(AuditEntry::id, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).reversed());
        return all;
    }

    private Row row(SyncRecordStore.Row row, Connection connection) {
        ConnectorSpec spec = connection == null ? null
                : plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec).orElse(null);
        List<SystemSpec> systems = spec == null ? List.of() : spec.systems();
        String source = systems.size() > 0 ? systems.get(0).name() : "Source";
        String target = systems.size() > 1 ? systems.get(1).name() : "Target";
        boolean viaWebConnector = systems.size() > 1 && systems.get(1).viaWebConnector();
        boolean replayable = row.lastEventId() != null && row.record().status() != SyncStatus.DONE;
        return new Row(row.record(), row.connectionId(), connection == null ? "" : connection.name(), source, target, viaWebConnector,
                replayable);
    }
}
