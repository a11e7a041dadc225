package io.mlconnector.systems.qbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What change data capture returned: per entity, the objects changed (full payloads) and those
 * deleted ({@code "status":"Deleted"}, Id only).
 */
public record QboChanges(List<Change> changes) {

    /** One changed object; {@code object} is the full payload unless {@code deleted}. */
    public record Change(String entity, String id, boolean deleted, OffsetDateTime lastUpdated, JsonObject object) {
    }

    public QboChanges {
        changes = List.copyOf(changes);
    }

    public List<Change> of(String entity) {
        return changes.stream().filter(c -> c.entity().equals(entity)).toList();
    }

    /** The latest LastUpdatedTime seen, for the next poll's cursor; null when nothing changed. */
    public OffsetDateTime latest() {
        return changes.stream().map(Change::lastUpdated).filter(java.util.Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
    }

    static QboChanges from(JsonObject answer, List<String> entities) {
        List<Change> changes = new ArrayList<>();
        for (JsonElement cdc : QboJson.array(answer.get("CDCResponse"))) {
            if (!cdc.isJsonObject()) {
                continue;
            }
            for (JsonElement response : QboJson.array(cdc.getAsJsonObject().get("QueryResponse"))) {
                if (!response.isJsonObject()) {
                    continue;
                }
                for (String entity : entities) {
                    for (JsonObject object : QboJson.objects(response.getAsJsonObject(), entity)) {
                        JsonObject meta = QboJson.object(object, "MetaData");
                        String updated = QboJson.string(meta, "LastUpdatedTime");
                        changes.add(new Change(entity, QboJson.string(object, "Id"),
                                "Deleted".equalsIgnoreCase(QboJson.string(object, "status")),
                                updated == null ? null : OffsetDateTime.parse(updated), object));
                    }
                }
            }
        }
        return new QboChanges(changes);
    }
}
