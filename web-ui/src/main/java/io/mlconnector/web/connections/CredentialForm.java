package io.mlconnector.web.connections;

import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.connections.ConnectionViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential form of a connector, generated from its spec: one group per system. A secret's
 * value is never put back into the page, neither after saving (only its mask) nor after an error.
 */
public final class CredentialForm {

    /** One field: what to ask, whether something is stored, and the problem with what was typed. */
    public record Input(String key, String label, String help, boolean secret, boolean required, boolean oauth, String value,
                        boolean stored, String shown, String error) {

        public String id() {
            return "credential-" + key;
        }

        public boolean hasError() {
            return error != null;
        }
    }

    /** The fields of one system. */
    public record Group(String systemId, String systemName, boolean viaWebConnector, List<Input> inputs) {
    }

    private CredentialForm() {
    }

    /**
     * @param stored what is stored now (may be empty for a new connection)
     * @param typed  what was just submitted, echoed for plain fields only
     * @param errors problems per field key
     */
    public static List<Group> of(ConnectorSpec spec, List<ConnectionViews.CredentialState> stored, Map<String, String> typed,
                                 Map<String, String> errors) {
        Map<String, ConnectionViews.CredentialState> byKey = new LinkedHashMap<>();
        stored.forEach(state -> byKey.put(state.key(), state));
        return spec.systems().stream().map(system -> group(system, byKey, typed, errors)).toList();
    }

    private static Group group(SystemSpec system, Map<String, ConnectionViews.CredentialState> stored, Map<String, String> typed,
                               Map<String, String> errors) {
        List<Input> inputs = system.credentials().stream().map(field -> input(field, stored.get(field.key()), typed, errors)).toList();
        return new Group(system.id(), system.name(), system.viaWebConnector(), inputs);
    }

    private static Input input(CredentialField field, ConnectionViews.CredentialState state, Map<String, String> typed,
                               Map<String, String> errors) {
        boolean set = state != null && state.set();
        String value = "";
        if (!field.secret()) {
            String given = typed.get(field.key());
            value = given != null ? given : set ? state.shown() : "";
        }
        return new Input(field.key(), field.label(), field.help(), field.secret(), field.required(), field.oauth(), value, set,
                set && field.secret() ? state.shown() : "", errors.get(field.key()));
    }

    /** The submitted values of the spec's credential fields only; anything else in the form is ignored. */
    public static Map<String, String> submitted(ConnectorSpec spec, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CredentialField field : spec.credentialFields()) {
            String value = form.get(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }
}
