package io.mlconnector.testkit.qbd;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds response aggregates element by element. Callers write fields in schema order; absent
 * (null) values are skipped, because QuickBooks omits empty optional elements.
 */
final class RetWriter {

    private final Document document;
    private final Deque<Element> stack = new ArrayDeque<>();

    RetWriter(Document document, Element root) {
        this.document = document;
        stack.push(root);
    }

    static RetWriter start(Document document, String name) {
        return new RetWriter(document, document.createElement(name));
    }

    Element root() {
        return stack.getLast();
    }

    RetWriter open(String name) {
        Element element = document.createElement(name);
        stack.peek().appendChild(element);
        stack.push(element);
        return this;
    }

    RetWriter close() {
        stack.pop();
        return this;
    }

    RetWriter leaf(String name, String value) {
        if (value != null) {
            Element element = document.createElement(name);
            element.setTextContent(value);
            stack.peek().appendChild(element);
        }
        return this;
    }

    RetWriter leaf(String name, boolean value) {
        return leaf(name, Boolean.toString(value));
    }

    RetWriter leaf(String name, int value) {
        return leaf(name, Integer.toString(value));
    }

    /** A ListRef-style aggregate (ListID, FullName); skipped entirely when both are null. */
    RetWriter ref(String name, String listId, String fullName) {
        if (listId == null && fullName == null) {
            return this;
        }
        open(name).leaf("ListID", listId).leaf("FullName", fullName).close();
        return this;
    }

    RetWriter append(Element element) {
        stack.peek().appendChild(element);
        return this;
    }
}
