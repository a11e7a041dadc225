package io.mlconnector.systems.qbd;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * qbXML dates ({@code YYYY-MM-DD}) and date-times ({@code YYYY-MM-DDThh:mm:ss±hh:mm}).
 * Date-times are always written with an explicit offset (never {@code Z}, which qbXML does not
 * define), so a modified-since filter means the same instant wherever QuickBooks runs.
 */
public final class QbDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private QbDates() {
    }

    public static String date(LocalDate date) {
        return date.toString();
    }

    public static String dateTime(OffsetDateTime dateTime) {
        return DATE_TIME.format(dateTime.truncatedTo(ChronoUnit.SECONDS));
    }

    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a qbXML date: '" + text + "'", e);
        }
    }

    /**
     * Reads a qbXML date-time. QuickBooks normally includes the offset; when it does not, the
     * given offset (the company file's machine offset, if known) is assumed.
     */
    public static OffsetDateTime parseDateTime(String text, ZoneOffset assumedOffset) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay().atOffset(assumedOffset);
                }
                return LocalDateTime.parse(value).atOffset(assumedOffset);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a qbXML date-time: '" + text + "'", e);
            }
        }
    }
}
