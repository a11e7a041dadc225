package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A bill-to contact. Zuora requires a first and last name; everything else may be null. */
public record ZuoraContact(String firstName, String lastName, String workEmail, String address1, String city,
                           String state, String zipCode, String country) {

    public ZuoraContact {
        firstName = orDash(firstName);
        lastName = orDash(lastName);
    }

    /** A contact named after a company when the books know no person. */
    public static ZuoraContact named(String name) {
        String trimmed = name == null ? "" : name.trim();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new ZuoraContact(trimmed, trimmed, null, null, null, null, null, null)
                : new ZuoraContact(trimmed.substring(0, space), trimmed.substring(space + 1), null, null, null, null, null, null);
    }

    ObjectNode json() {
        ObjectNode node = ZuoraJson.object();
        node.put("firstName", firstName);
        node.put("lastName", lastName);
        putIf(node, "workEmail", workEmail);
        putIf(node, "address1", address1);
        putIf(node, "city", city);
        putIf(node, "state", state);
        putIf(node, "zipCode", zipCode);
        putIf(node, "country", country);
        return node;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value.trim();
    }
}
