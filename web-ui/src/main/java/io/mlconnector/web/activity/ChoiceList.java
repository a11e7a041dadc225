package io.mlconnector.web.activity;

import io.mlconnector.api.context.Choice;
import java.util.List;

/**
 * The entries of a pick list that match what a person typed, as many as a page shows, with words
 * for how many there are: the page shows a few and asks for a narrower search rather than a list of
 * thousands of customers.
 *
 * @param search   what was typed, stripped; empty for "everything"
 * @param found    the matching entries, by label, at most {@code capped} of them
 * @param capped   true when the search stopped counting, so there may be more than {@code found}
 * @param listSize how many entries the whole list has
 * @param plural   what the entries are, e.g. "customers"
 */
public record ChoiceList(String search, List<Choice> found, boolean capped, int listSize, String plural) {

    /** How many entries are shown at once. */
    public static final int SHOWN = 20;

    public ChoiceList {
        search = search == null ? "" : search.strip();
        found = List.copyOf(found);
    }

    public List<Choice> shown() {
        return found.size() <= SHOWN ? found : found.subList(0, SHOWN);
    }

    /** How many matching entries are not shown (at least this many when counting stopped). */
    public int hidden() {
        return Math.max(0, matching() - shown().size());
    }

    /** How many entries match; for a blank search, the whole list. */
    public int matching() {
        return search.isEmpty() ? Math.max(listSize, found.size()) : found.size();
    }

    private boolean countIsExact() {
        return search.isEmpty() || !capped;
    }

    /** What is shown, in one sentence, for the result count read out to screen readers. */
    public String summary() {
        int shown = shown().size();
        if (search.isEmpty()) {
            return hidden() == 0 ? listSize + " " + plural + "." : shown + " of " + listSize + " " + plural + " shown.";
        }
        String quoted = "“" + search + "”";
        if (shown == 0) {
            return "No " + singular() + " matches " + quoted + ".";
        }
        if (hidden() == 0) {
            return shown + " " + (shown == 1 ? singular() + " matches " : plural + " match ") + quoted + ".";
        }
        return (countIsExact() ? "" : "At least ") + matching() + " " + plural + " match " + quoted + "; the first " + shown
                + " are shown.";
    }

    /** The line under the entries when some are not shown, e.g. "37 more — refine your search"; null otherwise. */
    public String more() {
        if (hidden() == 0) {
            return null;
        }
        return (countIsExact() ? "" : "At least ") + hidden() + " more — refine your search";
    }

    private String singular() {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
