package io.amcfacade.upstream;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.amcfacade.regions.Region;
import io.amcfacade.regions.RegionPlan;
import io.amcfacade.regions.RegionTarget;
import io.amcfacade.regions.RegionsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.StartupEvent;

/**
 * The AMC host of each configured region ({@link RegionPlan}), with its own REST client and its own Login with
 * Amazon token provider, so one region's refreshes and refusals never hold up another's. Built at start-up: a
 * configuration {@link RegionPlan} refuses stops the start-up with its message.
 */
@ApplicationScoped
class RegionalHosts {

    /** One region's way to AMC. */
    record Host(Region region, AmcApi api, LwaTokenProvider tokens) {
    }

    @Inject
    RegionsConfig regionsConfig;
    @Inject
    LwaConfig lwa;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = RegionPlan.SHORTHAND_URL)
    Optional<String> shorthandUrl;
    @ConfigProperty(name = RegionPlan.SHORTHAND_REGION)
    Optional<String> shorthandRegion;
    @ConfigProperty(name = "quarkus.rest-client.amc-api.connect-timeout", defaultValue = "2000")
    long connectTimeoutMs;
    @ConfigProperty(name = "quarkus.rest-client.amc-api.read-timeout", defaultValue = "10000")
    long readTimeoutMs;
    @ConfigProperty(name = "quarkus.rest-client.lwa.connect-timeout", defaultValue = "2000")
    long tokenConnectTimeoutMs;
    @ConfigProperty(name = "quarkus.rest-client.lwa.read-timeout", defaultValue = "10000")
    long tokenReadTimeoutMs;

    private final Map<Region, Host> hosts = new EnumMap<>(Region.class);
    private List<Region> regions;

    @PostConstruct
    void build() {
        List<RegionTarget> targets = RegionPlan.of(regionsConfig, shorthandUrl, shorthandRegion, lwa.tokenUrl(),
                lwa.refreshToken());
        for (RegionTarget target : targets) {
            AmcApi api = QuarkusRestClientBuilder.newBuilder().baseUri(target.baseUrl())
                    .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                    .build(AmcApi.class);
            LwaApi token = QuarkusRestClientBuilder.newBuilder().baseUri(target.tokenUrl())
                    .connectTimeout(tokenConnectTimeoutMs, TimeUnit.MILLISECONDS)
                    .readTimeout(tokenReadTimeoutMs, TimeUnit.MILLISECONDS)
                    .build(LwaApi.class);
            hosts.put(target.region(), new Host(target.region(),
                    api, new LwaTokenProvider(target.region(), token, lwa, target.refreshToken(), registry)));
        }
        regions = List.copyOf(hosts.keySet());
    }

    /** Checks the regions' configuration as the application starts, not at the first AMC call. */
    void atStartup(@Observes StartupEvent event) {
        regions();
    }

    /** The configured regions, in {@link Region} order. */
    List<Region> regions() {
        return regions;
    }

    Host host(Region region) {
        Host host = hosts.get(region);
        if (host == null) {
            throw new IllegalStateException("Region " + region + " is not configured");
        }
        return host;
    }
}
