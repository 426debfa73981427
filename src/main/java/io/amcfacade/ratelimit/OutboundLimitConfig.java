package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;

/**
 * The fleet's AMC budget per operation group ({@code accounts}, {@code invitations}, {@code users},
 * {@code instances}): {@code amc.upstream.rate-limit.<group>.requests-per-second} and {@code .burst}.
 */
@ConfigMapping(prefix = "amc.upstream.rate-limit")
public interface OutboundLimitConfig {

    @WithParentName
    @WithDefaults
    Map<String, Group> groups();

    /** One group's budget, shared by every replica. */
    interface Group {

        /**
         * AMC publishes no limits for these APIs and throttles dynamically; ten a second per group is far
         * more than admin traffic needs (a 50-invitation batch is one call) and stays clear of the
         * single-digit-per-second rates the Ads API documents for comparable operations.
         */
        @WithDefault("10")
        int requestsPerSecond();

        /** Tokens a quiet fleet may spend at once; defaults to one second's worth. */
        Optional<Integer> burst();

        default Limit limit() {
            return new Limit(requestsPerSecond(), Duration.ofSeconds(1), burst().orElse(requestsPerSecond()));
        }
    }
}
