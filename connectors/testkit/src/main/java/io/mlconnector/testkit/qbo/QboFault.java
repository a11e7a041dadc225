package io.mlconnector.testkit.qbo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of the fake, in the shapes QuickBooks Online uses: entity calls answer
 * {@code {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"},"time"}}; the gateway's
 * 401 and 429 answers use lower-case names ({@code fault/error/message}).
 */
final class QboFault extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String detail;
    final boolean gatewayStyle;

    private QboFault(int status, String type, String code, String message, String detail, boolean gatewayStyle) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.detail = detail;
        this.gatewayStyle = gatewayStyle;
    }

    static QboFault validation(String code, String message, String detail) {
        return new QboFault(400, "ValidationFault", code, message, detail, false);
    }

    static QboFault staleObject() {
        return validation("5010", "Stale Object Error",
                "Stale Object Error : You and QuickBooks User were working on this at the same time. QuickBooks User finished before you did, so your work was not saved.");
    }

    static QboFault notFound(String entity, String id) {
        return validation("610", "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (" + entity + " " + id + ")");
    }

    static QboFault duplicateName() {
        return validation("6240", "Duplicate Name Exists Error", "The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.");
    }

    static QboFault deposited() {
        return validation("6540", "Deposited Transaction cannot be changed", "This transaction has been deposited. If you want to change or delete it, you must edit the deposit it appears on and remove it first.");
    }

    static QboFault queryParser(String detail) {
        return validation("4000", "Error parsing query", "QueryParserError: " + detail);
    }

    static QboFault unauthorized() {
        return new QboFault(401, "AUTHENTICATION", "3200", "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                "Token expired or revoked", true);
    }

    static QboFault forbidden() {
        return new QboFault(403, "AUTHORIZATION", "3100", "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                "The token is not authorised for this company", true);
    }

    static QboFault throttled() {
        return new QboFault(429, "SERVICE", "3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                "The request limit was reached.", true);
    }

    static QboFault serverError(int status) {
        return new QboFault(status, "SystemFault", "10000", "An application error has occurred while processing your request",
                "System Failure Error: An unexpected error occurred", false);
    }

    ObjectNode body(String time) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode fault = root.putObject(gatewayStyle ? "fault" : "Fault");
        ArrayNode errors = fault.putArray(gatewayStyle ? "error" : "Error");
        ObjectNode error = errors.addObject();
        error.put(gatewayStyle ? "message" : "Message", getMessage());
        error.put(gatewayStyle ? "detail" : "Detail", detail);
        error.put("code", code);
        error.put("element", "");
        fault.put("type", type);
        root.put("time", time);
        return root;
    }
}
