package io.amcfacade.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.sandbox.SandboxMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start outside sandbox mode without what a real deployment needs: a way to verify
 * caller tokens: a public key or JWKS, and an issuer that is not the sandbox's. (Missing Login with
 * Amazon credentials already stop the start-up, as required properties of {@code LwaConfig}.) In
 * sandbox mode it says loudly that the upstream is simulated.
 */
public class ProductionReadiness {

    private static final Logger LOG = Logger.getLogger(ProductionReadiness.class);

    void check(@Observes StartupEvent event, Config config) {
        if (SandboxMode.isSandboxMode(name -> config.getOptionalValue(name, String.class).orElse(null))) {
            LOG.warn("SANDBOX MODE: amc.api.base-url is not set, so AMC and Login with Amazon are the built-in "
                    + "simulator under /sandbox and callers use sandbox-minted tokens. Set amc.api.base-url for real AMC.");
            String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
            LOG.warnf("SANDBOX MODE: listening on %s port %s; the sandbox (and /sandbox/tokens, which mints admin "
                    + "tokens) is reachable at http://%s:%s/sandbox%s", host,
                    config.getOptionalValue("quarkus.http.port", String.class).orElse("8080"), host,
                    config.getOptionalValue("quarkus.http.port", String.class).orElse("8080"),
                    host.equals("127.0.0.1") || host.equals("localhost") ? " from this machine only (set quarkus.http.host to expose it)"
                            : " from every network this host is on");
            return;
        }
        List<String> missing = new ArrayList<>();
        if (value(config, "mp.jwt.verify.publickey").isEmpty() && value(config, "mp.jwt.verify.publickey.location").isEmpty()) {
            missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION): public key or JWKS URL of caller tokens");
        }
        Optional<String> issuer = value(config, "mp.jwt.verify.issuer");
        if (issuer.isEmpty() || issuer.get().equals(SandboxCredentials.CALLER_TOKEN_ISSUER)) {
            missing.add("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER): issuer of caller tokens, not the sandbox's");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("amc.api.base-url is set, so the facade runs against real AMC and needs: "
                    + String.join("; ", missing));
        }
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
