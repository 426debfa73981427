package io.amcfacade.regions;

import java.net.URI;

/**
 * Where one region's calls go: its Ads API host and the Login with Amazon endpoint and refresh token its access
 * tokens come from. The refresh token never appears in {@link #toString()}.
 */
public record RegionTarget(Region region, URI baseUrl, URI tokenUrl, String refreshToken) {

    @Override
    public String toString() {
        return "RegionTarget[" + region + " " + baseUrl + ", token " + tokenUrl + "]";
    }
}
