package io.mlconnector.testkit.qbd;

import org.w3c.dom.Element;

/** Handles one qbXML request element, filling in its response or throwing a status. */
@FunctionalInterface
interface MessageHandler {

    void handle(Element rq, MessageContext ctx, QbResponse response);
}
