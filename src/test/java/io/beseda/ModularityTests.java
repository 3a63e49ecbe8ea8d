package io.beseda;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the module boundaries of ARCHITECTURE.md true and writes the module documentation. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Beseda.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void hasTheModulesOfTheFoundation() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "workspace", "console");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
