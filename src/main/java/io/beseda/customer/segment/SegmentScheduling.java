package io.beseda.customer.segment;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler, which runs {@link PeriodicSegmentEvaluation}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SegmentScheduling {
}
