package io.amcfacade.regions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the regions' configuration into the regions the facade serves, in {@link Region} order:
 * {@code amc.regions.<region>.*}, plus the one-region shorthand {@code amc.api.base-url} (the region
 * {@code amc.api.region} names, NA unless stated). Refuses, naming the property, an unknown region, a URL
 * that is not http(s), one region configured twice, Login with Amazon overrides for a region without a host,
 * and a configuration with no region at all. Pure: every input is passed in.
 */
public final class RegionPlan {

    public static final String SHORTHAND_URL = "amc.api.base-url";
    public static final String SHORTHAND_REGION = "amc.api.region";

    private RegionPlan() {
    }

    /** One region's settings as configured, before defaults. */
    public record Settings(Optional<String> baseUrl, Optional<String> tokenUrl, Optional<String> refreshToken) {
        static Settings of(RegionsConfig.RegionSettings settings) {
            return new Settings(settings.baseUrl(), settings.lwa().tokenUrl(), settings.lwa().refreshToken());
        }
    }

    public static List<RegionTarget> of(RegionsConfig config, Optional<String> shorthandUrl,
            Optional<String> shorthandRegion, String defaultTokenUrl, String defaultRefreshToken) {
        return of(config.regions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Settings.of(entry.getValue()))),
                shorthandUrl, shorthandRegion, defaultTokenUrl, defaultRefreshToken);
    }

    public static List<RegionTarget> of(Map<String, Settings> configured, Optional<String> shorthandUrl,
            Optional<String> shorthandRegion, String defaultTokenUrl, String defaultRefreshToken) {
        Map<Region, Settings> regions = new EnumMap<>(Region.class);
        configured.forEach((key, settings) -> {
            Region region = Region.of(key).filter(r -> r.id().equals(key)).orElseThrow(() -> new IllegalArgumentException(
                    "amc.regions." + key + ": no such region; the regions are na, eu and fe (lower case)"));
            if (settings.baseUrl().filter(url -> !url.isBlank()).isEmpty()) {
                if (settings.tokenUrl().isPresent() || settings.refreshToken().isPresent()) {
                    throw new IllegalArgumentException(property(region, "base-url") + " is not set, but the region's "
                            + "Login with Amazon settings (" + property(region, "lwa.*") + ") are: set its host too");
                }
                return;
            }
            regions.put(region, settings);
        });
        Optional<String> shorthand = shorthandUrl.filter(url -> !url.isBlank());
        if (shorthand.isPresent()) {
            Region region = shorthandRegion.filter(id -> !id.isBlank())
                    .map(id -> Region.of(id).orElseThrow(() -> new IllegalArgumentException(SHORTHAND_REGION
                            + " (AMC_API_REGION) is \"" + id + "\"; it must be na, eu or fe")))
                    .orElse(Region.NA);
            if (regions.containsKey(region)) {
                throw new IllegalArgumentException(SHORTHAND_URL + " (AMC_API_BASE_URL) and " + property(region, "base-url")
                        + " both name the " + region + " host: set one of them");
            }
            regions.put(region, new Settings(shorthand, Optional.empty(), Optional.empty()));
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("No AMC region is configured: set amc.regions.<na|eu|fe>.base-url "
                    + "(AMC_REGIONS_NA_BASE_URL, …) or the one-region shorthand " + SHORTHAND_URL + " (AMC_API_BASE_URL)");
        }
        List<RegionTarget> targets = new ArrayList<>();
        regions.forEach((region, settings) -> targets.add(new RegionTarget(region,
                url(settings.baseUrl().get(), shorthandRegion(regions, shorthand, region)
                        ? SHORTHAND_URL + " (AMC_API_BASE_URL)" : property(region, "base-url")),
                url(settings.tokenUrl().filter(url -> !url.isBlank()).orElse(defaultTokenUrl),
                        settings.tokenUrl().isPresent() ? property(region, "lwa.token-url") : "amc.lwa.token-url"),
                settings.refreshToken().filter(token -> !token.isBlank()).orElse(defaultRefreshToken))));
        return List.copyOf(targets);
    }

    private static boolean shorthandRegion(Map<Region, Settings> regions, Optional<String> shorthand, Region region) {
        return shorthand.isPresent() && shorthand.equals(regions.get(region).baseUrl())
                && regions.get(region).tokenUrl().isEmpty() && regions.get(region).refreshToken().isEmpty();
    }

    /** {@code amc.regions.eu.base-url (AMC_REGIONS_EU_BASE_URL)}. */
    static String property(Region region, String name) {
        String property = "amc.regions." + region.id() + "." + name;
        if (name.endsWith("*")) {
            return property;
        }
        return property + " (" + Stream.of(property.split("[.-]")).map(part -> part.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining("_")) + ")";
    }

    private static URI url(String value, String property) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(property + " is \"" + value + "\", not an absolute http(s) URL", e);
        }
    }
}
