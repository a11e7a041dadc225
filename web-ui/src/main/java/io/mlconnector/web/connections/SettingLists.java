package io.mlconnector.web.connections;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.connections.SettingChoices;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.sync.PickListStore;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the pick lists behind a connection's settings offer right now, for its settings form. */
@Singleton
public class SettingLists {

    /**
     * @param entries  for each setting whose list can be offered whole: its entries, by label
     * @param tooLong  settings whose list has more entries than a form can offer
     * @param systems  where the lists come from, in words, for a setting that does not name its list's
     *                 system: the connector's systems, e.g. "Test Pay or Test Desktop Books"
     * @param systemNames the connector's systems' names by id, for settings that name their list's system
     */
    public record Offered(Map<String, List<Choice>> entries, Set<String> tooLong, String systems,
                          Map<String, String> systemNames) {

        public Offered {
            entries = Map.copyOf(entries);
            tooLong = Set.copyOf(tooLong);
            systemNames = Map.copyOf(systemNames);
        }

        /** No lists and nothing to say about them, e.g. for a connection still being created. */
        public static Offered none() {
            return new Offered(Map.of(), Set.of(), "", Map.of());
        }

        /** Where a setting's choices come from, in words. */
        public String systemOf(SettingField field) {
            String named = field.pickListSystem() == null ? null : systemNames.get(field.pickListSystem());
            return named != null ? named : systems;
        }

        /** Whether to say, beside a setting typed for want of a list, why it is typed. */
        public boolean explains() {
            return !systems.isEmpty();
        }

        public List<Choice> of(String settingKey) {
            return entries.getOrDefault(settingKey, List.of());
        }
    }

    private final SettingChoices choices;
    private final TenantTransactions transactions;
    private final PickListStore pickLists;

    public SettingLists(SettingChoices choices, TenantTransactions transactions, PickListStore pickLists) {
        this.choices = choices;
        this.transactions = transactions;
        this.pickLists = pickLists;
    }

    public Offered of(UUID tenantId, UUID connectionId, ConnectorSpec spec) {
        Map<String, List<Choice>> entries = choices.offered(tenantId, connectionId, spec);
        // A list that is absent is empty or too long to offer; only an empty one is worth waiting for.
        Set<String> tooLong = transactions.read(tenantId, () -> {
            Set<String> found = new HashSet<>();
            for (SettingField field : spec.settings()) {
                if (field.pickList() != null && !entries.containsKey(field.key())
                        && pickLists.size(connectionId, field.pickList()) > SettingChoices.MAX_OFFERED) {
                    found.add(field.key());
                }
            }
            return found;
        });
        Map<String, String> names = new java.util.HashMap<>();
        spec.systems().forEach(system -> names.put(system.id(), system.name()));
        return new Offered(entries, tooLong, systems(spec), names);
    }

    static String systems(ConnectorSpec spec) {
        List<String> names = spec.systems().stream().map(SystemSpec::name).toList();
        return names.isEmpty() ? "the connected system" : names.stream().collect(Collectors.joining(" or "));
    }
}
