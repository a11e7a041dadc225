package io.mlconnector.web.connections;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.spec.SettingField;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of a setting chosen from a pick list: its entries, each with what tells it apart, and a
 * value the list no longer has (renamed or deleted in its system) kept as the first option, so that a
 * form saved without touching it keeps it.
 */
final class PickOptions {

    /** The options, and a note for the person when their current value is not among the entries. */
    record Picked(List<SettingsForm.Option> options, String note) {
    }

    private PickOptions() {
    }

    /**
     * @param shown     the value to select; empty for none
     * @param asDefault the value is the setting's default, not a stored one: its option then sends nothing, which keeps
     *                  the default without storing a value the list does not have
     * @param systems   where the entries come from, in words
     */
    static Picked of(SettingField field, List<Choice> entries, String shown, boolean asDefault, String systems) {
        List<SettingsForm.Option> options = new ArrayList<>();
        boolean listed = entries.stream().anyMatch(e -> e.id().equals(shown));
        boolean optional = !field.required() && field.defaultValue() == null;
        String note = null;
        if (shown.isEmpty()) {
            options.add(new SettingsForm.Option("", optional ? "None" : "Choose one…", true));
        } else if (!listed) {
            options.add(new SettingsForm.Option(asDefault ? "" : shown,
                    "Current: " + shown + " (" + (asDefault ? "the default, " : "") + "not found in " + systems + ")", true));
            note = shown + " was not among the choices when the connector last read them from " + systems
                    + ": it may have been renamed or deleted there. Choose another from the list; until you do, it stays as it is.";
        }
        if (optional && !shown.isEmpty()) {
            options.add(new SettingsForm.Option("", "None", false));
        }
        for (Choice entry : entries) {
            options.add(new SettingsForm.Option(entry.id(), text(entry), entry.id().equals(shown)));
        }
        return new Picked(List.copyOf(options), note);
    }

    /** An entry as a person tells it apart, e.g. "Undeposited Funds — Other current asset". */
    static String text(Choice entry) {
        return entry.detail() == null ? entry.label() : entry.label() + " — " + entry.detail();
    }

    /** Help for a setting typed while its list is still empty. */
    static String waiting(String systems) {
        return "A list to choose from appears here once the connector has read the choices from " + systems
                + ". Until then, type it exactly as it is there.";
    }

    /** Help for a setting typed because its list is too long to offer whole. */
    static String tooLong(String systems) {
        return "There are too many choices in " + systems + " to list here: type it exactly as it is there.";
    }
}
