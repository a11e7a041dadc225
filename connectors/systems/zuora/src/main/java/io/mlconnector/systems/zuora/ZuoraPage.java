package io.mlconnector.systems.zuora;

import java.util.List;
import java.util.Optional;

/** One page of a list, and the cursor of the next page when there is one. */
public record ZuoraPage<T>(List<T> items, String nextCursor) {

    public ZuoraPage {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor).filter(c -> !c.isBlank());
    }
}
