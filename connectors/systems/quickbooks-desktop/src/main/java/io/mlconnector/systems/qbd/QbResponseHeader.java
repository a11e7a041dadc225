package io.mlconnector.systems.qbd;

import java.util.OptionalInt;

/**
 * The attributes every {@code …Rs} element carries, read without knowing the message type:
 * what the platform needs to route a response by {@code requestID} and to follow an iterator.
 *
 * @param elementName            e.g. {@code CustomerQueryRs}
 * @param requestId              the {@code requestID} echoed from the request, or null
 * @param status                 status code, severity and message
 * @param retCount               number of objects returned (queries only)
 * @param iteratorRemainingCount objects still waiting behind the iterator (iterated queries only)
 * @param iteratorId             iterator to continue with (iterated queries only), or null
 */
public record QbResponseHeader(String elementName, String requestId, QbStatus status,
                               OptionalInt retCount, OptionalInt iteratorRemainingCount, String iteratorId) {

    /** True while an iterator still holds objects that a {@code Continue} request would fetch. */
    public boolean hasMore() {
        return iteratorId != null && iteratorRemainingCount.isPresent() && iteratorRemainingCount.getAsInt() > 0;
    }
}
