package io.amcfacade.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;

/**
 * Decides where AMC is while the runtime configuration is built: at {@code amc.api.base-url}, or, when that is
 * not set, at a simulator built into this artifact ({@link UpstreamSimulator}), whose settings it adds. The
 * production artifact holds no simulator, so there a missing {@code amc.api.base-url} stops the start-up with a
 * message naming it, before anything starts (the embedded database included: this source is asked first).
 */
public class UpstreamTarget implements ConfigSourceFactory {

    public static final String BASE_URL = "amc.api.base-url";
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
        requireUpstream(context.getValue(BASE_URL).getValue(), !simulators.isEmpty());
        List<ConfigSource> sources = new ArrayList<>();
        simulators.forEach(simulator -> simulator.getConfigSources(context).forEach(sources::add));
        return sources;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(PRIORITY);
    }

    /** Whether a real AMC is configured; otherwise the upstream is a simulator built into the artifact. */
    public static boolean isConfigured(String baseUrl) {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** Refuses to go on when AMC is neither configured nor simulated by this artifact. */
    static void requireUpstream(String baseUrl, boolean simulatorBuiltIn) {
        if (!isConfigured(baseUrl) && !simulatorBuiltIn) {
            throw new IllegalStateException(BASE_URL + " (AMC_API_BASE_URL) is not set, and this build holds no "
                    + "simulator of AMC to stand in for it: set it to the AMC API host, for example "
                    + "https://advertising-api.amazon.com, with the Login with Amazon app (amc.lwa.*) and the caller-token "
                    + "issuer (mp.jwt.verify.*) beside it (README, \"Production\")");
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : UpstreamTarget.class.getClassLoader();
    }
}
