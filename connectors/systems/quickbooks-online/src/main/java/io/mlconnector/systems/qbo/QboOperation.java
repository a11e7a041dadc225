package io.mlconnector.systems.qbo;

import java.util.Locale;

/** What happened to an object, as both webhook payloads name it. */
public enum QboOperation {
    CREATE("Create", "created"),
    UPDATE("Update", "updated"),
    DELETE("Delete", "deleted"),
    MERGE("Merge", "merged"),
    VOID("Void", "voided"),
    EMAILED("Emailed", "emailed"),
    OTHER("Other", "other");

    private final String legacyName;
    private final String cloudEventVerb;

    QboOperation(String legacyName, String cloudEventVerb) {
        this.legacyName = legacyName;
        this.cloudEventVerb = cloudEventVerb;
    }

    public String legacyName() {
        return legacyName;
    }

    public String cloudEventVerb() {
        return cloudEventVerb;
    }

    static QboOperation fromLegacy(String name) {
        for (QboOperation op : values()) {
            if (op.legacyName.equalsIgnoreCase(name)) {
                return op;
            }
        }
        return OTHER;
    }

    static QboOperation fromCloudEvent(String verb) {
        String v = verb == null ? "" : verb.toLowerCase(Locale.ROOT);
        for (QboOperation op : values()) {
            if (op.cloudEventVerb.equals(v)) {
                return op;
            }
        }
        return OTHER;
    }
}
