package io.mlconnector.web.support;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import io.mlconnector.web.pages.Page;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Answers {@link PageNotFound} with the HTML "not found" page, never with JSON. Error answers skip
 * the views filter, so the page is rendered here.
 */
@Produces(MediaType.TEXT_HTML)
@Singleton
public class PageErrors implements ExceptionHandler<PageNotFound, HttpResponse<?>> {

    private final Page page;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    public PageErrors(Page page, ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.page = page;
        this.views = views;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, PageNotFound exception) {
        @SuppressWarnings("unchecked")
        HttpRequest<?> typed = request;
        Writable rendered = views.render("not-found", page.model(typed, "Page not found"), typed);
        StringWriter html = new StringWriter();
        try {
            rendered.writeTo(html);
        } catch (IOException e) {
            throw new IllegalStateException("The not-found page could not be rendered", e);
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }
}
