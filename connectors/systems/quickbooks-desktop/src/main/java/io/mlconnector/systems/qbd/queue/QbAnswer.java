package io.mlconnector.systems.qbd.queue;

import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.systems.qbd.QbResponseHeader;
import io.mlconnector.systems.qbd.QbStatus;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.QbXmlException;
import io.mlconnector.systems.qbd.xml.RsBase;

/**
 * QuickBooks' answer to one request, read once: lost (no answer came), refused for a passing
 * reason, refused for good, or done; and the typed response when there is one.
 */
public final class QbAnswer {

    private final QuickBooksResponse raw;
    private final QbResponseHeader header;
    private final RsBase body;

    private QbAnswer(QuickBooksResponse raw, QbResponseHeader header, RsBase body) {
        this.raw = raw;
        this.header = header;
        this.body = body;
    }

    /** Reads the platform's response once: its status header and, when it succeeded, its typed body. */
    public static QbAnswer of(QuickBooksResponse response) {
        if (!response.answered()) {
            return new QbAnswer(response, null, null);
        }
        try {
            QbResponseHeader header = QbXml.readHeader(response.fragment());
            RsBase body = header.status().succeeded() ? QbXml.parseResponse(response.fragment()) : null;
            return new QbAnswer(response, header, body);
        } catch (QbXmlException e) {
            // An answer we cannot read is treated like no answer: the flow checks again.
            return new QbAnswer(new QuickBooksResponse(response.requestId(), response.purpose(),
                    response.correlation(), null, "Unreadable answer from QuickBooks: " + e.getMessage()), null, null);
        }
    }

    /**
     * No answer came back (session ended, QuickBooks refused the whole message): whether QuickBooks
     * carried the request out is unknown.
     */
    public boolean lost() {
        return header == null;
    }

    /** Lost, or refused for a reason that passes (QuickBooks busy, record in use, stale edit sequence). */
    public boolean worthRetrying() {
        return lost() || header.status().disposition() == QbStatus.Disposition.RETRY_LATER
                || header.status().disposition() == QbStatus.Disposition.REQUERY_THEN_RETRY;
    }

    /** QuickBooks answered and carried the request out. */
    public boolean succeeded() {
        return !lost() && header.status().succeeded();
    }

    /** The response's status and iterator fields; null when {@link #lost()}. */
    public QbResponseHeader header() {
        return header;
    }

    /** QuickBooks' status; null when {@link #lost()}. */
    public QbStatus status() {
        return header == null ? null : header.status();
    }

    /** The typed response of a {@link #succeeded()} answer, e.g. {@code body(ReceivePaymentAddRs.class)}. */
    public <T extends RsBase> T body(Class<T> type) {
        if (body == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + " in this answer");
        }
        return type.cast(body);
    }

    /** What went wrong, in QuickBooks' words. */
    public String problem() {
        if (lost()) {
            return raw.errorMessage() == null ? "QuickBooks did not answer" : raw.errorMessage();
        }
        QbStatus status = header.status();
        return "QuickBooks answered " + status.code() + (status.message().isEmpty() ? "" : ": " + status.message());
    }

    /** QuickBooks found nothing to answer with (status 1: e.g. an empty query, a TxnDel of what is gone). */
    public boolean notFound() {
        return !lost() && header.status().isNotFound();
    }
}
