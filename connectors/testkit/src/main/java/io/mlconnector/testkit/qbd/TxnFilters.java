package io.mlconnector.testkit.qbd;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * The transaction-query selection rules: TxnID or RefNumber lists, otherwise TxnFilter
 * (ModifiedDateRangeFilter or TxnDateRangeFilter, EntityFilter, AccountFilter, RefNumber filters)
 * plus a message-specific test. Results are ordered by TxnDate, then by entry order.
 */
final class TxnFilters {

    private TxnFilters() {
    }

    static <T extends TxnEntity> Selection<T> select(Element rq, Collection<T> all, MessageContext ctx,
            Predicate<T> extra) {
        List<String> txnIds = Xml.texts(rq, "TxnID");
        if (!txnIds.isEmpty()) {
            return byTxnId(all, txnIds);
        }
        List<String> refs = Xml.texts(rq, "RefNumber");
        List<String> caseSensitiveRefs = Xml.texts(rq, "RefNumberCaseSensitive");
        if (!refs.isEmpty() || !caseSensitiveRefs.isEmpty()) {
            return byRefNumber(all, refs.isEmpty() ? caseSensitiveRefs : refs, refs.isEmpty());
        }
        List<Predicate<T>> tests = new ArrayList<>();
        Element modified = Xml.child(rq, "ModifiedDateRangeFilter");
        if (modified != null) {
            Instant from = ListFilters.bound(modified, "FromModifiedDate", ctx, false);
            Instant to = ListFilters.bound(modified, "ToModifiedDate", ctx, true);
            tests.add(t -> (from == null || !t.timeModified.isBefore(from)) && (to == null || !t.timeModified.isAfter(to)));
        }
        Element txnDates = Xml.child(rq, "TxnDateRangeFilter");
        if (txnDates != null) {
            LocalDate[] range = dateRange(txnDates, ctx);
            tests.add(t -> (range[0] == null || !t.txnDate.isBefore(range[0]))
                    && (range[1] == null || !t.txnDate.isAfter(range[1])));
        }
        Element entityFilter = Xml.child(rq, "EntityFilter");
        if (entityFilter != null) {
            Set<String> ids = entityIds(entityFilter, ctx);
            tests.add(t -> ids.contains(t.entityListId()));
        }
        Element accountFilter = Xml.child(rq, "AccountFilter");
        if (accountFilter != null) {
            Set<String> ids = accountIds(accountFilter, ctx);
            tests.add(t -> t.accountListIds().stream().anyMatch(ids::contains));
        }
        Element refFilter = Xml.child(rq, "RefNumberFilter");
        if (refFilter != null) {
            String criterion = Xml.text(refFilter, "MatchCriterion");
            String value = Xml.text(refFilter, "RefNumber").toLowerCase(Locale.ROOT);
            tests.add(t -> {
                String ref = t.refNumber == null ? "" : t.refNumber.toLowerCase(Locale.ROOT);
                return switch (criterion) {
                    case "StartsWith" -> ref.startsWith(value);
                    case "EndsWith" -> ref.endsWith(value);
                    case "Contains" -> ref.contains(value);
                    default -> throw ListFilters.unsupportedEnum(criterion, "MatchCriterion");
                };
            });
        }
        Element refRange = Xml.child(rq, "RefNumberRangeFilter");
        if (refRange != null) {
            String from = Xml.text(refRange, "FromRefNumber");
            String to = Xml.text(refRange, "ToRefNumber");
            tests.add(t -> t.refNumber != null && (from == null || compareRef(t.refNumber, from) >= 0)
                    && (to == null || compareRef(t.refNumber, to) <= 0));
        }
        tests.add(extra);
        List<T> result = new ArrayList<>();
        for (T txn : all) {
            if (tests.stream().allMatch(test -> test.test(txn))) {
                result.add(txn);
            }
        }
        result.sort(Comparator.comparing((T t) -> t.txnDate).thenComparingInt(t -> t.txnNumber));
        return new Selection<>(result, null);
    }

    private static <T extends TxnEntity> Selection<T> byTxnId(Collection<T> all, List<String> txnIds) {
        List<T> result = new ArrayList<>();
        String missing = null;
        for (String txnId : txnIds) {
            T found = all.stream().filter(t -> t.txnId.equals(txnId)).findFirst().orElse(null);
            if (found == null) {
                missing = missing == null ? txnId : missing;
            } else if (!result.contains(found)) {
                result.add(found);
            }
        }
        return new Selection<>(result, missing);
    }

