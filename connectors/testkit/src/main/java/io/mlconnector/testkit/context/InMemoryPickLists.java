package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.PickLists;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pick lists in memory, searched the way the platform searches them. */
public final class InMemoryPickLists implements PickLists {

    private final Map<String, Map<String, Choice>> lists = new ConcurrentHashMap<>();

    @Override
    public synchronized void put(String list, Collection<Choice> entries) {
        Map<String, Choice> entriesById = lists.computeIfAbsent(list, l -> new LinkedHashMap<>());
        entries.forEach(e -> entriesById.put(e.id(), e));
    }

    @Override
    public synchronized void replace(String list, Collection<Choice> entries) {
        lists.remove(list);
        put(list, entries);
    }

    @Override
    public synchronized void remove(String list, Collection<String> ids) {
        Map<String, Choice> entriesById = lists.get(list);
        if (entriesById != null) {
            ids.forEach(entriesById::remove);
        }
    }

    @Override
    public synchronized Optional<Choice> find(String list, String id) {
        return Optional.ofNullable(lists.getOrDefault(list, Map.of()).get(id));
    }

    @Override
    public synchronized List<Choice> search(String list, String text, int limit) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return lists.getOrDefault(list, Map.of()).values().stream()
                .filter(c -> wanted.isEmpty() || haystack(c).contains(wanted))
                .sorted(Comparator.comparing((Choice c) -> c.label().toLowerCase(Locale.ROOT)).thenComparing(Choice::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int size(String list) {
        return lists.getOrDefault(list, Map.of()).size();
    }

    /** Every entry of a list, in the order first put. */
    public synchronized List<Choice> all(String list) {
        return List.copyOf(lists.getOrDefault(list, Map.of()).values());
    }

    private static String haystack(Choice c) {
        return (c.label() + " " + (c.detail() == null ? "" : c.detail()) + " " + c.id()).toLowerCase(Locale.ROOT);
    }
}
