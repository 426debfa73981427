package io.amcfacade.sandbox;

import java.util.function.UnaryOperator;

import io.amcfacade.startup.UpstreamTarget;

/**
 * Decides the two sandbox switches from raw configuration.
 * <ul>
 * <li><b>sandbox mode</b>: no AMC host is configured ({@code amc.api.base-url}, {@code amc.regions.*.base-url}),
 * so the upstream is the built-in simulator in its three regions, Login with Amazon is the simulator's, and
 * callers use sandbox-minted tokens;</li>
 * <li><b>sandbox routes</b>: {@code /sandbox/**} is served; on in sandbox mode, off otherwise unless
 * {@code amc.sandbox.enabled=true}.</li>
 * </ul>
 */
public final class SandboxMode {

    public static final String BASE_URL = UpstreamTarget.BASE_URL;
    public static final String ENABLED = "amc.sandbox.enabled";

    private SandboxMode() {
    }

    /** @param config looks a property up, answering {@code null} when it is not set */
    public static boolean isSandboxMode(UnaryOperator<String> config) {
        // The finished configuration holds the simulator's own region hosts: its marker says it stands in.
        return UpstreamTarget.isSimulated(config) || !UpstreamTarget.isConfigured(config);
    }

    public static boolean routesEnabled(UnaryOperator<String> config) {
        String explicit = config.apply(ENABLED);
        return explicit == null ? isSandboxMode(config) : Boolean.parseBoolean(explicit.trim());
    }
}
