package io.mlconnector.systems.freshbooks;

import java.util.List;

/** One page of a FreshBooks list, with FreshBooks' own counts. */
public record Page<T>(List<T> items, int page, int pages, int perPage, int total) {

    /** FreshBooks serves at most this many per page. */
    public static final int MAX_PER_PAGE = 100;

    public Page {
        items = List.copyOf(items);
    }

    public boolean last() {
        return page >= pages;
    }
}
