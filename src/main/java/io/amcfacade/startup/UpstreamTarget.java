package io.amcfacade.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Decides where AMC is while the runtime configuration is built: at the configured regions' hosts ({@code
 * amc.regions.<na|eu|fe>.base-url}, or the one-region shorthand {@code amc.api.base-url}), or, when none is set,
 * at a simulator built into this artifact ({@link UpstreamSimulator}), whose settings it adds together with
 * {@link #SIMULATED}. The production artifact holds no simulator, so there a configuration naming no host stops
 * the start-up with a message naming the properties, before anything starts (the embedded database included:
 * this source is asked first).
 */
public class UpstreamTarget implements ConfigSourceFactory {

    public static final String BASE_URL = "amc.api.base-url";
    /** Set to {@code true} by this factory, and only by it, when a built-in simulator is the upstream. */
    public static final String SIMULATED = "amc.upstream-simulator";
    /** The regions' hosts, any of which makes the upstream a real one. */
    static final List<String> REGION_BASE_URLS = Stream.of("na", "eu", "fe")
            .map(region -> "amc.regions." + region + ".base-url").toList();
    /** Above the embedded database's source (150), so a refusal comes before PostgreSQL is started for nothing. */
    private static final int PRIORITY = 255;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        List<UpstreamSimulator> simulators = ServiceLoader.load(UpstreamSimulator.class, classLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        boolean configured = isConfigured(name -> context.getValue(name).getValue());
        requireUpstream(configured, !simulators.isEmpty());
        List<ConfigSource> sources = new ArrayList<>();
        if (!configured) {
            sources.add(new PropertiesConfigSource(Map.of(SIMULATED, "true"), "upstream-target", PRIORITY));
        }
        simulators.forEach(simulator -> simulator.getConfigSources(context).forEach(sources::add));
        return sources;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(PRIORITY);
    }

    /**
     * Whether a real AMC is configured, in either form; otherwise the upstream is a simulator built into the
     * artifact. Asked of the configuration as the operator wrote it, before the simulator's settings are added.
     *
     * @param config looks a property up, answering {@code null} when it is not set
     */
    public static boolean isConfigured(UnaryOperator<String> config) {
        return Stream.concat(Stream.of(BASE_URL), REGION_BASE_URLS.stream()).map(config)
                .anyMatch(value -> value != null && !value.isBlank());
    }

    /** Whether the built-in simulator is the upstream, asked of the finished configuration. */
    public static boolean isSimulated(UnaryOperator<String> config) {
        return Boolean.parseBoolean(config.apply(SIMULATED));
    }

    /** Refuses to go on when AMC is neither configured nor simulated by this artifact. */
    static void requireUpstream(boolean configured, boolean simulatorBuiltIn) {
        if (!configured && !simulatorBuiltIn) {
            throw new IllegalStateException(BASE_URL + " (AMC_API_BASE_URL) is not set, nor any region's host "
                    + "amc.regions.<na|eu|fe>.base-url (AMC_REGIONS_NA_BASE_URL, AMC_REGIONS_EU_BASE_URL, "
                    + "AMC_REGIONS_FE_BASE_URL), and this build holds no simulator of AMC to stand in for them: set "
                    + "each region's AMC API host, for example AMC_REGIONS_NA_BASE_URL=https://advertising-api.amazon.com, "
                    + "or the one-region shorthand AMC_API_BASE_URL, with the Login with Amazon app (amc.lwa.*) and the "
                    + "caller-token issuer (mp.jwt.verify.*) beside it (README, \"Production\")");
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : UpstreamTarget.class.getClassLoader();
    }
}
