package io.beseda.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that keep a workspace manageable, whoever tries to break them. */
@BesedaTest
class UsersTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Users users;

    @Test
    void theLastOwnerCanBeNeitherDemotedNorDisabled() {
        var tenant = workspaces.create("Последний владелец");
        var owner = new Actor(tenant.workspace().id(), Actor.Kind.USER, tenant.owner().id().value(), "o", Role.OWNER);
        var admin = workspaces.addUser(tenant, Role.ADMIN);
        var id = tenant.workspace().id();

        assertThatThrownBy(() -> users.changeRole(id, tenant.owner().id(), Role.ADMIN, owner))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one enabled owner");
        assertThatThrownBy(() -> users.setEnabled(id, tenant.owner().id(), false, Actor.system(id, "t")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one enabled owner");

        users.changeRole(id, admin.id(), Role.OWNER, owner);
        users.changeRole(id, tenant.owner().id(), Role.ADMIN, owner);
        assertThat(users.get(id, tenant.owner().id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void onlyAnOwnerMakesOrUnmakesOwners() {
        var tenant = workspaces.create("Только владелец");
        var id = tenant.workspace().id();
        var admin = workspaces.addUser(tenant, Role.ADMIN);
        var asAdmin = new Actor(id, Actor.Kind.USER, admin.id().value(), "a", Role.ADMIN);
        var operator = workspaces.addUser(tenant, Role.OPERATOR);

        assertThatThrownBy(() -> users.changeRole(id, operator.id(), Role.OWNER, asAdmin))
                .isInstanceOf(RuleViolationException.class).extracting("code").isEqualTo("user.owner.only");
        assertThatThrownBy(() -> users.setEnabled(id, tenant.owner().id(), false, asAdmin))
                .isInstanceOf(RuleViolationException.class).extracting("code").isEqualTo("user.owner.only");
        assertThat(users.changeRole(id, operator.id(), Role.MARKETER, asAdmin).role()).isEqualTo(Role.MARKETER);
    }

    @Test
    void nobodyDisablesThemselves() {
        var tenant = workspaces.create("Сам себя");
        var id = tenant.workspace().id();
        var admin = workspaces.addUser(tenant, Role.ADMIN);
        var asAdmin = new Actor(id, Actor.Kind.USER, admin.id().value(), "a", Role.ADMIN);

        assertThatThrownBy(() -> users.setEnabled(id, admin.id(), false, asAdmin))
                .isInstanceOf(RuleViolationException.class).extracting("code").isEqualTo("user.disable.self");
    }

    @Test
    void anEmailSignsInToOneWorkspaceOnly() {
        var first = workspaces.create("Первый");
        var second = workspaces.create("Второй");

        assertThatThrownBy(() -> users.add(second.workspace().id(),
                new NewUser(first.owner().email().toUpperCase(), "Двойник", Role.OPERATOR, TestWorkspaces.PASSWORD),
                Actor.system(second.workspace().id(), "t")))
                .isInstanceOf(RuleViolationException.class).extracting("code").isEqualTo("user.email.taken");
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        var tenant = workspaces.create("Хэши");

        var stored = users.credentials(tenant.owner().email()).orElseThrow().passwordHash();

        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(TestWorkspaces.PASSWORD);
    }

    @Test
    void aUserOfAnotherWorkspaceIsNotFound() {
        var mine = workspaces.create("Мой");
        var theirs = workspaces.create("Чужой");

        assertThatThrownBy(() -> users.get(mine.workspace().id(), theirs.owner().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.setEnabled(mine.workspace().id(), theirs.owner().id(), false,
                Actor.system(mine.workspace().id(), "t"))).isInstanceOf(NotFoundException.class);
        assertThat(users.get(theirs.workspace().id(), theirs.owner().id()).enabled()).isTrue();
    }
}
