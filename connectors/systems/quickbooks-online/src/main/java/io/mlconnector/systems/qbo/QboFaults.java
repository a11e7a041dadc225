package io.mlconnector.systems.qbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code Fault} of an answer. Entity calls spell it {@code Fault/Error/Message}; the
 * gateway's 401 and 429 answers spell it {@code fault/error/message}; both are read.
 */
final class QboFaults {

    private QboFaults() {
    }

    static List<QboFault> of(JsonObject answer) {
        List<QboFault> faults = new ArrayList<>();
        JsonElement faultElement = QboJson.either(answer, "Fault", "fault");
        if (faultElement == null || !faultElement.isJsonObject()) {
            return faults;
        }
        JsonObject fault = faultElement.getAsJsonObject();
        String type = text(QboJson.either(fault, "type"));
        for (JsonElement e : QboJson.array(QboJson.either(fault, "Error", "error"))) {
            if (e.isJsonObject()) {
                JsonObject error = e.getAsJsonObject();
                faults.add(new QboFault(type,
                        text(QboJson.either(error, "code")),
                        text(QboJson.either(error, "Message", "message")),
                        text(QboJson.either(error, "Detail", "detail")),
                        text(QboJson.either(error, "element"))));
            }
        }
        return faults;
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
