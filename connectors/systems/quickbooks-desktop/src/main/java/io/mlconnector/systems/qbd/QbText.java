package io.mlconnector.systems.qbd;

import java.util.Objects;

/**
 * Makes text fit qbXML: strips characters XML 1.0 cannot carry and applies a length policy.
 * (Markup characters such as {@code &} and {@code <} need nothing here: the codec escapes them.)
 *
 * <p>The policy for each field is a decision, not an accident:
 * <ul>
 *   <li>{@link Overflow#REFUSE} for values whose meaning a cut would change (identifiers that must
 *       match exactly).</li>
 *   <li>{@link Overflow#TRUNCATE} for descriptive text (names, memos, notes): the start is kept.</li>
 *   <li>{@link Overflow#KEEP_END} for external references in short RefNumber fields: provider ids
 *       differ in their last characters (Stripe's {@code pi_…} ids are 27 characters, a payment's
 *       RefNumber holds 20), so the end is kept. The full id always goes into the Memo too.</li>
 *   <li>{@link Overflow#OMIT} for contact details (phone, e-mail) where a cut value would be wrong
 *       and leaving the field empty is harmless.</li>
 * </ul>
 * Lengths are counted in Unicode code points, as the schema counts them; a cut never splits a
 * surrogate pair.
 */
public final class QbText {

    public enum Overflow { REFUSE, TRUNCATE, KEEP_END, OMIT }

    private static final String MEMO_SEPARATOR = " | ";

    private QbText() {
    }

    /**
     * The cleaned value if it fits; otherwise what the overflow policy says. Returns null for null
     * or blank input (qbXML has no use for empty elements) and for {@link Overflow#OMIT} overflow.
     *
     * @throws IllegalArgumentException for {@link Overflow#REFUSE} overflow, naming the field
     */
    public static String fit(String field, String value, int maxLength, Overflow overflow) {
        Objects.requireNonNull(overflow, "overflow");
        String text = clean(value);
        if (text == null) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length <= maxLength) {
            return text;
        }
        return switch (overflow) {
            case REFUSE -> throw new IllegalArgumentException(
                    field + " is " + length + " characters; QuickBooks allows " + maxLength);
            case TRUNCATE -> text.substring(0, text.offsetByCodePoints(0, maxLength)).stripTrailing();
            case KEEP_END -> text.substring(text.offsetByCodePoints(text.length(), -maxLength)).strip();
            case OMIT -> null;
        };
    }

    /**
     * The RefNumber under which an external id (payment, payout, refund id) is stored: the id itself
     * when it fits, else its last {@code maxLength} characters. Searches must use the same form, so
     * both the add and the later query go through this method.
     */
    public static String reference(String externalId, int maxLength) {
        String ref = fit("Reference", externalId, maxLength, Overflow.KEEP_END);
        if (ref == null) {
            throw new IllegalArgumentException("An external id is required");
        }
        return ref;
    }

    /**
     * A Memo holding free text and, after it, an external id in full. When both do not fit in
     * 4095 characters the free text is shortened, never the id.
     */
    public static String memoWithId(String memo, String externalId) {
        String id = clean(externalId);
        String text = clean(memo);
        if (id == null) {
            return fit("Memo", text, QbLimits.MEMO, Overflow.TRUNCATE);
        }
        int room = QbLimits.MEMO - MEMO_SEPARATOR.length() - id.codePointCount(0, id.length());
        if (text == null || room <= 0) {
            return fit("Memo", id, QbLimits.MEMO, Overflow.REFUSE);
        }
        return fit("Memo", text, room, Overflow.TRUNCATE) + MEMO_SEPARATOR + id;
    }

    /** Removes characters XML 1.0 forbids; trims; null when nothing is left. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isXmlChar(c)) {
                out.append(c);
            }
        }
        String text = out.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** Whether XML 1.0 can carry this UTF-16 unit (surrogates are accepted as halves of a pair). */
    public static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
    }
}
