package io.mlconnector.platform.runtime;

import io.mlconnector.api.qbd.QuickBooksDesktop;
import java.util.UUID;

/** Gives a connector context the QuickBooks Desktop request queue of its connection. */
public interface QuickBooksAccess {

    QuickBooksDesktop forConnection(UUID tenantId, UUID connectionId);
}
