package io.mlconnector.testkit.qbd;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One {@code <XxxRs>} element being filled in by a message handler. */
final class QbResponse {

    static final String OK_MESSAGE = "Status OK";
    static final String NO_MATCH_MESSAGE = "A query request did not find a matching object in QuickBooks";

    final Document document;
    final Element rs;

    QbResponse(Document document, String rsName, String requestId) {
        this.document = document;
        this.rs = document.createElement(rsName);
        if (requestId != null) {
            rs.setAttribute("requestID", requestId);
        }
        status(0, "Info", OK_MESSAGE);
    }

    void status(int code, String severity, String message) {
        rs.setAttribute("statusCode", Integer.toString(code));
        rs.setAttribute("statusSeverity", severity);
        rs.setAttribute("statusMessage", message);
    }

    void attribute(String name, String value) {
        rs.setAttribute(name, value);
    }

    void add(Element ret) {
        rs.appendChild(ret);
    }

    RetWriter ret(String name) {
        return RetWriter.start(document, name);
    }

    /** An error answer carries no data: drop anything added before the error. */
    void fail(QbStatusException error) {
        Node child;
        while ((child = rs.getFirstChild()) != null) {
            rs.removeChild(child);
        }
        rs.removeAttribute("iteratorRemainingCount");
        rs.removeAttribute("iteratorID");
        rs.removeAttribute("retCount");
        status(error.code(), error.severity(), error.getMessage());
    }

    boolean isError() {
        return "Error".equals(rs.getAttribute("statusSeverity"));
    }
}
