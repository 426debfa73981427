package io.amcfacade.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.amcfacade.regions.Region;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Supplies the LWA access token for AMC calls: refresh-token grant, cached until shortly before it
 * expires, one refresh at a time however many requests need one, and a forced refresh when AMC
 * rejects a token. The refresh token and client secret never leave this class. One per region ({@link
 * RegionalHosts}): a region's refresh, or a refusal, never holds up another region's calls.
 */
final class LwaTokenProvider {

    private static final Logger LOG = Logger.getLogger(LwaTokenProvider.class);

    private final ReentrantLock refreshing = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();
    private volatile CachedToken current;
    private volatile String refreshToken;

    private final Region region;
    private final LwaApi lwa;
    private final LwaConfig config;
    private final MeterRegistry registry;

    LwaTokenProvider(Region region, LwaApi lwa, LwaConfig config, String refreshToken, MeterRegistry registry) {
        this.region = region;
        this.lwa = lwa;
        this.config = config;
        this.refreshToken = refreshToken;
        this.registry = registry;
    }

    /** A token that stays valid for at least {@code amc.lwa.refresh-before-expiry}. */
    public String accessToken() {
        CachedToken token = current;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token.value();
        }
        return refresh(token);
    }

    /** AMC answered 401 to {@code rejected}: replace it, unless another request already did. */
    public String refreshAfterRejection(String rejected) {
        CachedToken token = current;
        if (token != null && !token.value().equals(rejected)) {
            return token.value();
        }
        return refresh(token);
    }

    private String refresh(CachedToken seen) {
        refreshing.lock();
        try {
            CachedToken token = current;
            if (token != null && token != seen && token.isFreshAt(clock.instant())) {
                return token.value();
            }
            current = grant();
            return current.value();
        } finally {
            refreshing.unlock();
        }
    }

    private CachedToken grant() {
        Form form = new Form()
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("client_id", config.clientId())
                .param("client_secret", config.clientSecret());
        LwaTokenResponse body;
        int status;
        try (Response response = lwa.token(form)) {
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(LwaTokenResponse.class) : null;
        } catch (ProcessingException e) {
            count("unreachable");
            throw UpstreamException.tokenEndpointUnreachable("Login with Amazon token refresh (" + region + ")", e);
        }
        if (status != 200 || body == null || body.accessToken() == null) {
            String error = body == null || body.error() == null ? "HTTP " + status : body.error();
            count("refused");
            LOG.errorf("Login with Amazon refused the token refresh of region %s: %s", region, error);
            throw UpstreamException.credentialsRefused(region, error);
        }
        if (body.refreshToken() != null) {
            refreshToken = body.refreshToken();
        }
        count("success");
        Duration lifetime = Duration.ofSeconds(body.expiresIn() == null ? 3600 : body.expiresIn());
        return new CachedToken(body.accessToken(), clock.instant().plus(lifetime), config.refreshBeforeExpiry());
    }

    private void count(String outcome) {
        registry.counter("amc.lwa.token.refreshes", "outcome", outcome, "region", region.id()).increment();
    }

    private record CachedToken(String value, Instant expiresAt, Duration margin) {
        boolean isFreshAt(Instant now) {
            return now.plus(margin).isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "CachedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
