package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.IteratorMode;
import io.mlconnector.systems.qbd.xml.IteratorQueryRqBase;
import io.mlconnector.systems.qbd.xml.QueryRsBase;

import java.util.Optional;

/**
 * Paging through a query with a QuickBooks iterator: the first request says
 * {@code iterator="Start"} with a MaxReturned page size; QuickBooks answers with an
 * {@code iteratorID} and {@code iteratorRemainingCount}; each next request repeats the same query
 * with {@code iterator="Continue"} and that id, until nothing remains. Iterators live only inside
 * one Web Connector session; a new session starts over.
 */
public final class QbIterators {

    private QbIterators() {
    }

    /**
     * The request for the next page, or empty when the response says nothing remains. The original
     * request is left untouched; the copy gets the new requestID.
     */
    public static <T extends IteratorQueryRqBase> Optional<T> next(T request, QueryRsBase response, String nextRequestId) {
        Integer remaining = response.getIteratorRemainingCount();
        String iteratorId = response.getIteratorID();
        if (iteratorId == null || remaining == null || remaining <= 0) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T copy = (T) QbXml.parseRequest(QbXml.toFragment(request));
        copy.setRequestID(QbRequests.requestId(nextRequestId));
        copy.setIterator(IteratorMode.CONTINUE);
        copy.setIteratorID(iteratorId);
        return Optional.of(copy);
    }

    /** Releases an iterator early ({@code iterator="Stop"}), e.g. when the plugin found what it needed. */
    public static <T extends IteratorQueryRqBase> T stop(T request, String iteratorId, String requestId) {
        @SuppressWarnings("unchecked")
        T copy = (T) QbXml.parseRequest(QbXml.toFragment(request));
        copy.setRequestID(QbRequests.requestId(requestId));
        copy.setIterator(IteratorMode.STOP);
        copy.setIteratorID(iteratorId);
        return copy;
    }
}
