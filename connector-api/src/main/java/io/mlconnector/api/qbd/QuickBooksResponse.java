package io.mlconnector.api.qbd;

/**
 * QuickBooks' answer to one queued request. Either {@code fragment} holds the {@code <XxxRs>}
 * element (whose status code says whether QuickBooks did it), or QuickBooks failed the whole
 * message and {@code errorMessage} says why.
 *
 * @param requestId    the id the platform gave the request
 * @param purpose      as given when queued
 * @param correlation  as given when queued
 * @param fragment     the {@code <XxxRs>} element, or null when no response came for it
 * @param errorMessage why no response came (QuickBooks error, session failure), or null
 */
public record QuickBooksResponse(String requestId, String purpose, String correlation, String fragment, String errorMessage) {

    public boolean answered() {
        return fragment != null;
    }
}
