package io.amcfacade.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where AMC is: configured, or simulated by the artifact; neither stops the start-up, naming what is missing. */
class UpstreamTargetTest {

    @Test
    void withoutAHostOrASimulatorItRefusesNamingTheProperties() {
        assertThatThrownBy(() -> UpstreamTarget.requireUpstream(false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("amc.api.base-url (AMC_API_BASE_URL) is not set")
                .hasMessageContaining("AMC_REGIONS_NA_BASE_URL")
                .hasMessageContaining("holds no simulator");
    }

    @Test
    void aHostOrABuiltInSimulatorIsEnough() {
        assertThatCode(() -> UpstreamTarget.requireUpstream(true, false)).doesNotThrowAnyException();
        assertThatCode(() -> UpstreamTarget.requireUpstream(false, true)).doesNotThrowAnyException();
    }

    @Test
    void eitherTheShorthandOrAnyRegionsHostConfiguresRealAmc() {
        assertThat(UpstreamTarget.isConfigured(Map.of("amc.api.base-url", "https://advertising-api.amazon.com")::get))
                .isTrue();
        assertThat(UpstreamTarget.isConfigured(
                Map.of("amc.regions.fe.base-url", "https://advertising-api-fe.amazon.com")::get)).isTrue();
        assertThat(UpstreamTarget.isConfigured(Map.of("amc.api.base-url", "  ")::get)).isFalse();
        assertThat(UpstreamTarget.isConfigured(Map.<String, String>of()::get)).isFalse();
    }
}
