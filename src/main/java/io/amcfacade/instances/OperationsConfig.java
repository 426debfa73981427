package io.amcfacade.instances;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the facade follows long-running AMC operations ({@code amc.operations.*}). */
@ConfigMapping(prefix = "amc.operations")
public interface OperationsConfig {

    /** How often a replica looks for operations due a check (at least a second: the scheduler runs nothing more often). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** The longest wait between two checks of one operation: the wait doubles from the poll interval up to this. */
    @WithDefault("PT1M")
    Duration maxCheckInterval();

    /** How long a replica holds an operation it checks; a replica that dies lets it lapse after this. */
    @WithDefault("PT30S")
    Duration lease();

    /** AMC creates or deletes an instance in minutes; an operation still open after this is TIMED_OUT. */
    @WithDefault("PT30M")
    Duration instanceDeadline();

    /** Manual review at Amazon takes up to two business days; a weekend in between makes four calendar days. */
    @WithDefault("P4D")
    Duration advertiserUpdateDeadline();

    /** The followers' own share of the fleet's AMC budget, so following never starves callers. */
    @WithDefault("2")
    int requestsPerSecond();

    /** Operations one replica checks per poll. */
    @WithDefault("20")
    int batch();
}
