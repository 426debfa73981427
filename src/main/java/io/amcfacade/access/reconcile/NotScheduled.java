package io.amcfacade.access.reconcile;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the timer's passes when {@code amc.access.scheduled} is off (tests run passes on demand). */
@Singleton
public class NotScheduled implements Scheduled.SkipPredicate {

    private final AccessConfig config;

    public NotScheduled(AccessConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.scheduled();
    }
}
