package io.mlconnector.platform.people;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** Someone who signs in to a tenant. The password hash never leaves the server. */
@Serdeable
public record Person(UUID id, UUID tenantId, String email, String displayName, String role, Instant createdAt) {
}
