package io.mlconnector.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser without the browser: keeps cookies (session and CSRF), reads the CSRF token
 * out of the page's hidden field and posts forms the way a browser does. Redirects are not followed,
 * so tests see them.
 */
public final class WebSession {

    public static final String PASSWORD = "a long enough password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String base;
    private final HttpClient http;
    private String csrfToken = "";
    private final java.util.List<HttpResponse<String>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String email;

    public WebSession(String base) {
        this.base = base;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs up a new company through the sign-up form; the session is then signed in as its owner. */
    public static WebSession signUp(String base, String company) {
        return signUp(base, company, PASSWORD);
    }

    /** As {@link #signUp(String, String)}, with the owner's own password. */
    public static WebSession signUp(String base, String company, String password) {
        WebSession session = new WebSession(base);
        session.get("/sign-up");
        session.email = "person" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> response = session.post("/sign-up", Map.of("companyName", company, "name", "Owner of " + company,
                "email", session.email, "password", password));
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("Sign-up failed: " + response.statusCode() + " " + response.body());
        }
        return session;
    }

    /** Every answer this session received, in order. */
    public java.util.List<HttpResponse<String>> answers() {
        return java.util.List.copyOf(answers);
    }

    public String email() {
        return email;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        remember(response.body());
        return response;
    }

    /** Posts a form with this page's CSRF token, as a browser submitting the form would. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrfToken", csrfToken);
        return postRaw(path, withToken);
    }

    /** Posts exactly these fields, e.g. a forged form without a token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(response.body());
        return response;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // A page that fails to render must fail the test, not hang it.
            HttpResponse<String> answer = http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /** The path a redirect points to. */
    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode()));
    }

    /** The first group of a pattern in a page, or a failed assertion showing the page. */
    public static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("Not found: " + regex + "\n" + html);
        }
        return matcher.group(1);
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher matcher = CSRF.matcher(body);
        if (matcher.find() && !matcher.group(1).isEmpty()) {
            csrfToken = matcher.group(1);
        }
    }
}
