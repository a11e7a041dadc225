package io.mlconnector.platform.qbwc;

import io.mlconnector.api.qbd.QuickBooksResponse;
import java.util.UUID;

/**
 * Receives what QuickBooks answered to each queued request, to route it to the connection's plugin
 * ({@code onQuickBooksResponse}). Implemented by the connector runtime.
 *
 * <p>Called once per request, on the thread serving receiveResponseXML, after the answer is stored
 * and before the Web Connector is told how far the session got: requests the plugin queues from here
 * (the next page of an iterator, a modify built from a query's answer) go out in the same session. A Mod
 * QuickBooks refused because its EditSequence was out of date (3200) is read again and retried by the
 * platform first ({@code StaleEditSequences}); the handler gets only its final answer. Also
 * called with {@code errorMessage} set when QuickBooks failed a request as a whole too often, or did
 * not run it because an earlier request of its ordered group failed. A call that throws is repeated
 * at a later Web Connector sign-in, so delivery is at least once.
 */
public interface QuickBooksResponseHandler {

    void deliver(UUID tenantId, UUID connectionId, QuickBooksResponse response);
}
