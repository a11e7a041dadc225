package io.mlconnector.platform.people;

import java.util.Locale;
import java.util.regex.Pattern;

/** A deliberately loose check: one @, something on each side, a dot in the domain. */
final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddress() {
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static boolean looksValid(String email) {
        return email != null && email.length() <= 320 && SHAPE.matcher(email).matches();
    }
}
