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

    private String id = NA;

    /** {@code na}, {@code eu} or {@code fe}. */
    public String id() {
        return id;
    }

    void set(String region) {
        this.id = region;
    }
}
