package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * The list-query selection rules: ListID or FullName lists, otherwise ListFilter (ActiveStatus,
 * which defaults to ActiveOnly, modified-date bounds, name filters) plus a message-specific test.
 * Results are ordered by full name.
 */
final class ListFilters {

    private ListFilters() {
    }

    static <T extends ListEntity> Selection<T> select(Element rq, Collection<T> all, Function<T, String> fullName,
            MessageContext ctx, Predicate<T> extra) {
        List<String> listIds = Xml.texts(rq, "ListID");
        List<String> fullNames = Xml.texts(rq, "FullName");
        if (!listIds.isEmpty() || !fullNames.isEmpty()) {
            return byIdentity(all, fullName, listIds, fullNames);
        }
        String activeStatus = orDefault(Xml.text(rq, "ActiveStatus"), "ActiveOnly");
        Instant from = bound(rq, "FromModifiedDate", ctx, false);
        Instant to = bound(rq, "ToModifiedDate", ctx, true);
        Predicate<String> name = nameTest(rq);
        List<T> result = new ArrayList<>();
        for (T entity : all) {
            if (activeStatus.equals("ActiveOnly") && !entity.active
                    || activeStatus.equals("InactiveOnly") && entity.active) {
                continue;
            }
            if (from != null && entity.timeModified.isBefore(from) || to != null && entity.timeModified.isAfter(to)) {
                continue;
            }
            if (!name.test(fullName.apply(entity)) || !extra.test(entity)) {
                continue;
            }
            result.add(entity);
        }
        result.sort(Comparator.comparing(e -> fullName.apply(e).toLowerCase(Locale.ROOT)));
        return new Selection<>(result, null);
    }

    private static <T extends ListEntity> Selection<T> byIdentity(Collection<T> all, Function<T, String> fullName,
            List<String> listIds, List<String> fullNames) {
        List<T> result = new ArrayList<>();
        String missing = null;
        List<String> wanted = listIds.isEmpty() ? fullNames : listIds;
        for (String key : wanted) {
            T found = null;
            for (T entity : all) {
                boolean match = listIds.isEmpty() ? fullName.apply(entity).equalsIgnoreCase(key)
                        : entity.listId.equals(key);
                if (match) {
                    found = entity;
                    break;
                }
            }
            if (found == null) {
                missing = missing == null ? key : missing;
            } else if (!result.contains(found)) {
                result.add(found);
            }
        }
        return new Selection<>(result, missing);
    }

    private static Predicate<String> nameTest(Element rq) {
        Element nameFilter = Xml.child(rq, "NameFilter");
        if (nameFilter != null) {
            String criterion = Xml.text(nameFilter, "MatchCriterion");
            String value = Xml.text(nameFilter, "Name").toLowerCase(Locale.ROOT);
            return name -> {
                String n = name.toLowerCase(Locale.ROOT);
                return switch (criterion) {
                    case "StartsWith" -> n.startsWith(value);
                    case "EndsWith" -> n.endsWith(value);
                    case "Contains" -> n.contains(value);
                    default -> throw unsupportedEnum(criterion, "MatchCriterion");
                };
            };
        }
        Element range = Xml.child(rq, "NameRangeFilter");
        if (range != null) {
            String from = lower(Xml.text(range, "FromName"));
            String to = lower(Xml.text(range, "ToName"));
            return name -> {
                String n = name.toLowerCase(Locale.ROOT);
                return (from == null || n.compareTo(from) >= 0) && (to == null || n.compareTo(to) <= 0);
            };
        }
        return name -> true;
    }

    static Instant bound(Element parent, String field, MessageContext ctx, boolean upper) {
        String text = Xml.text(parent, field);
        return text == null ? null : QbValues.dateTimeBound(text, field, ctx.data.zone(), upper);
    }

    static QbStatusException unsupportedEnum(String value, String field) {
        return new QbStatusException(531, "Warn", "The enum value \"" + value + "\" in the field \"" + field
                + "\" is not supported by this implementation.");
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
