package io.mlconnector.platform.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasMore) {
}
