package io.mlconnector.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;

/**
 * Makes sure every page that may hold a form has a CSRF token: the first GET issues one in a cookie
 * (double-submit pattern), and pages put the same value into a hidden field. Micronaut Security's
 * CSRF filter then refuses any form post whose field does not match the cookie.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfCookieFilter implements Ordered {

    static final String ATTRIBUTE = "ml.csrf.issued";

    private final CsrfConfiguration configuration;
    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final boolean secure;

    public CsrfCookieFilter(CsrfConfiguration configuration, CsrfTokenGenerator<HttpRequest<?>> generator,
                            @io.micronaut.context.annotation.Value("${ml.secure-cookies:false}") boolean secure) {
        this.configuration = configuration;
        this.generator = generator;
        this.secure = secure;
    }

    @RequestFilter
    public void issue(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET && request.getCookies().findCookie(configuration.getCookieName()).isEmpty()) {
            request.setAttribute(ATTRIBUTE, generator.generateCsrfToken(request));
        }
    }

    @ResponseFilter
    public void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(configuration.getCookieName(), token).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Strict)));
    }

    /** The token for this request's forms: the one just issued, else the one the browser sent. */
    public static String tokenOf(HttpRequest<?> request, CsrfConfiguration configuration) {
        return request.getAttribute(ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue))
                .orElse("");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