    private static <T extends TxnEntity> Selection<T> byRefNumber(Collection<T> all, List<String> refs,
            boolean caseSensitive) {
        List<T> result = new ArrayList<>();
        String missing = null;
        for (String ref : refs) {
            boolean any = false;
            for (T txn : all) {
                boolean match = txn.refNumber != null
                        && (caseSensitive ? txn.refNumber.equals(ref) : txn.refNumber.equalsIgnoreCase(ref));
                if (match) {
                    any = true;
                    if (!result.contains(txn)) {
                        result.add(txn);
                    }
                }
            }
            if (!any && missing == null) {
                missing = ref;
            }
        }
        return new Selection<>(result, missing);
    }

    /** Numeric reference numbers compare as numbers, others as text. */
    private static int compareRef(String a, String b) {
        if (a.matches("\\d+") && b.matches("\\d+")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareToIgnoreCase(b);
    }

    private static LocalDate[] dateRange(Element filter, MessageContext ctx) {
        String macro = Xml.text(filter, "DateMacro");
        if (macro == null) {
            String from = Xml.text(filter, "FromTxnDate");
            String to = Xml.text(filter, "ToTxnDate");
            LocalDate fromDate = from == null ? null : QbValues.date(from, "FromTxnDate");
            LocalDate toDate = to == null ? null : QbValues.date(to, "ToTxnDate");
            if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
                throw new QbStatusException(3030, "Invalid date range: From date is greater than To date.");
            }
            return new LocalDate[] {fromDate, toDate};
        }
        LocalDate today = ctx.data.today();
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return switch (macro) {
            case "All" -> new LocalDate[] {null, null};
            case "Today" -> new LocalDate[] {today, today};
            case "Yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            case "ThisWeek" -> new LocalDate[] {weekStart, weekStart.plusDays(6)};
            case "ThisWeekToDate" -> new LocalDate[] {weekStart, today};
            case "ThisMonth" -> new LocalDate[] {today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())};
            case "ThisMonthToDate" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "LastMonth" -> {
                LocalDate last = today.minusMonths(1);
                yield new LocalDate[] {last.withDayOfMonth(1), last.with(TemporalAdjusters.lastDayOfMonth())};
            }
            case "ThisYear" -> new LocalDate[] {today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear())};
            case "ThisYearToDate" -> new LocalDate[] {today.withDayOfYear(1), today};
            case "LastYear" -> {
                LocalDate last = today.minusYears(1);
                yield new LocalDate[] {last.withDayOfYear(1), last.with(TemporalAdjusters.lastDayOfYear())};
            }
            default -> throw ListFilters.unsupportedEnum(macro, "DateMacro");
        };
    }

    private static Set<String> entityIds(Element filter, MessageContext ctx) {
        Set<String> ids = new HashSet<>();
        for (String listId : Xml.texts(filter, "ListID")) {
            ids.add(listId);
        }
        for (String fullName : Xml.texts(filter, "FullName")) {
            CustomerEntity customer = ctx.data.customerByFullName(fullName);
            if (customer != null) {
                ids.add(customer.listId);
            }
        }
        String withChildren = Xml.text(filter, "ListIDWithChildren");
        CustomerEntity root = withChildren != null ? ctx.data.customers.get(withChildren) : null;
        String nameWithChildren = Xml.text(filter, "FullNameWithChildren");
        if (nameWithChildren != null) {
            root = ctx.data.customerByFullName(nameWithChildren);
        }
        if (root != null) {
            String prefix = ctx.data.customerFullName(root);
            for (CustomerEntity customer : ctx.data.customers.values()) {
                String name = ctx.data.customerFullName(customer);
                if (name.equalsIgnoreCase(prefix) || name.toLowerCase(Locale.ROOT)
                        .startsWith(prefix.toLowerCase(Locale.ROOT) + ":")) {
                    ids.add(customer.listId);
                }
            }
        }
        return ids;
    }

    private static Set<String> accountIds(Element filter, MessageContext ctx) {
        Set<String> ids = new HashSet<>(Xml.texts(filter, "ListID"));
        for (String fullName : Xml.texts(filter, "FullName")) {
            AccountEntity account = ctx.data.byName(ctx.data.accounts, fullName);
            if (account != null) {
                ids.add(account.listId);
            }
        }
        String withChildren = Xml.text(filter, "ListIDWithChildren");
        if (withChildren != null) {
            ids.add(withChildren);
        }
        String nameWithChildren = Xml.text(filter, "FullNameWithChildren");
        if (nameWithChildren != null) {
            AccountEntity account = ctx.data.byName(ctx.data.accounts, nameWithChildren);
            if (account != null) {
                ids.add(account.listId);
            }
        }
        return ids;
    }
}
