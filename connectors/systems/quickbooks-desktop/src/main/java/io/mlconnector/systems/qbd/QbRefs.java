package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.ListRef;

/** References to QuickBooks list objects (customers, accounts, payment methods, items…). */
public final class QbRefs {

    private QbRefs() {
    }

    /** By ListID: exact and immune to renames; prefer it once the ListID is known. */
    public static ListRef listId(String listId) {
        ListRef ref = new ListRef();
        ref.setListID(require(listId, "ListID"));
        return ref;
    }

    /**
     * By full name (e.g. {@code "Undeposited Funds"} or {@code "Customer:Job"}), as users type it in
     * settings. Refused when longer than QuickBooks allows: a cut name would point at another object.
     */
    public static ListRef fullName(String fullName) {
        ListRef ref = new ListRef();
        ref.setFullName(QbText.fit("FullName", require(fullName, "FullName"), QbLimits.FULL_NAME, QbText.Overflow.REFUSE));
        return ref;
    }

    private static String require(String value, String what) {
        String text = QbText.clean(value);
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return text;
    }
}
