package io.beseda.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class SignInTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Users users;

    @Test
    void signsInAndLandsOnTheStartPageOfTheirWorkspace() {
        var tenant = workspaces.create("Цветы у дома");
        var browser = Http.console(port);

        var signIn = browser.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).endsWith("/");

        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Цветы у дома", tenant.owner().displayName(), "Настройки");
        assertThat(users.get(tenant.workspace().id(), tenant.owner().id()).lastLoginAt()).isNotNull();
    }

    @Test
    void signingInIgnoresTheCaseOfTheEmail() {
        var tenant = workspaces.create("Регистр");

        var signIn = Http.console(port).signIn(tenant.owner().email().toUpperCase(), TestWorkspaces.PASSWORD);

        assertThat(location(signIn)).endsWith("/");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        var tenant = workspaces.create("Неверный пароль");
        var browser = Http.console(port);

        var signIn = browser.signIn(tenant.owner().email(), "not the password");

        assertThat(location(signIn)).endsWith("/login?error=bad");
        assertThat(browser.get("/login?error=bad").body()).contains("Неверный e-mail или пароль.");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        var signIn = Http.console(port).signIn("nobody-" + System.nanoTime() + "@shop.example", "whatever-password");

        assertThat(location(signIn)).endsWith("/login?error=bad");
    }

    @Test
    void signInPageSpeaksEnglishOnRequest() {
        var browser = Http.console(port);

        assertThat(browser.get("/login").body()).contains("Войти");
        assertThat(browser.get("/login?lang=en").body()).contains("Sign in");
        assertThat(browser.get("/login?error=bad").body()).contains("Wrong e-mail or password.");
    }

    @Test
    void disabledPersonCannotSignIn() {
        var tenant = workspaces.create("Отключённые");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        users.setEnabled(tenant.workspace().id(), operator.id(), false,
                Actor.system(tenant.workspace().id(), "test"));

        var signIn = Http.console(port).signIn(operator.email(), TestWorkspaces.PASSWORD);

        assertThat(location(signIn)).endsWith("/login?error=disabled");
    }

    @Test
    void disablingSomeoneEndsTheirOpenSession() {
        var tenant = workspaces.create("Сессии");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var browser = Http.console(port);
        browser.signIn(operator.email(), TestWorkspaces.PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        users.setEnabled(tenant.workspace().id(), operator.id(), false, Actor.system(tenant.workspace().id(), "test"));

        var next = browser.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).endsWith("/login?error=disabled");
    }

    @Test
    void repeatedFailuresLockTheLoginEvenForTheRightPassword() {
        var tenant = workspaces.create("Подбор пароля");
        var browser = Http.console(port);
        for (int i = 0; i < 5; i++) {
            assertThat(location(browser.signIn(tenant.owner().email(), "guess-" + i))).endsWith("error=bad");
        }

        var signIn = browser.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        assertThat(location(signIn)).contains("/login?error=locked&minutes=");
        assertThat(browser.get(location(signIn).replaceFirst("^https?://[^/]+", "")).body())
                .contains("Слишком много неудачных попыток входа");
    }

    @Test
    void operatorsCannotOpenSettings() {
        var tenant = workspaces.create("Права");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var browser = Http.console(port);
        browser.signIn(operator.email(), TestWorkspaces.PASSWORD);

        assertThat(browser.get("/").body()).doesNotContain("/settings/users");
        assertThat(browser.get("/settings/users").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        var tenant = workspaces.create("Выход");
        var browser = Http.console(port);
        browser.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var signOut = browser.submit("/", "/logout", java.util.Map.of());

        assertThat(location(signOut)).endsWith("/login?logout");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void consoleFormsWithoutTheCsrfTokenAreRefused() {
        var tenant = workspaces.create("CSRF");
        var browser = Http.console(port);
        browser.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var forged = browser.post("/settings/api-keys", java.util.Map.of("name", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/settings/api-keys").body()).doesNotContain("forged");
    }
}
