package io.mlconnector.platform.ops;

/**
 * Nothing with this id exists for the signed-in tenant. Another tenant's object is reported the
 * same way, so ids of other tenants cannot be probed.
 */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
