package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.systems.freshbooks.FreshBooksException;
import java.util.Optional;
import java.util.function.Supplier;

/** FreshBooks refusals in the platform's terms: a 4xx retrying will not fix is parked with FreshBooks' words. */
final class BooksCalls {

    private BooksCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (FreshBooksException e) {
            throw new CannotProcess(e.getMessage(), e);
        }
    }

    /** Empty when FreshBooks says the object does not exist (deleted for good, or never ours). */
    static <T> Optional<T> find(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (FreshBooksException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw new CannotProcess(e.getMessage(), e);
        }
    }
}
