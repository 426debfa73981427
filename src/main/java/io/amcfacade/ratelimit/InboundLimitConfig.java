package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Each caller's own limit (per token subject, shared by every replica), by role:
 * {@code amc.inbound.rate-limit.<admin|viewer|auditor>.requests-per-minute} and {@code .burst}. A caller
 * holding several roles gets the most generous of their limits.
 */
@ConfigMapping(prefix = "amc.inbound.rate-limit")
public interface InboundLimitConfig {

    /**
     * Callers with {@code amc-admin}: 120 a minute carries a bulk onboarding of 6,000 invitees a minute
     * (50 a batch) while one runaway script cannot spend the whole AMC budget of the fleet.
     */
    Role admin();

    /** Callers with {@code amc-viewer}: reads are cheap for the facade but each costs AMC calls. */
    Role viewer();

    /** Callers with {@code auditor}: audit reads touch only PostgreSQL. */
    Role auditor();

    /** One role's limit. */
    interface Role {

        /** Two a second on average, far beyond what a person at a console does. */
        @WithDefault("120")
        int requestsPerMinute();

        /** Requests a quiet caller may make at once; defaults to a sixth of a minute's worth (20). */
        Optional<Integer> burst();

        default Limit limit() {
            return new Limit(requestsPerMinute(), Duration.ofMinutes(1),
                    burst().orElse(Math.max(1, requestsPerMinute() / 6)));
        }
    }
}
