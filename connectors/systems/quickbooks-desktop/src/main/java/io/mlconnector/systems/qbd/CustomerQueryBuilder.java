package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.IteratorMode;
import io.mlconnector.systems.qbd.xml.MatchCriterion;
import io.mlconnector.systems.qbd.xml.NameFilter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code CustomerQueryRq}. QuickBooks offers three exclusive ways to select: by ListIDs,
 * by full names, or by a filter (modified range, name match, active status, page size). Mixing
 * them is refused here rather than by QuickBooks.
 *
 * <p>Large lists are read with an iterator: {@link #startIterator(int)} on the first request,
 * then {@link QbIterators#next} for each following page.
 */
public final class CustomerQueryBuilder {

    private final String requestId;
    private final List<String> listIds = new ArrayList<>();
    private final List<String> fullNames = new ArrayList<>();
    private Integer maxReturned;
    private ActiveStatus activeStatus;
    private OffsetDateTime fromModified;
    private OffsetDateTime toModified;
    private NameFilter nameFilter;
    private IteratorMode iterator;
    private String iteratorId;
    private final List<String> includeRetElements = new ArrayList<>();

    CustomerQueryBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public CustomerQueryBuilder listIds(String... ids) {
        for (String id : ids) {
            listIds.add(QbRefs.listId(id).getListID());
        }
        return this;
    }

    /** Exact full name (e.g. the Name a connector gave the customer). */
    public CustomerQueryBuilder fullNames(String... names) {
        for (String name : names) {
            fullNames.add(QbRefs.fullName(name).getFullName());
        }
        return this;
    }

    public CustomerQueryBuilder nameMatches(MatchCriterion criterion, String name) {
        NameFilter filter = new NameFilter();
        filter.setMatchCriterion(criterion);
        filter.setName(QbText.fit("Name", name, QbLimits.FULL_NAME, QbText.Overflow.REFUSE));
        this.nameFilter = filter;
        return this;
    }

    /** Customers changed in [from, to]; either end may be null. The incremental-sync filter. */
    public CustomerQueryBuilder modifiedBetween(OffsetDateTime from, OffsetDateTime to) {
        this.fromModified = from;
        this.toModified = to;
        return this;
    }

    public CustomerQueryBuilder activeStatus(ActiveStatus status) {
        this.activeStatus = status;
        return this;
    }

    public CustomerQueryBuilder maxReturned(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("MaxReturned must be positive");
        }
        this.maxReturned = max;
        return this;
    }

    /** First page of an iterated read: {@code iterator="Start"} with a page size. */
    public CustomerQueryBuilder startIterator(int pageSize) {
        maxReturned(pageSize);
        this.iterator = IteratorMode.START;
        this.iteratorId = null;
        return this;
    }

    public CustomerQueryBuilder includeRetElements(String... names) {
        includeRetElements.addAll(List.of(names));
        return this;
    }

    public CustomerQueryRq build() {
        boolean filtered = maxReturned != null || activeStatus != null || fromModified != null
                || toModified != null || nameFilter != null;
        int ways = (listIds.isEmpty() ? 0 : 1) + (fullNames.isEmpty() ? 0 : 1) + (filtered ? 1 : 0);
        if (ways > 1) {
            throw new IllegalStateException("Select customers by ListID, by full name, or by filter — not several");
        }
        CustomerQueryRq rq = new CustomerQueryRq();
        rq.setRequestID(requestId);
        rq.getListID().addAll(listIds);
        rq.getFullName().addAll(fullNames);
        rq.setMaxReturned(maxReturned);
        rq.setActiveStatus(activeStatus);
        rq.setFromModifiedDate(fromModified == null ? null : QbDates.dateTime(fromModified));
        rq.setToModifiedDate(toModified == null ? null : QbDates.dateTime(toModified));
        rq.setNameFilter(nameFilter);
        rq.setIterator(iterator);
        rq.setIteratorID(iteratorId);
        rq.getIncludeRetElement().addAll(includeRetElements);
        return rq;
    }
}
