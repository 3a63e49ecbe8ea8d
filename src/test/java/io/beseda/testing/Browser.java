package io.beseda.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real Chromium for tests that click through the console as a person would. Register it on a test
 * class with {@code @RegisterExtension static final Browser browser = new Browser();}: it starts
 * Playwright and Debian's Chromium once for the class, gives each test fresh contexts (own cookies, own
 * session) and closes them after the test, keeping a screenshot of every open page when the test failed.
 *
 * <p>Playwright never downloads a browser of its own here: the machine's Chromium is used, at
 * {@code /usr/bin/chromium} or wherever {@value #CHROMIUM_ENV} points. Without it the tests fail, they
 * are not skipped.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String CHROMIUM_ENV = "BESEDA_CHROMIUM";

    private static final Path DEFAULT_CHROMIUM = Paths.get("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic");

    /** Actions and navigations give up after this long; assertions keep Playwright's own default. */
    private static final double TIMEOUT_MILLIS = 15_000;

    private static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

    private @Nullable Playwright playwright;
    private com.microsoft.playwright.@Nullable Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        var executable = chromiumExecutable();
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable + ". The browser tests drive Debian's "
                    + "chromium: install it with 'apt-get update && apt-get install -y chromium', or point "
                    + CHROMIUM_ENV + " at a Chromium binary. Playwright must not download a browser of its own.");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(ARGS));
        } catch (RuntimeException e) {
            playwright.close();
            playwright = null;
            throw e;
        }
    }

    /** A fresh browser profile (cookies, storage) whose relative URLs resolve against {@code baseUrl}. */
    public BrowserContext newContext(String baseUrl) {
        if (chromium == null) {
            throw new IllegalStateException("Register Browser with @RegisterExtension on a static field");
        }
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("ru-RU")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        contexts.add(context);
        return context;
    }

    /** A page in a fresh context: one person at one browser. */
    public Page newPage(String baseUrl) {
        return newContext(baseUrl).newPage();
    }

    /** A fresh page of someone signed in to the console (with the test password), on the overview. */
    public Page signedIn(String baseUrl, String email) {
        var page = newPage(baseUrl);
        signIn(page, email);
        return page;
    }

    /** Signs in on {@code page} with the test password and waits for the overview. */
    public static void signIn(Page page, String email) {
        page.navigate("/login");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(TestWorkspaces.PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isPresent()) {
                keepScreenshots(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    private void keepScreenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (var browserContext : contexts) {
            for (var page : browserContext.pages()) {
                n++;
                try {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(SCREENSHOTS.resolve(name + "-" + n + ".png")));
                } catch (RuntimeException ignored) {
                    // a page that cannot be pictured must not hide the test's own failure
                }
            }
        }
    }

    private static Path chromiumExecutable() {
        var override = System.getenv(CHROMIUM_ENV);
        return override == null || override.isBlank() ? DEFAULT_CHROMIUM : Paths.get(override);
    }
}
