package io.amcfacade.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.amcfacade.sandbox.oidc.SandboxOidcClient;
import io.amcfacade.security.SimulatorTokens;
import io.amcfacade.startup.UpstreamSimulator;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the defaults of sandbox mode: the upstream (all three regions, each with its own token endpoint) and
 * Login with Amazon point at the simulator, with its credentials, the console signs in through the sandbox's OpenID Connect provider, and
 * caller tokens are verified with the sandbox signing key (generated into the data directory on first
 * start, never committed). {@link io.amcfacade.startup.UpstreamTarget} asks for them while the runtime
 * configuration is built. Their ordinal sits just above the packaged {@code application.properties} and
 * below environment variables and system properties, so an operator's explicit setting always wins.
 */
public class SandboxModeConfigSourceFactory implements UpstreamSimulator {

    private static final int ORDINAL = 255;
    private static final int DEFAULTS_BELOW = 100;
    static final String SIGNING_KEY_LOCATION = "amc.sandbox.signing-key-location";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        UnaryOperator<String> config = name -> context.getValue(name).getValue();
        boolean sandboxMode = SandboxMode.isSandboxMode(config);
        if (!sandboxMode && !SandboxMode.routesEnabled(config)) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        SandboxSigningKeys keys = signingKeys(config);
        values.put(SIGNING_KEY_LOCATION, keys.privateKey().toString());
        if (sandboxMode) {
            if (!configuredByOperator(context, "quarkus.http.host")) {
                // /sandbox/tokens mints admin and auditor tokens for whoever asks: only this machine may.
                values.put("quarkus.http.host", "127.0.0.1");
            }
            values.put("amc.lwa.token-url", "${amc.sandbox.base-url}/auth/o2/token");
            // Three regions, each at its own prefix with its own token endpoint (SandboxRegion); amc.sandbox.regions
            // narrows the facade to some of them (bench/run: one region, as its direct baseline lists).
            for (String region : SandboxRegion.chosen(config.apply(SandboxRegion.CHOSEN))) {
                String base = "${amc.sandbox.base-url}" + (region.equals(SandboxRegion.NA) ? "" : "/" + region);
                values.put("amc.regions." + region + ".base-url", base);
                values.put("amc.regions." + region + ".lwa.token-url", base + "/auth/o2/token");
            }
            values.put("amc.lwa.client-id", SandboxCredentials.CLIENT_ID);
            values.put("amc.lwa.client-secret", SandboxCredentials.CLIENT_SECRET);
            values.put("amc.lwa.refresh-token", SandboxCredentials.REFRESH_TOKEN);
            // The console signs in through the sandbox's own OpenID Connect provider.
            values.put("amc.console.oidc.auth-server-url", "${amc.sandbox.base-url}" + SandboxOidcClient.PATH);
            values.put("amc.console.oidc.client-id", SandboxOidcClient.CLIENT_ID);
            values.put("amc.console.oidc.client-secret", SandboxOidcClient.CLIENT_SECRET);
            if (!configuredByOperator(context, "mp.jwt.verify.publickey")
                    && !configuredByOperator(context, "mp.jwt.verify.publickey.location")) {
                // The key content, not its location: it must also shadow the in-memory key that
                // smallrye-jwt invents for dev and test mode when no key is configured.
                values.put("mp.jwt.verify.publickey", keys.publicKeyContent());
                values.put("mp.jwt.verify.issuer", SimulatorTokens.ISSUER);
            }
        }
        return List.of(new PropertiesConfigSource(values, "sandbox-mode", ORDINAL));
    }

    /** Set in a real configuration source, not just a default some extension registered. */
    private static boolean configuredByOperator(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value.getValue() != null && value.getConfigSourceOrdinal() >= DEFAULTS_BELOW;
    }

    private static synchronized SandboxSigningKeys signingKeys(UnaryOperator<String> config) {
        String base = config.apply("amc.data-dir");
        Path directory = Path.of(base == null ? "data" : base, "keys").toAbsolutePath().normalize();
        try {
            return SandboxSigningKeys.loadOrCreate(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the sandbox signing key in " + directory, e);
        }
    }
}
