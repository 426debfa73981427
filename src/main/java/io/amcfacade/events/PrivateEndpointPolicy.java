package io.amcfacade.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which non-public endpoint addresses subscriptions may use: {@code amc.events.allow-private-endpoints} when set;
 * otherwise loopback in sandbox mode (no {@code amc.api.base-url}: the embedded default, dev mode and tests, where
 * receivers run on the same host) and none outside it.
 */
@ApplicationScoped
class PrivateEndpointPolicy {

    private final EventsConfig.PrivateEndpoints allowed;

    PrivateEndpointPolicy(EventsConfig config, @ConfigProperty(name = "amc.api.base-url") Optional<String> amcBaseUrl) {
        this.allowed = config.allowPrivateEndpoints().orElse(amcBaseUrl.isPresent() ? EventsConfig.PrivateEndpoints.NONE
                : EventsConfig.PrivateEndpoints.LOOPBACK);
    }

    EventsConfig.PrivateEndpoints allowed() {
        return allowed;
    }
}
