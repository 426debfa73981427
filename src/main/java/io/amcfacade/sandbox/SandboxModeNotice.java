package io.amcfacade.sandbox;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says loudly at start-up that the upstream is simulated, and from where its token mint can be reached. */
public class SandboxModeNotice {

    private static final Logger LOG = Logger.getLogger(SandboxModeNotice.class);

    void announce(@Observes StartupEvent event, Config config) {
        if (!SandboxMode.isSandboxMode(name -> config.getOptionalValue(name, String.class).orElse(null))) {
            return;
        }
        LOG.warn("SANDBOX MODE: amc.api.base-url is not set, so AMC and Login with Amazon are the built-in "
                + "simulator under /sandbox and callers use sandbox-minted tokens. Set amc.api.base-url for real AMC.");
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        String port = config.getOptionalValue("quarkus.http.port", String.class).orElse("8080");
        LOG.warnf("SANDBOX MODE: listening on %s port %s; the sandbox (and /sandbox/tokens, which mints admin "
                + "tokens) is reachable at http://%s:%s/sandbox%s", host, port, host, port,
                host.equals("127.0.0.1") || host.equals("localhost") ? " from this machine only (set quarkus.http.host to expose it)"
                        : " from every network this host is on");
    }
}
