package io.amcfacade.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The README's environment variables reach the regions' configuration. */
class RegionsConfigTest {

    @Test
    void eachRegionsHostAndLoginWithAmazonOverridesComeFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RegionsConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "AMC_REGIONS_NA_BASE_URL", "https://advertising-api.amazon.com",
                        "AMC_REGIONS_EU_BASE_URL", "https://advertising-api-eu.amazon.com",
                        "AMC_REGIONS_EU_LWA_TOKEN_URL", "https://api.amazon.co.uk/auth/o2/token",
                        "AMC_REGIONS_EU_LWA_REFRESH_TOKEN", "Atzr|eu"), 300))
                .build();

        Map<String, RegionsConfig.RegionSettings> regions = config.getConfigMapping(RegionsConfig.class).regions();

        assertThat(regions).containsOnlyKeys("na", "eu");
        assertThat(regions.get("na").baseUrl()).contains("https://advertising-api.amazon.com");
        assertThat(regions.get("na").lwa().tokenUrl()).isEmpty();
        assertThat(regions.get("eu").lwa().tokenUrl()).contains("https://api.amazon.co.uk/auth/o2/token");
        assertThat(regions.get("eu").lwa().refreshToken()).isEqualTo(Optional.of("Atzr|eu"));
    }
}
