package io.mlconnector.web.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright, never a browser Playwright would download. Pages
 * are photographed as test artefacts under {@code target/screenshots}, at laptop and phone sizes.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
        screenshots = Paths.get(System.getProperty("ml.journey.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(screenshots);
            try (var old = Files.list(screenshots)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith("timed-out")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code @EnabledIf}: the journey needs Debian's Chromium. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    public static Browser start() {
        return new Browser();
    }

    /** A fresh person: own cookies, a laptop-sized window, downloads and the clipboard allowed. */
    public BrowserContext person(String base) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setAcceptDownloads(true).setLocale("en-GB").setTimezoneId("Europe/London"));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(base));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** The whole page as a PNG under the screenshots folder. */
    public Path photograph(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The same page at a phone's width. */
    public Path photographOnPhone(Page page, String name) {
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        try {
            return photograph(page, name + "-phone");
        } finally {
            page.setViewportSize(size.width, size.height);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
