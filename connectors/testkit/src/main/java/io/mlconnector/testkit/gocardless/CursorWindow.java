package io.mlconnector.testkit.gocardless;

import java.util.List;
import java.util.function.Function;

/**
 * GoCardless cursor pagination over a list in its answer order (newest first for resources).
 *
 * <p>Recorded sandbox answers show the rules: {@code after=X} returns the items that follow X,
 * {@code before=X} the items that precede it (the closest ones), {@code meta.cursors.after} is the id
 * of the page's last item while more items follow, and {@code meta.cursors.before} the id of its
 * first item while items precede it; otherwise the cursor is null.
 */
record CursorWindow<T>(List<T> items, String before, String after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static <T> CursorWindow<T> of(List<T> ordered, Function<T, String> cursorOf,
                                  String afterCursor, String beforeCursor, int limit) {
        int from;
        int to;
        if (afterCursor != null) {
            from = indexOf(ordered, cursorOf, afterCursor, "after") + 1;
            to = Math.min(ordered.size(), from + limit);
        } else if (beforeCursor != null) {
            to = indexOf(ordered, cursorOf, beforeCursor, "before");
            from = Math.max(0, to - limit);
        } else {
            from = 0;
            to = Math.min(ordered.size(), limit);
        }
        List<T> page = List.copyOf(ordered.subList(from, to));
        String before = !page.isEmpty() && from > 0 ? cursorOf.apply(page.get(0)) : null;
        String after = !page.isEmpty() && to < ordered.size() ? cursorOf.apply(page.get(page.size() - 1)) : null;
        return new CursorWindow<>(page, before, after);
    }

    /** Reads and checks the {@code limit} parameter. */
    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw GcApiError.validation("limit", "must be a number between 1 and " + MAX_LIMIT, "/limit");
    }

    private static <T> int indexOf(List<T> ordered, Function<T, String> cursorOf, String cursor, String name) {
        for (int i = 0; i < ordered.size(); i++) {
            if (cursor.equals(cursorOf.apply(ordered.get(i)))) {
                return i;
            }
        }
        throw GcApiError.validation(name, "is not a valid cursor", "/" + name);
    }
}
