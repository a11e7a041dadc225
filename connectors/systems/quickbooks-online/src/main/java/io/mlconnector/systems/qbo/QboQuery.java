package io.mlconnector.systems.qbo;

/** Values in QuickBooks Online query conditions: single-quoted, with a quote escaped by a backslash. */
public final class QboQuery {

    private QboQuery() {
    }

    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
