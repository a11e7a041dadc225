package io.mlconnector.web.connections;

import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The settings form of a connector, generated from its spec, with the problem of each field beside it. */
public final class SettingsForm {

    /** A choice as stored and as shown. */
    public record Choice(String value, String label) {
    }

    /** One setting: how to ask for it, its current value and the problem with what was typed. */
    public record Input(String key, String label, String help, String type, boolean required, String value, String defaultValue,
                        List<Choice> choices, String error) {

        public String id() {
            return "setting-" + key;
        }

        public boolean hasError() {
            return error != null;
        }

        public boolean yes() {
            return "true".equals(value);
        }
    }

    private SettingsForm() {
    }

    /**
     * @param fields the settings to show (all of them, or only the required ones when creating)
     * @param stored the connection's stored settings
     * @param typed  what was just submitted, shown again after an error
     */
    public static List<Input> of(List<SettingField> fields, Map<String, String> stored, Map<String, String> typed,
                                 Map<String, String> errors) {
        return fields.stream().map(field -> {
            String value = typed.containsKey(field.key()) ? typed.get(field.key())
                    : stored.containsKey(field.key()) ? stored.get(field.key())
                    : field.defaultValue() == null ? "" : field.defaultValue();
            List<Choice> choices = field.choices().stream().map(c -> new Choice(c, words(c))).toList();
            return new Input(field.key(), field.label(), field.help(), field.type().name(), field.required(), value,
                    field.defaultValue(), choices, errors.get(field.key()));
        }).toList();
    }

    /** Settings a new connection cannot do without: required and with no default. */
    public static List<SettingField> neededToStart(ConnectorSpec spec) {
        return spec.settings().stream().filter(f -> f.required() && f.defaultValue() == null).toList();
    }

    /** The submitted values of the given settings only. */
    public static Map<String, String> submitted(List<SettingField> fields, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String value = form.get(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    /** A stored choice such as {@code paid_out} in words: "Paid out". */
    static String words(String value) {
        String spaced = value.replace('_', ' ').replace('-', ' ').trim();
        return spaced.isEmpty() ? value : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
