package io.mlconnector.web.support;

import java.util.UUID;

/** Ids typed into page addresses: anything that is not an id is simply a page that does not exist. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            throw new PageNotFound();
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound();
        }
    }
}
