package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Conversions between qbXML value types (AMTTYPE, DATETYPE, DATETIMETYPE, BOOLTYPE) and Java. */
final class QbValues {

    /** AMTTYPE: optional sign, up to 13 integer digits, optional decimals (at most two). */
    private static final Pattern AMOUNT = Pattern.compile("[+-]?(\\d{1,13}(\\.\\d{0,2})?|\\.\\d{1,2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(T(\\d{2})(:(\\d{2})(:(\\d{2}))?)?([+-]\\d{2}:\\d{2}|Z)?)?");
    /** QuickBooks writes offsets as +hh:mm, never Z. */
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private QbValues() {
    }

    static boolean isAmount(String text) {
        return text != null && AMOUNT.matcher(text).matches();
    }

    static Money amount(String text, String currency) {
        return Money.parse(text.startsWith("+") ? text.substring(1) : text, currency);
    }

    static String amount(Money money) {
        return money.toDecimalString();
    }

    /** Parses a DATETYPE; throws a 3020 status when the value is not a date. */
    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new QbStatusException(3020, "There was an error when converting the date value \""
                    + text + "\" in the field \"" + field + "\".");
        }
    }

    static boolean bool(String text, String field) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new QbStatusException(3010, "There was an error when converting the boolean value \""
                + text + "\" in the field \"" + field + "\".");
    }

    /**
     * Parses a DATETIMETYPE filter bound. A value without time means the start of the day for a
     * "from" bound and the end of the day for a "to" bound; a value without offset is company-local.
     */
    static Instant dateTimeBound(String text, String field, ZoneId zone, boolean upper) {
        var m = DATE_TIME.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new QbStatusException(3020, "There was an error when converting the date value \""
                    + text + "\" in the field \"" + field + "\".");
        }
        LocalDate date = date(m.group(1), field);
        if (m.group(2) == null) {
            LocalDateTime local = upper ? date.atTime(LocalTime.MAX) : date.atStartOfDay();
            return local.atZone(zone).toInstant();
        }
        int hour = Integer.parseInt(m.group(3));
        int minute = m.group(5) == null ? (upper ? 59 : 0) : Integer.parseInt(m.group(5));
        int second = m.group(7) == null ? (upper ? 59 : 0) : Integer.parseInt(m.group(7));
        LocalDateTime local = date.atTime(hour, minute, second, upper ? 999_999_999 : 0);
        String offset = m.group(8);
        if (offset == null) {
            return local.atZone(zone).toInstant();
        }
        return OffsetDateTime.of(local, java.time.ZoneOffset.of(offset.equals("Z") ? "+00:00" : offset))
                .toInstant();
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return OUT.format(instant.atZone(zone));
    }

    static String date(LocalDate date) {
        return date.toString();
    }
}
