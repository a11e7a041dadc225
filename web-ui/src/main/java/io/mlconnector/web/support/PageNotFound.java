package io.mlconnector.web.support;

/**
 * A page's object does not exist for the signed-in tenant. Another tenant's connection or record
 * is reported the same way, so its ids cannot be probed; the person sees the "not found" page.
 */
public class PageNotFound extends RuntimeException {

    public PageNotFound() {
        super("Page not found", null, false, false);
    }
}
