package io.mlconnector.api.context;

import java.util.Objects;

/**
 * One entry of a pick list: an object of one system a person may choose, e.g. a QuickBooks customer.
 *
 * @param id     what is stored when it is chosen (e.g. the QuickBooks ListID); at most 200 characters
 * @param label  how people know it (e.g. the customer's full name)
 * @param detail more to tell similar entries apart (e.g. the e-mail address), or null
 */
public record Choice(String id, String label, String detail) {

    public static final int MAX_ID = 200;
    public static final int MAX_TEXT = 500;

    public Choice {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("A choice's id must have 1 to " + MAX_ID + " characters");
        }
        label = clip(label == null || label.isBlank() ? id : label);
        detail = detail == null || detail.isBlank() ? null : clip(detail);
    }

    private static String clip(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= MAX_TEXT ? trimmed : trimmed.substring(0, MAX_TEXT);
    }
}
