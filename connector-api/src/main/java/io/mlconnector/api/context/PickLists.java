package io.mlconnector.api.context;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Named lists of objects a person may pick from, kept by the connector for its connection (e.g.
 * {@code quickbooks-customers}, filled by an incremental poll of QuickBooks). When a record needs a
 * person to say which object it belongs to, its {@link MatchQuestion} names the list, and the web UI
 * offers the list's entries, searchable, instead of asking for an id.
 */
public interface PickLists {

    /** Adds the entries, or updates them when their ids are already in the list. */
    void put(String list, Collection<Choice> entries);

    /**
     * Makes the list exactly these entries, in one step: for short lists read whole each time (e.g.
     * accounts or payment methods), so entries deleted in their system disappear.
     */
    void replace(String list, Collection<Choice> entries);

    /** Removes entries (e.g. objects deleted or made inactive in their system). Unknown ids are ignored. */
    void remove(String list, Collection<String> ids);

    Optional<Choice> find(String list, String id);

    /** Entries whose label, detail or id contains the text (case-insensitive), by label; all when blank. */
    List<Choice> search(String list, String text, int limit);

    /** How many entries the list has. */
    int size(String list);
}
