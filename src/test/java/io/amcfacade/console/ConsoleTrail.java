package io.amcfacade.console;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The console tests' own trail: verify must say intact and then name the record a test tampers with,
 * and the shared test trail holds other tests' deliberately forged and back-dated records. Viewers get
 * 60 requests a minute (a burst of 10), so a test can also show a rate-limit refusal; every class on
 * this profile shares one start of the application.
 */
public class ConsoleTrail implements QuarkusTestProfile {

    static final Path DIR = Path.of("target", "test-data", "console-" + System.currentTimeMillis()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("amc.db.embedded.data-dir", DIR.resolve("postgres").toString(),
                "amc.audit.anchor-file", DIR.resolve("audit/seal-head").toString(),
                "amc.audit.witness-file", DIR.resolve("audit/seal-witness").toString(),
                "amc.inbound.rate-limit.viewer.requests-per-minute", "60");
    }
}
