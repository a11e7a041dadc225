package io.mlconnector.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A company using ml-connector. Everything else it owns carries its id. */
@Serdeable
public record Tenant(UUID id, String name, Instant createdAt) {
}
