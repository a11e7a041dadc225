package io.mlconnector.platform.webhooks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps values for a few seconds, to spare the database a look-up on every webhook of a busy
 * connection. Entries are never trusted for longer than the time to live, so a change made on
 * another instance shows here within it.
 */
final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    ShortLivedCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = load.apply(key);
        if (value != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }

    void forget(K key) {
        entries.remove(key);
    }
}
