package io.amcfacade.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ProductionReadinessTest {

    private static final Map<String, String> REAL_UPSTREAM = Map.of("amc.api.base-url", "https://advertising-api.amazon.com");

    @Test
    void refusesToStartAgainstRealAmcWithoutAWayToVerifyCallers() {
        assertThatThrownBy(() -> new ProductionReadiness().check(null, config(REAL_UPSTREAM)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.jwt.verify.publickey.location")
                .hasMessageContaining("MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void refusesTheSandboxIssuerOutsideSandboxMode() {
        Map<String, String> values = new HashMap<>(REAL_UPSTREAM);
        values.put("mp.jwt.verify.publickey.location", "https://idp.example.com/jwks");
        values.put("mp.jwt.verify.issuer", "urn:amc-facade:sandbox");
        assertThatThrownBy(() -> new ProductionReadiness().check(null, config(values)))
                .hasMessageContaining("not the sandbox's");
    }

    @Test
    void startsWithAKeyAndAnIssuer() {
        Map<String, String> values = new HashMap<>(REAL_UPSTREAM);
        values.put("mp.jwt.verify.publickey.location", "https://idp.example.com/jwks");
        values.put("mp.jwt.verify.issuer", "https://idp.example.com");
        assertThatCode(() -> new ProductionReadiness().check(null, config(values))).doesNotThrowAnyException();
    }

    @Test
    void theRegionsFormIsRealAmcToo() {
        assertThatThrownBy(() -> new ProductionReadiness().check(null,
                config(Map.of("amc.regions.eu.base-url", "https://advertising-api-eu.amazon.com"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void theSimulatorsOwnRegionsNeedNothing() {
        assertThatCode(() -> new ProductionReadiness().check(null, config(Map.of("amc.upstream-simulator", "true",
                "amc.regions.eu.base-url", "http://localhost:8080/sandbox/eu")))).doesNotThrowAnyException();
    }

    @Test
    void sandboxModeNeedsNothing() {
        assertThatCode(() -> new ProductionReadiness().check(null, config(Map.of()))).doesNotThrowAnyException();
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }
}
