package io.mlconnector.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.people.PersonRepository;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.platform.tenancy.TenantRepository;
import io.mlconnector.web.security.CsrfCookieFilter;
import io.mlconnector.web.support.Formats;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the model every page gets: its title, the CSRF token for its forms, and its own values.
 * Signed-in pages also get the person, the company and which part of the navigation is current.
 */
@Singleton
public class Page {

    private final CsrfConfiguration csrf;
    private final TenantTransactions transactions;
    private final PersonRepository people;
    private final TenantRepository tenants;
    private final Formats formats;

    public Page(CsrfConfiguration csrf, TenantTransactions transactions, PersonRepository people, TenantRepository tenants,
                Formats formats) {
        this.csrf = csrf;
        this.transactions = transactions;
        this.people = people;
        this.tenants = tenants;
        this.formats = formats;
    }

    public Map<String, Object> model(HttpRequest<?> request, String title, Object... keyValues) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("csrfField", csrf.getFieldName());
        model.put("csrfToken", CsrfCookieFilter.tokenOf(request, csrf));
        model.put("section", "");
        model.put("fmt", formats);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        return model;
    }

    /** The model of a page for a signed-in person; {@code section} marks the current navigation entry. */
    public Map<String, Object> signedIn(HttpRequest<?> request, Authentication authentication, String title, String section,
                                        Object... keyValues) {
        Map<String, Object> model = model(request, title, keyValues);
        CurrentTenant current = CurrentTenant.of(authentication);
        transactions.read(current.tenantId(), () -> {
            people.find(current.userId()).ifPresent(person -> model.put("me", person));
            tenants.current().ifPresent(tenant -> model.put("tenant", tenant));
            return null;
        });
        model.put("section", section);
        model.put("isOwner", current.isOwner());
        return model;
    }
}
