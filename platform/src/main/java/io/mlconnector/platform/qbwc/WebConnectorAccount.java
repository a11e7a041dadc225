package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * The Web Connector side of one QuickBooks Desktop connection: the user name the Web Connector signs
 * in with, the GUIDs of its .qwc file, and what the Web Connector last did. Never holds the password.
 *
 * @param unreachableMessage "QuickBooks was not reachable: …" from the last connectionError, if any
 */
public record WebConnectorAccount(UUID tenantId, UUID connectionId, String userName, boolean passwordSet,
                                  UUID ownerId, UUID fileId, @Nullable Instant lastPolledAt,
                                  @Nullable Instant lastAnsweredAt, @Nullable String qbxmlVersion,
                                  @Nullable String unreachableMessage, @Nullable Instant unreachableAt) {

    /** The GUID form the .qwc file uses: upper case in braces. */
    static String guid(UUID id) {
        return "{" + id.toString().toUpperCase(java.util.Locale.ROOT) + "}";
    }
}
