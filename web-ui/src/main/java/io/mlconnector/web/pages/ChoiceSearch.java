package io.mlconnector.web.pages;

import io.micronaut.http.HttpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The search over a held record's pick list as a plain GET form, so it works without scripts: it
 * reloads the page it is on with the record's own search parameter ({@code find-<record id>}) and
 * every other parameter of the address kept, so searches of other records on the same page stay.
 *
 * @param action where the form goes: the page it is on
 * @param param  the record's search parameter
 * @param text   what was searched
 * @param kept   the page's other parameters, as hidden fields
 */
public record ChoiceSearch(String action, String param, String text, List<Field> kept) {

    /** A hidden field of the form. */
    public record Field(String name, String value) {
    }

    static final String PREFIX = "find-";
    /** Longer searches are cut: nobody's customer name is this long, and it bounds the work of a search. */
    static final int MAX_TEXT = 100;
    /** At most this many other parameters are carried along: an address is short, a page lists many records. */
    static final int MAX_KEPT = 50;
    /** One-time notices of an earlier action are not repeated by a search. */
    static final Set<String> NOTICES = Set.of("done", "resolved", "replayed");

    public static String param(UUID recordId) {
        return PREFIX + recordId;
    }

    /** The text searched for one record on this address, from its own parameter. */
    public static String text(HttpParameters parameters, UUID recordId) {
        return clean(parameters.get(param(recordId)));
    }

    static String clean(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= MAX_TEXT ? stripped : stripped.substring(0, MAX_TEXT);
    }

    public static ChoiceSearch of(String action, HttpParameters parameters, UUID recordId, String text) {
        String own = param(recordId);
        List<Field> kept = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : parameters.asMap().entrySet()) {
            if (entry.getKey().equals(own) || NOTICES.contains(entry.getKey())) {
                continue;
            }
            for (String value : entry.getValue()) {
                if (kept.size() < MAX_KEPT && value.length() <= MAX_TEXT) {
                    kept.add(new Field(entry.getKey(), value));
                }
            }
        }
        return new ChoiceSearch(action, own, clean(text), List.copyOf(kept));
    }
}
