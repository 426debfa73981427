package io.amcfacade.regions;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * The Amazon Ads regions the facade serves: {@code amc.regions.<na|eu|fe>.base-url}, each with optional
 * {@code .lwa.token-url} and {@code .lwa.refresh-token} overrides (by default one Login with Amazon identity,
 * {@code amc.lwa.*}, serves every region). {@code amc.api.base-url} alone is the one-region shorthand:
 * {@link RegionPlan} turns both into the list of regions.
 */
@ConfigMapping(prefix = "amc.regions")
public interface RegionsConfig {

    @WithParentName
    Map<String, RegionSettings> regions();

    /** One region's host and, if it differs from the default, its Login with Amazon settings. */
    interface RegionSettings {

        /** The region's Ads API host, e.g. {@code https://advertising-api-eu.amazon.com}. */
        Optional<String> baseUrl();

        Lwa lwa();

        interface Lwa {
            /** Token endpoint for this region; any region's works for every region, so by default {@code amc.lwa.token-url}. */
            Optional<String> tokenUrl();

            /** Refresh token of another Amazon identity for this region; by default {@code amc.lwa.refresh-token}. */
            @WithName("refresh-token")
            Optional<String> refreshToken();
        }
    }
}
