package io.mlconnector.testkit.qbd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Open query iterators. An iterator holds the identifiers of the objects still to return and lives
 * only as long as the QuickBooks session (one Web Connector run); a finished or stopped iterator
 * is forgotten, so continuing it fails with status 3391.
 */
final class QueryIterators {

    private final Map<String, Open> open = new HashMap<>();

    private record Open(String requestName, List<String> remaining) {
    }

    String start(String requestName, List<String> remaining) {
        String id = "{" + UUID.randomUUID() + "}";
        open.put(id, new Open(requestName, new ArrayList<>(remaining)));
        return id;
    }

    /** Takes the next page; throws 3391 for an unknown, finished or foreign iterator. */
    List<String> next(String iteratorId, String requestName, int pageSize) {
        Open iterator = open.get(iteratorId);
        if (iterator == null || !iterator.requestName().equals(requestName)) {
            throw invalid(iteratorId);
        }
        int size = Math.min(pageSize, iterator.remaining().size());
        List<String> page = new ArrayList<>(iterator.remaining().subList(0, size));
        iterator.remaining().subList(0, size).clear();
        if (iterator.remaining().isEmpty()) {
            open.remove(iteratorId);
        }
        return page;
    }

    int remaining(String iteratorId) {
        Open iterator = open.get(iteratorId);
        return iterator == null ? 0 : iterator.remaining().size();
    }

    void stop(String iteratorId, String requestName) {
        Open iterator = open.get(iteratorId);
        if (iterator == null || !iterator.requestName().equals(requestName)) {
            throw invalid(iteratorId);
        }
        open.remove(iteratorId);
    }

    void clear() {
        open.clear();
    }

    int openCount() {
        return open.size();
    }

    static QbStatusException invalid(String iteratorId) {
        return new QbStatusException(3391, "The iteratorID \"" + iteratorId + "\" is not valid.");
    }
}
