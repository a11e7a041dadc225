package io.mlconnector.api.spec;

import java.util.List;

/**
 * A per-connection choice, shown in the settings form and validated before it is stored.
 *
 * @param key          stable key, e.g. {@code deposit_account}
 * @param label        form label
 * @param help         one sentence on what it changes
 * @param type         how to ask and validate
 * @param required     must have a value
 * @param defaultValue used when none is stored, may be null
 * @param choices      allowed values for {@link Type#CHOICE}
 * @param pickList     the connection's pick list whose entry ids are the values to offer (e.g. the accounting
 *                     system's accounts, kept current by the connector), or null. While the list has entries,
 *                     the form offers them and a new value must be one of them; while it is empty, any text is taken.
 * @param pickListSystem the id of the system (in the spec) the pick list is read from, for people's words; may be null
 */
public record SettingField(String key, String label, String help, Type type, boolean required, String defaultValue,
                           List<String> choices, String pickList, String pickListSystem) {

    /** How a setting is asked for and checked. */
    public enum Type { TEXT, NUMBER, BOOLEAN, CHOICE }

    public SettingField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public SettingField(String key, String label, String help, Type type, boolean required, String defaultValue,
                        List<String> choices) {
        this(key, label, help, type, required, defaultValue, choices, null, null);
    }

    /** The same setting, offering the entries of a pick list (e.g. {@code text(...).offering("books-accounts")}). */
    public SettingField offering(String list) {
        return offering(list, null);
    }

    /**
     * The same setting, offering the entries of a pick list read from one of the connector's systems,
     * e.g. {@code text(...).offering("books-accounts", "books")}, so forms can say where the choices come from.
     */
    public SettingField offering(String list, String system) {
        return new SettingField(key, label, help, type, required, defaultValue, choices, list, system);
    }

    public static SettingField text(String key, String label, String help, String defaultValue) {
        return new SettingField(key, label, help, Type.TEXT, defaultValue == null, defaultValue, List.of());
    }

    public static SettingField number(String key, String label, String help, int defaultValue) {
        return new SettingField(key, label, help, Type.NUMBER, false, Integer.toString(defaultValue), List.of());
    }

    public static SettingField flag(String key, String label, String help, boolean defaultValue) {
        return new SettingField(key, label, help, Type.BOOLEAN, false, Boolean.toString(defaultValue), List.of());
    }

    public static SettingField choice(String key, String label, String help, String defaultValue, String... choices) {
        return new SettingField(key, label, help, Type.CHOICE, false, defaultValue, List.of(choices));
    }

    /** The problem with a value, in words for the form, or null when it is acceptable. */
    public String problem(String value) {
        if (value == null || value.isBlank()) {
            return required && defaultValue == null ? label + " is required." : null;
        }
        return switch (type) {
            case TEXT -> value.length() > 500 ? label + " is too long." : null;
            case NUMBER -> value.matches("-?\\d{1,9}") ? null : label + " must be a whole number.";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : label + " must be yes or no.";
            case CHOICE -> choices.contains(value) ? null : label + " must be one of " + String.join(", ", choices) + ".";
        };
    }
}
