package io.amcfacade.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.amcfacade.startup.UpstreamTarget;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start against real AMC without what a real deployment needs: a way to verify caller tokens:
 * a public key or JWKS, and an issuer that is not the simulator's. Real AMC is configured either way: the regions'
 * hosts ({@code amc.regions.<na|eu|fe>.base-url}) or the one-region shorthand {@code amc.api.base-url}. (Neither,
 * where no simulator is built in, already stops the start-up in {@link UpstreamTarget}, and missing Login with Amazon
 * credentials as required properties of {@code LwaConfig}.) With a simulator as the upstream there is nothing
 * to check; the simulator announces itself.
 */
public class ProductionReadiness {

    void check(@Observes StartupEvent event, Config config) {
        UnaryOperator<String> raw = name -> value(config, name).orElse(null);
        if (UpstreamTarget.isSimulated(raw) || !UpstreamTarget.isConfigured(raw)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (value(config, "mp.jwt.verify.publickey").isEmpty() && value(config, "mp.jwt.verify.publickey.location").isEmpty()) {
            missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION): public key or JWKS URL of caller tokens");
        }
        Optional<String> issuer = value(config, "mp.jwt.verify.issuer");
        if (issuer.isEmpty() || issuer.get().equals(SimulatorTokens.ISSUER)) {
            missing.add("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER): issuer of caller tokens, not the sandbox's");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("An AMC host is set (amc.regions.*.base-url or amc.api.base-url), so the "
                    + "facade runs against real AMC and needs: "
                    + String.join("; ", missing));
        }
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
