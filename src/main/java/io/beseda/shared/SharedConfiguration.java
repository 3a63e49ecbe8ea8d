package io.beseda.shared;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Beans every module may inject. Time always comes from the {@link Clock}, so tests can move it. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs the modules' asynchronous event listeners (and other @Async work) on a few threads with a queue.
     * Unbounded virtual threads would let a burst of events (a demo import, a busy storefront) start more
     * listener transactions than the pool has connections; a blocking limit would stall the publisher while
     * it still holds its own connection. Queued events are also in the publication registry, so none is
     * lost if the node stops.
     */
    @Bean(name = {"taskExecutor", "applicationTaskExecutor"})
    ThreadPoolTaskExecutor taskExecutor(@Value("${beseda.events.listener-threads:4}") int threads) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("beseda-events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
