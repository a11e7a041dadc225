package io.mlconnector.testkit.freshbooks;

/** A refusal the fake answers the way FreshBooks does: a status and {@code response.errors[]}. */
final class FbError extends RuntimeException {

    final int status;
    final String field;

    FbError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static FbError notFound(String what) {
        return new FbError(404, null, "The requested resource was not found. (" + what + ")");
    }

    static FbError invalid(String field, String message) {
        return new FbError(422, field, message);
    }
}
