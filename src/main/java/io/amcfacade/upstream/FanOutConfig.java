package io.amcfacade.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the facade spreads independent AMC reads, such as the role look-ups of a page of users. */
@ConfigMapping(prefix = "amc.upstream.fan-out")
public interface FanOutConfig {

    /**
     * AMC reads in flight at once for the whole replica. Four hide most of the latency of a page of role
     * look-ups while keeping a replica's burst far below AMC's unpublished, dynamic rate limits; every
     * request shares them, so many users pages at once queue rather than multiply.
     */
    @WithDefault("4")
    int parallelism();
}
