package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Settings;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's settings: values a test set, else the defaults of the connector's spec, as the
 * platform fills them in. Values are checked against the spec's fields when one is known.
 */
public final class InMemorySettings implements Settings {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, SettingField> fields = new ConcurrentHashMap<>();

    /** Uses the spec's fields for defaults and validation. */
    public void useSpec(ConnectorSpec spec) {
        fields.clear();
        spec.settings().forEach(field -> fields.put(field.key(), field));
    }

    @Override
    public Optional<String> get(String key) {
        String value = values.get(key);
        if (value != null) {
            return Optional.of(value);
        }
        SettingField field = fields.get(key);
        return field == null ? Optional.empty() : Optional.ofNullable(field.defaultValue());
    }

    /** Sets a value (null removes it); refused, as the platform's form would, when the spec says it is invalid. */
    public void set(String key, String value) {
        SettingField field = fields.get(key);
        if (field != null && value != null) {
            String problem = field.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }
}
