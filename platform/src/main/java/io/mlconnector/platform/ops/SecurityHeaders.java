package io.mlconnector.platform.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that make the browser refuse what the pages never do: run script or load anything from
 * another origin, run inline script (the pages have none; one added later needs a nonce), be framed
 * by another site (click-jacking), guess a content type, or tell other sites which page linked to
 * them (page addresses carry connection ids). Not no-referrer: with it browsers send {@code Origin: null}
 * on form posts, which the CORS check refuses.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    @ResponseFilter
    public void addTo(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        boolean html = response.getContentType().map(type -> type.getName().equals(MediaType.TEXT_HTML)).orElse(false);
        if (html) {
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
    }

    @Override
    public int getOrder() {
        // Last on the way out, so pages rendered by any filter or error handler get them too.
        return HIGHEST_PRECEDENCE;
    }
}
