package io.amcfacade.sandbox;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

/**
 * The simulated region a request is for: the sandbox serves each Amazon Ads region at its own prefix, North America
 * at {@code /sandbox/…} (and {@code /sandbox/na/…}), Europe at {@code /sandbox/eu/…}, the Far East at
 * {@code /sandbox/fe/…} ({@link SandboxRegionPaths}). Each region lists its own accounts, has its own token
 * endpoint, faults and stats; a token from any region's endpoint works in every region, as Amazon's do.
 */
@RequestScoped
public class SandboxRegion {

    public static final String NA = "na";
    public static final List<String> ALL = List.of(NA, "eu", "fe");
    /** The regions sandbox mode configures the facade for (comma-separated; all three when unset). */
    public static final String CHOSEN = "amc.sandbox.regions";

    private String id = NA;

    /**
     * The regions {@code amc.sandbox.regions} names, in {@link #ALL}'s order; every region when unset or blank.
     *
     * @throws IllegalArgumentException naming the property, for a region the sandbox does not serve
     */
    public static List<String> chosen(String configured) {
        if (configured == null || configured.isBlank()) {
            return ALL;
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String part : configured.split(",")) {
            String region = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (!ALL.contains(region)) {
                throw new IllegalArgumentException(CHOSEN + " names \"" + part.strip() + "\": the sandbox serves "
                        + String.join(", ", ALL));
            }
            named.add(region);
        }
        return ALL.stream().filter(named::contains).toList();
    }

    /** {@code na}, {@code eu} or {@code fe}. */
    public String id() {
        return id;
    }

    void set(String region) {
        this.id = region;
    }
}
