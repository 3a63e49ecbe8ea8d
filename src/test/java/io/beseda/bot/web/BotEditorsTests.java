package io.beseda.bot.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys are admins today; should a key ever carry a lesser role, the bot's API must answer it 403, not 500. */
class BotEditorsTests {

    @Test
    void refusesApiWritesToRolesThatDoNotConfigureTheShop() {
        for (var role : Role.values()) {
            var actor = new Actor(WorkspaceId.random(), Actor.Kind.API_KEY, UUID.randomUUID(), "key", role);
            if (role == Role.OWNER || role == Role.ADMIN || role == Role.MARKETER) {
                assertThatCode(() -> BotEditors.checkApi(actor)).as(role.name()).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> BotEditors.checkApi(actor)).as(role.name()).isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
            }
        }
    }
}
