package io.amcfacade.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long idempotency keys are kept. */
@ConfigMapping(prefix = "amc.idempotency")
public interface IdempotencyConfig {

    /** How long a key replays its answer; a retry after that runs the request again. */
    @WithDefault("PT24H")
    Duration ttl();

    /** After this, a key still in flight belonged to a request that died; its outcome is unknown. */
    @WithDefault("PT2M")
    Duration inFlightTimeout();

    /** How often expired keys are deleted. */
    @WithDefault("PT10M")
    Duration purgeInterval();
}
