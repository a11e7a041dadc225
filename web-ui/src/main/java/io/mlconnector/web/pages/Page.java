package io.mlconnector.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.mlconnector.web.security.CsrfCookieFilter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Builds the model every page gets: its title, the CSRF token for its forms, and its own values. */
@Singleton
public class Page {

    private final CsrfConfiguration csrf;

    public Page(CsrfConfiguration csrf) {
        this.csrf = csrf;
    }

    public Map<String, Object> model(HttpRequest<?> request, String title, Object... keyValues) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("csrfField", csrf.getFieldName());
        model.put("csrfToken", CsrfCookieFilter.tokenOf(request, csrf));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        return model;
    }
}
