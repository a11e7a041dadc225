package io.mlconnector.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.csrf.CsrfConfiguration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the CSRF field of a form post before any other filter runs and keeps it on the request, so
 * the CSRF check needs no asynchronous body reading. Micronaut 4.10 with Micronaut Security's
 * body-reading CSRF resolver resumes the filter chain with an empty result now and then (a
 * NullPointerException in its bridge for older filters, or an empty 503); reading the field here,
 * on a worker thread, and resolving it synchronously avoids that path altogether.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = FormFields.PAGES,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
public class FormFields implements Ordered {

    /** Everything people post forms to; machine endpoints (API, webhooks, Web Connector) never pay the thread hop. */
    static final String PAGES = "^(?!/api/|/webhooks/|/qbwc|/static/|/health|/prometheus).*$";


    static final String TOKEN_ATTRIBUTE = "ml.csrf.field";
    /** A form whose body takes longer than this to arrive is treated as having no token. */
    static final long BODY_WAIT_SECONDS = 30;

    private final CsrfConfiguration csrf;

    public FormFields(CsrfConfiguration csrf) {
        this.csrf = csrf;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public MutableHttpResponse<?> readToken(HttpRequest<?> request, FilterContinuation<MutableHttpResponse<?>> chain)
            throws InterruptedException {
        if (isForm(request) && request instanceof ServerHttpRequest<?> server) {
            // A split copy is read; the request keeps its own body for the controller.
            try (CloseableAvailableByteBody copy = server.byteBody().split().buffer().get(BODY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                field(new String(copy.toByteArray(), StandardCharsets.UTF_8), csrf.getFieldName())
                        .ifPresent(token -> request.setAttribute(TOKEN_ATTRIBUTE, token));
            } catch (ExecutionException | TimeoutException e) {
                // No token: the CSRF filter refuses the post.
            }
        }
        return chain.proceed();
    }

    /** The token read from this request's form, if any. */
    static Optional<String> token(HttpRequest<?> request) {
        return request.getAttribute(TOKEN_ATTRIBUTE, String.class);
    }

    static boolean isForm(HttpRequest<?> request) {
        return request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD
                && request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::equals).orElse(false);
    }

    /** The first value of a field in an application/x-www-form-urlencoded body. */
    static Optional<String> field(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
