package io.beseda.workspace.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People who sign in to the console")
class UsersApiController {

    private final Users users;

    UsersApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "All users of the workspace")
    List<UserView> list(Actor actor) {
        return users.list(actor.workspaceId()).stream().map(UserView::of).toList();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One user")
    UserView get(Actor actor, @PathVariable UUID userId) {
        return UserView.of(users.get(actor.workspaceId(), new UserId(userId)));
    }

    @PostMapping
    @Operation(summary = "Add a user with an initial password")
    ResponseEntity<UserView> add(Actor actor, @Valid @RequestBody AddUser request) {
        var user = users.add(actor.workspaceId(),
                new NewUser(request.email(), request.displayName(), request.role(), request.password()), actor);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user));
    }

    @PatchMapping("/{userId}")
    @Operation(summary = "Change a user's role or enable/disable them")
    UserView change(Actor actor, @PathVariable UUID userId, @Valid @RequestBody ChangeUser request) {
        var id = new UserId(userId);
        var user = users.get(actor.workspaceId(), id);
        if (request.role() != null) {
            user = users.changeRole(actor.workspaceId(), id, request.role(), actor);
        }
        if (request.enabled() != null) {
            user = users.setEnabled(actor.workspaceId(), id, request.enabled(), actor);
        }
        return UserView.of(user);
    }

    record AddUser(@NotBlank @Email @Size(max = 320) String email,
                   @NotBlank @Size(max = 200) String displayName,
                   @NotNull Role role,
                   @NotBlank @Size(min = Users.MIN_PASSWORD_LENGTH, max = 128) String password) {

        @Override
        public String toString() {
            return "AddUser[" + email + "]";
        }
    }

    record ChangeUser(@Nullable Role role, @Nullable Boolean enabled) {
    }
}
