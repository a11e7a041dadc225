package io.mlconnector.systems.qbd.lists;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.PickLists;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;

import java.util.ArrayList;
import java.util.List;

/**
 * Which settings name a QuickBooks object that is not in the list QuickBooks last gave for them:
 * a default nobody chose (e.g. a clearing account never created), or an account deleted or made
 * inactive since it was chosen. The platform only checks values as they are chosen; postings
 * naming a missing object would be refused, so "Test connection" says so first. A list that is
 * still empty (not read yet, or nothing of that kind) proves nothing and is skipped.
 */
public final class SettingsInBooks {

    private final ConnectorSpec spec;

    public SettingsInBooks(ConnectorSpec spec) {
        this.spec = spec;
    }

    /** One sentence per setting whose value QuickBooks does not offer for it. */
    public List<String> problems(ConnectorContext ctx) {
        List<String> problems = new ArrayList<>();
        PickLists lists = ctx.pickLists();
        for (SettingField field : spec.settings()) {
            if (field.pickList() == null) {
                continue;
            }
            String value = ctx.settings().get(field.key()).orElse(field.defaultValue());
            if (value == null || value.isBlank() || lists.size(field.pickList()) == 0) {
                continue;
            }
            if (!offered(lists, field.pickList(), value.strip())) {
                problems.add(field.label() + ": QuickBooks has no active \"" + value.strip() + "\" of the kind "
                        + "this setting needs. Create it in QuickBooks or choose one from the list in the settings.");
            }
        }
        return problems;
    }

    /** QuickBooks compares names without regard to case, and so does this. */
    private static boolean offered(PickLists lists, String list, String value) {
        return lists.find(list, value).isPresent()
                || lists.search(list, value, 50).stream().anyMatch(c -> c.id().equalsIgnoreCase(value));
    }
}
