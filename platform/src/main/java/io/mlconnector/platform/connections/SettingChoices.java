package io.mlconnector.platform.connections;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.sync.PickListStore;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The values a connection's settings may take from its connector's pick lists (e.g. the accounts
 * QuickBooks has), for the settings form, and the check that a newly chosen value is one of them.
 */
@Singleton
public class SettingChoices {

    /** More entries than a form can usefully offer in one list; beyond it the form takes typed text. */
    public static final int MAX_OFFERED = 1000;

    private final TenantTransactions transactions;
    private final PickListStore pickLists;

    public SettingChoices(TenantTransactions transactions, PickListStore pickLists) {
        this.transactions = transactions;
        this.pickLists = pickLists;
    }

    /** For each setting offering a pick list that has entries: the entries, by label. */
    public Map<String, List<Choice>> offered(UUID tenantId, UUID connectionId, ConnectorSpec spec) {
        Map<String, List<Choice>> offered = new LinkedHashMap<>();
        if (spec == null) {
            return offered;
        }
        transactions.read(tenantId, () -> {
            for (SettingField field : spec.settings()) {
                if (field.pickList() != null) {
                    List<Choice> entries = pickLists.first(connectionId, field.pickList(), MAX_OFFERED + 1);
                    if (!entries.isEmpty() && entries.size() <= MAX_OFFERED) {
                        offered.put(field.key(), entries);
                    }
                }
            }
            return null;
        });
        return offered;
    }

    /**
     * Problems with newly chosen values: a value that changed must be one of its pick list's entries
     * while that list has any. An unchanged value is left alone, even if it left the list since.
     */
    public Map<String, String> problems(UUID tenantId, UUID connectionId, ConnectorSpec spec, Map<String, String> given,
                                        Map<String, String> current) {
        Map<String, String> problems = new LinkedHashMap<>();
        transactions.read(tenantId, () -> {
            given.forEach((key, raw) -> {
                SettingField field = spec.setting(key).orElse(null);
                String value = raw == null ? "" : raw.trim();
                if (field == null || field.pickList() == null || value.isEmpty() || value.equals(current.get(key))) {
                    return;
                }
                if (pickLists.size(connectionId, field.pickList()) > 0
                        && pickLists.find(connectionId, field.pickList(), value).isEmpty()) {
                    problems.put(key, field.label() + ": '" + value + "' is not one of those offered. Choose one from the list.");
                }
            });
            return null;
        });
        return problems;
    }
}
