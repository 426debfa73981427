package io.amcfacade.regions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An Amazon Ads region, served from its own host: North America, Europe, Far East. Its {@link #id()} is how
 * configuration, the public API, metrics and the audit trail spell it.
 */
public enum Region {
    NA, EU, FE;

    /** {@code na}, {@code eu} or {@code fe}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The region spelled {@code id} (any case); empty for anything else. */
    public static Optional<Region> of(String id) {
        return id == null ? Optional.empty()
                : Arrays.stream(values()).filter(region -> region.name().equalsIgnoreCase(id.trim())).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
