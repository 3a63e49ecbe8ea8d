package io.beseda.workspace.demo;

import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.shared.DatabaseSettings;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.Users;
import io.beseda.workspace.Workspaces;

/** Creates «Демо-магазин» (slug {@code demo}) with a small team on the first start; later starts leave it be. */
@Component
@Order(0)
class DemoWorkspace implements ApplicationRunner {

    static final String SLUG = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private final Workspaces workspaces;
    private final Users users;
    private final DemoSettings settings;
    private final boolean enabled;
    private final TransactionTemplate transactions;

    DemoWorkspace(Workspaces workspaces, Users users, DemoSettings settings, DatabaseSettings database,
                  TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.users = users;
        this.settings = settings;
        this.enabled = settings.enabled() != null ? settings.enabled() : database.embedded();
        this.transactions = transactions;
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && workspaces.findBySlug(SLUG).isEmpty()) {
            transactions.executeWithoutResult(status -> create());
            log.info("Created the demo workspace «Демо-магазин» (slug '{}')", SLUG);
        }
    }

    private void create() {
        var workspace = workspaces.create(SLUG, "Демо-магазин", ZoneId.of("Europe/Moscow"));
        var system = Actor.system(workspace.id(), "demo");
        var team = List.of(
                new NewUser(settings.login(), "Анна Смирнова", Role.OWNER, settings.password()),
                new NewUser("operator@demo.example", "Ольга Кузнецова", Role.OPERATOR, settings.password()),
                new NewUser("marketer@demo.example", "Дмитрий Волков", Role.MARKETER, settings.password()),
                new NewUser("analyst@demo.example", "Ирина Соколова", Role.ANALYST, settings.password()));
        team.forEach(user -> users.add(workspace.id(), user, system));
    }
}
