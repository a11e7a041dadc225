package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every page tells the browser to refuse framing, sniffing, foreign and inline script, and keeps to that policy itself. */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("(\\sstyle\\s*=|<style)", Pattern.CASE_INSENSITIVE);

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    @Test
    void pagesCarryTheSecurityHeadersAndHoldNothingTheirPolicyForbids() {
        String base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
        Company acme = Company.signUp(base, "Headers Ltd");
        WebSession owner = acme.session();
        WebSession visitor = new WebSession(base);
        List<HttpResponse<String>> pages = List.of(visitor.get("/"), visitor.get("/sign-in"), visitor.get("/sign-up"),
                owner.get("/app"), owner.get("/app/connectors"), owner.get(acme.connectionPath()),
                owner.get(acme.connectionPath() + "/settings"), owner.get("/app/activity"), owner.get("/app/audit"),
                owner.get("/app/connections/00000000-0000-0000-0000-000000000000"));
        for (HttpResponse<String> page : pages) {
            String where = page.uri().getPath() + " (" + page.statusCode() + ")";
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), where);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), where + ": " + policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), where + ": " + policy);
            assertTrue(policy.contains("default-src 'self'"), where + ": " + policy);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""), where);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""), where);
            assertFalse(INLINE_SCRIPT.matcher(page.body()).find(), where + " has an inline script the policy would block");
            assertFalse(INLINE_HANDLER.matcher(page.body()).find(), where + " has an inline event handler the policy would block");
            assertFalse(INLINE_STYLE.matcher(page.body()).find(), where + " has an inline style the policy would block");
        }
        HttpResponse<String> script = visitor.get("/static/app.js");
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
}
