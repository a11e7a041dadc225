package io.mlconnector.systems.qbd.customers;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbIterators;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;
import io.mlconnector.systems.qbd.xml.CustomerRet;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the {@link CustomerPickList} in step with QuickBooks: reads the customers changed since the
 * last complete read (all of them the first time), page by page with an iterator, active and
 * inactive alike, so new and renamed customers appear and deactivated ones disappear.
 *
 * <p>The position is QuickBooks' own {@code TimeModified} text of the newest customer seen (its
 * clock, not ours) and moves only once every page of a read is stored. {@code FromModifiedDate} is
 * inclusive, so the customer at the boundary is read again, which does no harm. A read whose
 * session ended, or whose iterator was lost, starts again from the unchanged position, a few times
 * at most; after that the next scheduled read tries again.
 *
 * <p>A pair runs it from a schedule (and the kit's {@link CustomerScan} when a payer matches nobody),
 * and routes answers to {@link #PAGE} to {@link #onPage}.
 */
public final class CustomerPoll {

    public static final String PAGE = "customers.poll";
    /** The cursor: QuickBooks' TimeModified text of the newest customer of the last complete read. */
    public static final String CURSOR = "quickbooks.customers.modified_since";
    public static final String CORRELATION = "quickbooks-customers";

    public static final int PAGE_SIZE = 100;
    public static final int MAX_RESTARTS = 3;

    /** qbXML's date-time form; anything else is never sent back to QuickBooks as a filter. */
    private static final Pattern QB_DATE_TIME =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}([+\\-][0-9]{2}:[0-9]{2})?)?)?)?");

    /** Queues a read of the changed customers, unless one is under way. */
    public void run(ConnectorContext ctx) {
        if (ctx.quickBooks().pending(CORRELATION) > 0) {
            ctx.audit().record(CORRELATION, "customers.poll", "ok", null, null,
                    "The previous read of QuickBooks customers is still waiting for the Web Connector");
            return;
        }
        Optional<String> since = ctx.cursors().get(CURSOR).filter(t -> QB_DATE_TIME.matcher(t).matches());
        start(since.orElse(null), 0, ctx);
    }

    private static void start(String since, int restarts, ConnectorContext ctx) {
        Step step = Step.of(PAGE).with("from", since).with("n", restarts == 0 ? null : restarts);
        QbQueue.send(ctx, firstPage(since), step, CORRELATION);
        ctx.audit().record(CORRELATION, "customers.poll", "queued", null, null, since == null
                ? "Reading every QuickBooks customer for the list people pick from"
                : "Reading the QuickBooks customers changed since " + since);
    }

    private static CustomerQueryRq firstPage(String since) {
        CustomerQueryRq rq = QbRequests.customerQuery(QbQueue.requestId("cust-poll", CORRELATION))
                .startIterator(PAGE_SIZE)
                .activeStatus(ActiveStatus.ALL)
                // Named in CustomerRet's element order (QuickBooks answers in that order whatever the list's).
                .includeRetElements("ListID", "TimeModified", "FullName", "IsActive", "CompanyName", "Email")
                .build();
        // QuickBooks' own text, as it gave it: converting it could shift it by the company file's offset.
        rq.setFromModifiedDate(since);
        return rq;
    }

    /** Stores a page; asks for the next, or moves the position once every page is stored. */
    public void onPage(QbAnswer answer, Step step, String correlation, ConnectorContext ctx) {
        String since = step.get("from");
        if (!answer.succeeded()) {
            restart(answer, step, since, ctx);
            return;
        }
        CustomerQueryRs page = answer.body(CustomerQueryRs.class);
        CustomerPickList.store(ctx, page.getCustomerRet());
        String newest = step.get("hi");
        for (CustomerRet customer : page.getCustomerRet()) {
            newest = later(newest, customer.getTimeModified() == null ? null : customer.getTimeModified().strip());
        }
        long read = (step.optional("c").map(Long::parseLong).orElse(0L)) + page.getCustomerRet().size();
        Step sofar = step.with("hi", newest).with("c", read);
        if (answer.header().hasMore()) {
            Optional<CustomerQueryRq> next = QbIterators.next(firstPage(since), page,
                    QbQueue.requestId("cust-poll", CORRELATION));
            if (next.isPresent()) {
                QbQueue.send(ctx, next.get(), sofar, CORRELATION);
                return;
            }
        }
        // Every page is stored: only now may the position move.
        String current = ctx.cursors().get(CURSOR).orElse(null);
        if (newest != null && !newest.equals(current) && newest.equals(later(current, newest))) {
            ctx.cursors().set(CURSOR, newest);
        }
        ctx.audit().record(CORRELATION, "customers.polled", "ok", null, null, "Read " + read + " QuickBooks customer"
                + (read == 1 ? "" : "s") + (since == null ? "" : " changed since " + since) + "; the list to pick from has "
                + ctx.pickLists().size(CustomerPickList.NAME) + " active customers");
    }

    private static void restart(QbAnswer answer, Step step, String since, ConnectorContext ctx) {
        int restarts = step.attempt() + 1;
        if (restarts > MAX_RESTARTS) {
            ctx.audit().record(CORRELATION, "customers.poll-failed", "error", null, null,
                    "QuickBooks' customer list could not be read (" + answer.problem() + "); the next scheduled "
                            + "read tries again");
            return;
        }
        ctx.audit().record(CORRELATION, "customers.poll-restarted", "retry", null, null,
                "Reading the QuickBooks customers again from the start (" + answer.problem() + ")");
        start(since, restarts, ctx);
    }

    /** The later of two QuickBooks date-times, as QuickBooks wrote it; an unreadable one never wins. */
    public static String later(String a, String b) {
        Optional<OffsetDateTime> ta = instant(a);
        Optional<OffsetDateTime> tb = instant(b);
        if (tb.isEmpty()) {
            return ta.isPresent() ? a : null;
        }
        if (ta.isEmpty()) {
            return b;
        }
        return tb.get().isAfter(ta.get()) ? b : a;
    }

    private static Optional<OffsetDateTime> instant(String text) {
        if (text == null || !QB_DATE_TIME.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            // Texts without an offset are compared as if in UTC: QuickBooks writes them all alike.
            return Optional.of(QbDates.parseDateTime(text, ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
