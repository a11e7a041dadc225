package io.mlconnector.systems.freshbooks;

/**
 * FreshBooks refused a request for a reason retrying will not fix (4xx other than 401 and 429). The
 * message is FreshBooks' own error text, which names fields and never carries credentials.
 */
public class FreshBooksException extends RuntimeException {

    private final int status;

    public FreshBooksException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
