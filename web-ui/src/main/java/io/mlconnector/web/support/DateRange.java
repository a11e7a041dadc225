package io.mlconnector.web.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A "from" and "to" day typed into a filter form (yyyy-mm-dd, both days included, UTC), with a
 * problem per field when a day cannot be read.
 */
public record DateRange(String fromText, String toText, Instant from, Instant to, Map<String, String> errors) {

    public static DateRange of(String fromText, String toText) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = day(fromText, "from", errors);
        LocalDate to = day(toText, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "The end date is before the start date.");
            to = null;
        }
        return new DateRange(fromText == null ? "" : fromText.strip(), toText == null ? "" : toText.strip(),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Map.copyOf(errors));
    }

    private static LocalDate day(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date like 2024-03-31.");
            return null;
        }
    }
}
