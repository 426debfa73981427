package io.amcfacade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code amc.sandbox.regions}: which of the simulated regions sandbox mode points the facade at. */
class SandboxRegionsChosenTest {

    @Test
    void unsetOrBlankMeansEveryRegion() {
        assertThat(SandboxRegion.chosen(null)).containsExactly("na", "eu", "fe");
        assertThat(SandboxRegion.chosen(" ")).containsExactly("na", "eu", "fe");
    }

    @Test
    void aListIsTakenInTheSandboxsOrderWhateverItsCaseOrSpacing() {
        assertThat(SandboxRegion.chosen("na")).containsExactly("na");
        assertThat(SandboxRegion.chosen(" FE , na,fe")).containsExactly("na", "fe");
    }

    @Test
    void aRegionTheSandboxDoesNotServeStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> SandboxRegion.chosen("na,us-east-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amc.sandbox.regions")
                .hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> SandboxRegion.chosen("na,,eu")).hasMessageContaining("amc.sandbox.regions");
    }
}
