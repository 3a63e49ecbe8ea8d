package io.beseda.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees and clicks in the operator console, in Debian's Chromium against the whole
 * application. Every test works in a workspace of its own.
 */
@BesedaTest
class ConsoleBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Pattern LOGIN_PAGE = Pattern.compile(".*/login(\\?.*)?$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    TestWorkspaces workspaces;

    @LocalServerPort
    int port;

    @Test
    void signsInAndSeesTheirWorkspace() {
        var tenant = workspaces.create("Ромашка");
        var page = browser.newPage(base());

        signIn(page, tenant.owner().email(), TestWorkspaces.PASSWORD);

        page.waitForURL(base() + "/");
        assertThat(page.locator("header .workspace-name")).hasText("Ромашка");
        assertThat(page.locator("header .who")).containsText(tenant.owner().displayName());
        assertThat(page.locator("main h1")).hasText("Здравствуйте, " + tenant.owner().displayName() + "!");
        assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Настройки").setExact(true))).isVisible();
    }

    @Test
    void wrongPasswordShowsAnErrorAndStaysOnTheSignInPage() {
        var tenant = workspaces.create("Незабудка");
        var page = browser.newPage(base());

        signIn(page, tenant.owner().email(), "not the password");

        page.waitForURL(LOGIN_PAGE);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Неверный e-mail или пароль.");
        assertThat(page.locator("input[name=password]")).isVisible();
        assertThat(page.locator(".topbar")).hasCount(0);
        assertThat(URI.create(page.url()).getPath()).isEqualTo("/login");
    }

    @Test
    void switchesTheSignInPageToEnglish() {
        var tenant = workspaces.create("Василёк");
        var page = browser.newPage(base());
        page.navigate("/login");
        assertThat(page.locator("button[type=submit]")).hasText("Войти");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("button[type=submit]")).hasText("Sign in");
        assertThat(page).hasTitle("Sign in · Беседа");

        signIn(page, tenant.owner().email(), "not the password");

        page.waitForURL(Pattern.compile(".*/login\\?error=bad$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong e-mail or password.");
        assertThat(page.locator("button[type=submit]")).hasText("Sign in");
    }

    @Test
    void issuesAnApiKeyThatWorksUntilItIsRevoked() throws Exception {
        var tenant = workspaces.create("Лютик");
        var page = browser.newPage(base());
        signIn(page, tenant.owner().email(), TestWorkspaces.PASSWORD);
        page.waitForURL(base() + "/");

        nav(page).getByText("Настройки", new Locator.GetByTextOptions().setExact(true)).click();
        page.waitForURL(base() + "/settings/users");
        page.locator("nav.tabs").getByText("API-ключи").click();
        page.waitForURL(base() + "/settings/api-keys");
        assertThat(page.locator("main h1")).hasText("Настройки");

        var name = "Интеграция с CRM";
        page.locator("#issue-key input[name=name]").fill(name);
        page.locator("#issue-key button[type=submit]").click();

        var secret = page.locator("#issued-key code.secret-value");
        assertThat(secret).hasText(Pattern.compile("\\S{20,}"));
        assertThat(page.locator("#issued-key")).containsText("Ключ «" + name + "» создан");
        var key = secret.textContent().strip();
        assertThat(page.locator("tr[data-name='" + name + "']")).containsText("Действует");

        var answer = getWorkspace(key);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(answer.body()).path("slug").asString())
                .isEqualTo(tenant.workspace().slug());

        page.reload();
        assertThat(page.locator("tr[data-name='" + name + "']")).isVisible();
        assertThat(page.locator("#issued-key")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(key);

        var row = page.locator("tr[data-name='" + name + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Отозвать")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Ключ «" + name + "» отозван");
        assertThat(row).containsText("Отозван");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);

        var refused = getWorkspace(key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void adminDisablesAPersonWhoIsThenSignedOut() {
        var tenant = workspaces.create("Ландыш");
        var owner = browser.newPage(base());
        signIn(owner, tenant.owner().email(), TestWorkspaces.PASSWORD);
        owner.waitForURL(base() + "/");
        owner.navigate("/settings/users");

        var email = "marina-" + tenant.unique() + "@shop.example";
        var password = "marina-secret-1";
        addUser(owner, "Марина Петрова", email, Role.OPERATOR, password);

        var row = owner.locator("tr[data-email='" + email + "']");
        assertThat(row).containsText("Марина Петрова");
        assertThat(row).containsText("Активен");
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Сотрудник " + email + " добавлен.");

        // Marina works in two browsers: in one she goes on clicking, in the other she reloads the page.
        var clicking = browser.newPage(base());
        signIn(clicking, email, password);
        clicking.waitForURL(base() + "/");
        assertThat(clicking.locator("header .who")).containsText("Марина Петрова");
        var reloading = browser.newPage(base());
        signIn(reloading, email, password);
        reloading.waitForURL(base() + "/");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Отключить")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Сотрудник " + email + " отключён и больше не может входить.");
        assertThat(row).containsText("Отключён");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Включить"))).isVisible();

        reloading.reload();
        reloading.waitForURL(LOGIN_PAGE);
        assertThat(reloading.getByRole(AriaRole.ALERT)).containsText("Учётная запись отключена");

        // a boosted (htmx) click is answered with HX-Redirect, which must take her to the sign-in page too
        nav(clicking).getByText("Обзор", new Locator.GetByTextOptions().setExact(true)).click();
        clicking.waitForURL(LOGIN_PAGE);
        assertThat(clicking.getByRole(AriaRole.ALERT)).containsText("Учётная запись отключена");

        // and she cannot sign in again
        signIn(reloading, email, password);
        reloading.waitForURL(LOGIN_PAGE);
        assertThat(reloading.getByRole(AriaRole.ALERT)).containsText("Учётная запись отключена");
    }

    @Test
    void hostileNamesAreShownAsText() {
        var tenant = workspaces.create("Колокольчик");
        var page = browser.newPage(base());
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        signIn(page, tenant.owner().email(), TestWorkspaces.PASSWORD);
        page.waitForURL(base() + "/");
        page.navigate("/settings/users");

        var hostile = "<img src=x onerror=alert(1)>";
        var email = "hostile-" + tenant.unique() + "@shop.example";
        addUser(page, hostile, email, Role.ANALYST, "hostile-secret-1");

        var nameCell = page.locator("tr[data-email='" + email + "'] td").first();
        assertThat(nameCell).isVisible();
        assertThat(nameCell.textContent()).isEqualTo(hostile);
        assertThat(page.locator("#users img")).hasCount(0);

        // the person's own console shows the name as text as well
        var theirs = browser.newPage(base());
        theirs.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        signIn(theirs, email, "hostile-secret-1");
        theirs.waitForURL(base() + "/");
        assertThat(theirs.locator("header .who")).containsText(hostile);
        assertThat(theirs.locator("main h1")).hasText("Здравствуйте, " + hostile + "!");
        assertThat(theirs.locator("header img, main img")).hasCount(0);

        assertThat(dialogs).isEmpty();
    }

    @Test
    void operatorDoesNotSeeSettings() {
        var tenant = workspaces.create("Ромашка полевая");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var page = browser.newPage(base());

        signIn(page, operator.email(), TestWorkspaces.PASSWORD);

        page.waitForURL(base() + "/");
        assertThat(page.locator("header .who")).containsText(operator.displayName() + " · Оператор");
        assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Обзор").setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Настройки"))).hasCount(0);
        assertThat(page.locator("main")).not().containsText("Настройки");

        var response = page.navigate("/settings/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("body")).containsText("Для этого раздела недостаточно прав.");
        assertThat(page.locator("#users")).hasCount(0);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static Locator nav(Page page) {
        return page.locator("nav.main-nav");
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("form button[type=submit]").click();
    }

    private static void addUser(Page page, String displayName, String email, Role role, String password) {
        var form = page.locator("#add-user");
        form.locator("[name=displayName]").fill(displayName);
        form.locator("[name=email]").fill(email);
        form.locator("select[name=role]").selectOption(role.name());
        form.locator("[name=password]").fill(password);
        form.locator("button[type=submit]").click();
        assertThat(page.locator("tr[data-email='" + email + "']")).isVisible();
    }

    private HttpResponse<String> getWorkspace(String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/workspace"))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
