package io.beseda.journey.template;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One parsed template filled in for many customers at once. */
class LiquidTemplatesTests {

    @Test
    void threadsFillingInOneTemplateNeverSwapCustomers() throws Exception {
        var liquid = new LiquidTemplates();
        var source = "{{ customer.name }}{% for i in (1..20) %}.{% endfor %}{{ customer.name }}";
        var renders = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20_000; i++) {
            var name = "покупатель-" + i;
            renders.add(() -> liquid.render("Текст", source, Map.of("customer", Map.of("name", name)))
                    .equals(name + ".".repeat(20) + name));
        }

        var swapped = 0;
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (var done : threads.invokeAll(renders)) {
                swapped += done.get() ? 0 : 1;
            }
        }

        assertThat(swapped).isZero();
    }

    @Test
    void nestedLoopsThatWouldRunForeverAreStoppedWithAProblem() {
        var liquid = new LiquidTemplates();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> liquid.render("Текст",
                        "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}", Map.of()))
                .isInstanceOf(TemplateProblem.class).hasMessage("Текст: слишком много повторений в циклах");
    }
}
