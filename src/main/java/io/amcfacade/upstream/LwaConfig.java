package io.amcfacade.upstream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Login with Amazon app the facade calls AMC as. In sandbox mode these default to the sandbox's. */
@ConfigMapping(prefix = "amc.lwa")
public interface LwaConfig {

    /** The LWA app's client id; also sent as {@code Amazon-Advertising-API-ClientId}. */
    String clientId();

    /** The LWA app's client secret. Never logged or audited. */
    String clientSecret();

    /** Refresh token of the Amazon identity that administers the AMC accounts. Never logged or audited. */
    String refreshToken();

    /** Token endpoint; any region's works for every region. */
    @WithDefault("https://api.amazon.com/auth/o2/token")
    String tokenUrl();

    /** Refresh this long before {@code expires_in} runs out, so no call leaves with a token about to die. */
    @WithDefault("PT60S")
    Duration refreshBeforeExpiry();
}
