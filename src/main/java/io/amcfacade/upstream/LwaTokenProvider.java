package io.amcfacade.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Supplies the LWA access token for AMC calls: refresh-token grant, cached until shortly before it
 * expires, one refresh at a time however many requests need one, and a forced refresh when AMC
 * rejects a token. The refresh token and client secret never leave this class.
 */
@ApplicationScoped
public class LwaTokenProvider {

    private static final Logger LOG = Logger.getLogger(LwaTokenProvider.class);

    private final ReentrantLock refreshing = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();
    private volatile CachedToken current;
    private volatile String refreshToken;

    @Inject
    @RestClient
    LwaApi lwa;
    @Inject
    LwaConfig config;
    @Inject
    MeterRegistry registry;

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
                .param("refresh_token", refreshToken == null ? config.refreshToken() : refreshToken)
                .param("client_id", config.clientId())
                .param("client_secret", config.clientSecret());
        LwaTokenResponse body;
        int status;
        try (Response response = lwa.token(form)) {
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(LwaTokenResponse.class) : null;
        } catch (ProcessingException e) {
            count("unreachable");
            throw UpstreamException.tokenEndpointUnreachable("Login with Amazon token refresh", e);
        }
        if (status != 200 || body == null || body.accessToken() == null) {
            String error = body == null || body.error() == null ? "HTTP " + status : body.error();
            count("refused");
            LOG.errorf("Login with Amazon refused the token refresh: %s", error);
            throw UpstreamException.credentialsRefused(error);
        }
        if (body.refreshToken() != null) {
            refreshToken = body.refreshToken();
        }
        count("success");
        Duration lifetime = Duration.ofSeconds(body.expiresIn() == null ? 3600 : body.expiresIn());
        return new CachedToken(body.accessToken(), clock.instant().plus(lifetime), config.refreshBeforeExpiry());
    }

    private void count(String outcome) {
        registry.counter("amc.lwa.token.refreshes", "outcome", outcome).increment();
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
