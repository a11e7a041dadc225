package io.mlconnector.testkit.qbo;

import java.time.Instant;

/**
 * A change the fake recorded, for CDC and for the webhooks it can send.
 *
 * @param eventId   a fresh id per change (the CloudEvents {@code id})
 * @param operation {@code Create}, {@code Update}, {@code Delete}, {@code Void}
 */
public record QboChange(String eventId, String realmId, String entity, String id, String operation, Instant at) {
}
