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

    /** An option of a setting chosen from a pick list. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * One setting: how to ask for it, its current value and the problem with what was typed.
     *
     * @param options  the entries of its pick list to choose from; empty when it is typed
     * @param listNote about its pick list: why its current value should be changed, or why it is typed; null when
     *                 nothing needs saying
     */
    public record Input(String key, String label, String help, String type, boolean required, String value, String defaultValue,
                        List<Choice> choices, String error, List<Option> options, String listNote) {

        public String id() {
            return "setting-" + key;
        }

        public boolean hasError() {
            return error != null;
        }

        public boolean yes() {
            return "true".equals(value);
        }

        /** Chosen from a list rather than typed. */
        public boolean picking() {
            return !options.isEmpty();
        }
    }

    private SettingsForm() {
    }

    /**
     * The form without pick lists, e.g. for a connection still being created, whose lists are not read yet.
     *
     * @param fields the settings to show (all of them, or only the required ones when creating)
     * @param stored the connection's stored settings
     * @param typed  what was just submitted, shown again after an error
     */
    public static List<Input> of(List<SettingField> fields, Map<String, String> stored, Map<String, String> typed,
                                 Map<String, String> errors) {
        return of(fields, stored, typed, errors, SettingLists.Offered.none());
    }

    /** The form, offering a setting's pick list when it has entries. */
    public static List<Input> of(List<SettingField> fields, Map<String, String> stored, Map<String, String> typed,
                                 Map<String, String> errors, SettingLists.Offered offered) {
        return fields.stream().map(field -> {
            List<Choice> choices = field.choices().stream().map(c -> new Choice(c, words(c))).toList();
            List<io.mlconnector.api.context.Choice> entries = offered.of(field.key());
            if (!entries.isEmpty()) {
                return picked(field, entries, stored, typed, errors, offered.systemOf(field), choices);
            }
            String value = typed.containsKey(field.key()) ? typed.get(field.key())
                    : stored.containsKey(field.key()) ? stored.get(field.key())
                    : field.defaultValue() == null ? "" : field.defaultValue();
            String note = field.pickList() == null || !offered.explains() ? null
                    : offered.tooLong().contains(field.key()) ? PickOptions.tooLong(offered.systemOf(field))
                    : PickOptions.waiting(offered.systemOf(field));
            return new Input(field.key(), field.label(), field.help(), field.type().name(), field.required(), value,
                    field.defaultValue(), choices, errors.get(field.key()), List.of(), note);
        }).toList();
    }

    /**
     * A setting chosen from its pick list. What was sent is shown again after an error only when it is one of
     * the entries (or unchanged): a value the list does not have was refused and the stored one still applies.
     */
    private static Input picked(SettingField field, List<io.mlconnector.api.context.Choice> entries, Map<String, String> stored,
                                Map<String, String> typed, Map<String, String> errors, String systems, List<Choice> choices) {
        String defaultValue = field.defaultValue() == null ? "" : field.defaultValue();
        String storedValue = stored.getOrDefault(field.key(), "").strip();
        String sent = typed.containsKey(field.key()) ? typed.get(field.key()).strip() : null;
        String shown;
        boolean asDefault;
        if (sent != null && (sent.isEmpty() || sent.equals(storedValue) || entries.stream().anyMatch(e -> e.id().equals(sent)))) {
            shown = sent.isEmpty() ? defaultValue : sent;
            asDefault = sent.isEmpty();
        } else {
            shown = storedValue.isEmpty() ? defaultValue : storedValue;
            asDefault = storedValue.isEmpty();
        }
        PickOptions.Picked picked = PickOptions.of(field, entries, shown, asDefault, systems);
        return new Input(field.key(), field.label(), field.help(), field.type().name(), field.required(), shown,
                field.defaultValue(), choices, errors.get(field.key()), picked.options(), picked.note());
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
