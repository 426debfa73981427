package io.amcfacade.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where AMC is: configured, or simulated by the artifact; neither stops the start-up, naming what is missing. */
class UpstreamTargetTest {

    @Test
    void withoutABaseUrlOrASimulatorItRefusesNamingTheProperty() {
        assertThatThrownBy(() -> UpstreamTarget.requireUpstream(null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("amc.api.base-url (AMC_API_BASE_URL) is not set")
                .hasMessageContaining("holds no simulator");
        assertThatThrownBy(() -> UpstreamTarget.requireUpstream("  ", false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBaseUrlOrABuiltInSimulatorIsEnough() {
        assertThatCode(() -> UpstreamTarget.requireUpstream("https://advertising-api.amazon.com", false))
                .doesNotThrowAnyException();
        assertThatCode(() -> UpstreamTarget.requireUpstream(null, true)).doesNotThrowAnyException();
    }
}
