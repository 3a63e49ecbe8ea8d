package io.beseda.workspace.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;

/** Settings → People: add people, change their role, disable and enable them. */
@Controller
@RequestMapping("/settings/users")
class UsersConsoleController {

    private final Users users;

    UsersConsoleController(Users users) {
        this.users = users;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new UserForm("", "", Role.OPERATOR, ""));
        }
        model.addAttribute("users", users.list(actor.workspaceId()));
        model.addAttribute("roles", Role.values());
        return "settings/users";
    }

    @PostMapping
    String add(Actor actor, @Valid @ModelAttribute("newUser") UserForm form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(actor, model);
        }
        try {
            var user = users.add(actor.workspaceId(),
                    new NewUser(form.email(), form.displayName(), form.role(), form.password()), actor);
            redirect.addFlashAttribute("notice", "users.added");
            redirect.addFlashAttribute("noticeArg", user.email());
            return "redirect:/settings/users";
        } catch (RuleViolationException e) {
            model.addAttribute("error", e.code());
            return list(actor, model);
        }
    }

    @PostMapping("/{userId}/role")
    String changeRole(Actor actor, @PathVariable UUID userId, @RequestParam Role role, RedirectAttributes redirect) {
        return apply(redirect, () -> users.changeRole(actor.workspaceId(), new UserId(userId), role, actor),
                "users.role-changed");
    }

    @PostMapping("/{userId}/enabled")
    String setEnabled(Actor actor, @PathVariable UUID userId, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        return apply(redirect, () -> users.setEnabled(actor.workspaceId(), new UserId(userId), enabled, actor),
                enabled ? "users.enabled" : "users.disabled");
    }

    private static String apply(RedirectAttributes redirect, java.util.function.Supplier<io.beseda.workspace.User> change,
                                String notice) {
        try {
            var user = change.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", user.email());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/users";
    }

    record UserForm(@NotBlank @Email @Size(max = 320) String email,
                    @NotBlank @Size(max = 200) String displayName,
                    @NotNull Role role,
                    @NotBlank @Size(min = Users.MIN_PASSWORD_LENGTH, max = 128) String password) {

        @Override
        public String toString() {
            return "UserForm[" + email + "]";
        }
    }
}
