package io.amcfacade.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The regions' configuration, both forms, and every refusal naming its property. */
class RegionPlanTest {

    private static final String TOKEN_URL = "https://api.amazon.com/auth/o2/token";
    private static final String REFRESH = "Atzr|default";

    private static RegionPlan.Settings host(String url) {
        return new RegionPlan.Settings(Optional.of(url), Optional.empty(), Optional.empty());
    }

    private static List<RegionTarget> plan(Map<String, RegionPlan.Settings> regions, String shorthand, String region) {
        return RegionPlan.of(regions, Optional.ofNullable(shorthand), Optional.ofNullable(region), TOKEN_URL, REFRESH);
    }

    @Test
    void threeRegionsEachAtItsHostSharingOneLoginWithAmazonIdentity() {
        List<RegionTarget> targets = plan(Map.of(
                "fe", host("https://advertising-api-fe.amazon.com"),
                "na", host("https://advertising-api.amazon.com"),
                "eu", new RegionPlan.Settings(Optional.of("https://advertising-api-eu.amazon.com"),
                        Optional.of("https://api.amazon.co.uk/auth/o2/token"), Optional.of("Atzr|eu"))), null, null);

        assertThat(targets).extracting(RegionTarget::region).containsExactly(Region.NA, Region.EU, Region.FE);
        assertThat(targets.get(0)).returns(URI.create("https://advertising-api.amazon.com"), RegionTarget::baseUrl)
                .returns(URI.create(TOKEN_URL), RegionTarget::tokenUrl).returns(REFRESH, RegionTarget::refreshToken);
        assertThat(targets.get(1)).returns(URI.create("https://api.amazon.co.uk/auth/o2/token"), RegionTarget::tokenUrl)
                .returns("Atzr|eu", RegionTarget::refreshToken);
        assertThat(targets.get(2).refreshToken()).isEqualTo(REFRESH);
        assertThat(targets.get(1).toString()).doesNotContain("Atzr");
    }

    @Test
    void theShorthandIsNorthAmericaUnlessItsRegionIsStated() {
        assertThat(plan(Map.of(), "https://advertising-api.amazon.com", null))
                .singleElement().returns(Region.NA, RegionTarget::region)
                .returns(URI.create("https://advertising-api.amazon.com"), RegionTarget::baseUrl);
        assertThat(plan(Map.of(), "https://advertising-api-eu.amazon.com", "eu"))
                .singleElement().returns(Region.EU, RegionTarget::region);
        assertThat(plan(Map.of("fe", host("https://advertising-api-fe.amazon.com")), "https://advertising-api.amazon.com",
                null)).extracting(RegionTarget::region).containsExactly(Region.NA, Region.FE);
    }

    @Test
    void anUnknownRegionIsRefusedNamingIt() {
        assertThatThrownBy(() -> plan(Map.of("us", host("https://advertising-api.amazon.com")), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("amc.regions.us: no such region");
        assertThatThrownBy(() -> plan(Map.of("EU", host("https://advertising-api-eu.amazon.com")), null, null))
                .hasMessageStartingWith("amc.regions.EU: no such region");
        assertThatThrownBy(() -> plan(Map.of(), "https://advertising-api.amazon.com", "asia"))
                .hasMessageStartingWith("amc.api.region (AMC_API_REGION) is \"asia\"");
    }

    @Test
    void aHostThatIsNotAnHttpUrlIsRefusedNamingThePropertyAndItsVariable() {
        assertThatThrownBy(() -> plan(Map.of("eu", host("advertising-api-eu.amazon.com")), null, null))
                .hasMessageStartingWith("amc.regions.eu.base-url (AMC_REGIONS_EU_BASE_URL) is \"advertising-api-eu.amazon.com\"");
        assertThatThrownBy(() -> plan(Map.of(), "ftp://example.com", null))
                .hasMessageStartingWith("amc.api.base-url (AMC_API_BASE_URL) is \"ftp://example.com\"");
        assertThatThrownBy(() -> plan(Map.of("fe", new RegionPlan.Settings(Optional.of("https://advertising-api-fe.amazon.com"),
                Optional.of("not a url"), Optional.empty())), null, null))
                .hasMessageStartingWith("amc.regions.fe.lwa.token-url (AMC_REGIONS_FE_LWA_TOKEN_URL)");
    }

    @Test
    void oneRegionConfiguredTwiceIsRefused() {
        assertThatThrownBy(() -> plan(Map.of("na", host("https://advertising-api.amazon.com")),
                "https://advertising-api.amazon.com", null))
                .hasMessageContaining("amc.api.base-url (AMC_API_BASE_URL) and amc.regions.na.base-url")
                .hasMessageContaining("set one of them");
    }

    @Test
    void loginWithAmazonSettingsForARegionWithoutAHostAreRefused() {
        assertThatThrownBy(() -> plan(Map.of("na", host("https://advertising-api.amazon.com"), "eu",
                new RegionPlan.Settings(Optional.empty(), Optional.empty(), Optional.of("Atzr|eu"))), null, null))
                .hasMessageStartingWith("amc.regions.eu.base-url (AMC_REGIONS_EU_BASE_URL) is not set");
    }

    @Test
    void noRegionAtAllIsRefused() {
        assertThatThrownBy(() -> plan(Map.of(), null, null)).hasMessageStartingWith("No AMC region is configured");
        assertThatThrownBy(() -> plan(Map.of(), "  ", null)).hasMessageStartingWith("No AMC region is configured");
    }
}
