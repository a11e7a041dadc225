package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.InvoiceQueryRq;
import io.mlconnector.systems.qbd.xml.IteratorMode;
import io.mlconnector.systems.qbd.xml.ListFilterRef;
import io.mlconnector.systems.qbd.xml.ModifiedDateRangeFilter;
import io.mlconnector.systems.qbd.xml.PaidStatus;
import io.mlconnector.systems.qbd.xml.RefNumberRangeFilter;
import io.mlconnector.systems.qbd.xml.TxnDateRangeFilter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@code InvoiceQueryRq}, typically "this customer's unpaid invoices, maybe the one
 * with this number", to find what a payment pays.
 *
 * <p>QuickBooks selects either by TxnID/RefNumber or by filter, never both. So
 * {@link #refNumber(String)} alone becomes an exact {@code RefNumber} selection; combined with a
 * customer or paid-status filter it becomes a {@code RefNumberRangeFilter} from that number to
 * the same number, which is exact as well.
 */
public final class InvoiceQueryBuilder {

    private final String requestId;
    private final List<String> txnIds = new ArrayList<>();
    private String refNumber;
    private Integer maxReturned;
    private OffsetDateTime fromModified;
    private OffsetDateTime toModified;
    private LocalDate fromTxnDate;
    private LocalDate toTxnDate;
    private String customerListId;
    private PaidStatus paidStatus;
    private boolean includeLineItems;
    private boolean includeLinkedTxns;
    private IteratorMode iterator;
    private final List<String> includeRetElements = new ArrayList<>();

    InvoiceQueryBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public InvoiceQueryBuilder txnIds(String... ids) {
        for (String id : ids) {
            String clean = QbText.clean(id);
            if (clean == null) {
                throw new IllegalArgumentException("TxnID is required");
            }
            txnIds.add(clean);
        }
        return this;
    }

    /** The invoice number (RefNumber, 11 characters on invoices). */
    public InvoiceQueryBuilder refNumber(String refNumber) {
        this.refNumber = QbText.fit("RefNumber", refNumber, QbLimits.TXN_REF_NUMBER, QbText.Overflow.REFUSE);
        return this;
    }

    public InvoiceQueryBuilder customerListId(String listId) {
        this.customerListId = QbRefs.listId(listId).getListID();
        return this;
    }

    public InvoiceQueryBuilder paidStatus(PaidStatus status) {
        this.paidStatus = status;
        return this;
    }

    /** Only invoices with a balance still open. */
    public InvoiceQueryBuilder unpaidOnly() {
        return paidStatus(PaidStatus.NOT_PAID_ONLY);
    }

    public InvoiceQueryBuilder modifiedBetween(OffsetDateTime from, OffsetDateTime to) {
        if (fromTxnDate != null || toTxnDate != null) {
            throw new IllegalStateException("QuickBooks filters by modified date or by transaction date, not both");
        }
        this.fromModified = from;
        this.toModified = to;
        return this;
    }

    public InvoiceQueryBuilder txnDateBetween(LocalDate from, LocalDate to) {
        if (fromModified != null || toModified != null) {
            throw new IllegalStateException("QuickBooks filters by modified date or by transaction date, not both");
        }
        this.fromTxnDate = from;
        this.toTxnDate = to;
        return this;
    }

    public InvoiceQueryBuilder maxReturned(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("MaxReturned must be positive");
        }
        this.maxReturned = max;
        return this;
    }

    public InvoiceQueryBuilder startIterator(int pageSize) {
        maxReturned(pageSize);
        this.iterator = IteratorMode.START;
        return this;
    }

    public InvoiceQueryBuilder includeLineItems() {
        this.includeLineItems = true;
        return this;
    }

    /** Also return the payments and credits already linked to each invoice. */
    public InvoiceQueryBuilder includeLinkedTxns() {
        this.includeLinkedTxns = true;
        return this;
    }

    public InvoiceQueryBuilder includeRetElements(String... names) {
        includeRetElements.addAll(List.of(names));
        return this;
    }

    public InvoiceQueryRq build() {
        boolean filtered = customerListId != null || paidStatus != null || maxReturned != null
                || fromModified != null || toModified != null || fromTxnDate != null || toTxnDate != null;
        if (!txnIds.isEmpty() && (filtered || refNumber != null)) {
            throw new IllegalStateException("Select invoices by TxnID or by filter, not both");
        }
        InvoiceQueryRq rq = new InvoiceQueryRq();
        rq.setRequestID(requestId);
        rq.getTxnID().addAll(txnIds);
        if (refNumber != null && !filtered) {
            rq.getRefNumber().add(refNumber);
        } else if (refNumber != null) {
            RefNumberRangeFilter exact = new RefNumberRangeFilter();
            exact.setFromRefNumber(refNumber);
            exact.setToRefNumber(refNumber);
            rq.setRefNumberRangeFilter(exact);
        }
        rq.setMaxReturned(maxReturned);
        if (fromModified != null || toModified != null) {
            ModifiedDateRangeFilter range = new ModifiedDateRangeFilter();
            range.setFromModifiedDate(fromModified == null ? null : QbDates.dateTime(fromModified));
            range.setToModifiedDate(toModified == null ? null : QbDates.dateTime(toModified));
            rq.setModifiedDateRangeFilter(range);
        }
        if (fromTxnDate != null || toTxnDate != null) {
            TxnDateRangeFilter range = new TxnDateRangeFilter();
            range.setFromTxnDate(fromTxnDate == null ? null : QbDates.date(fromTxnDate));
            range.setToTxnDate(toTxnDate == null ? null : QbDates.date(toTxnDate));
            rq.setTxnDateRangeFilter(range);
        }
        if (customerListId != null) {
            ListFilterRef entity = new ListFilterRef();
            entity.getListID().add(customerListId);
            rq.setEntityFilter(entity);
        }
        rq.setPaidStatus(paidStatus);
        rq.setIncludeLineItems(includeLineItems ? Boolean.TRUE : null);
        rq.setIncludeLinkedTxns(includeLinkedTxns ? Boolean.TRUE : null);
        rq.setIterator(iterator);
        rq.getIncludeRetElement().addAll(includeRetElements);
        return rq;
    }
}
