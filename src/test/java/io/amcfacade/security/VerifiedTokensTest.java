package io.amcfacade.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.TestIssuer;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** The verified-token cache with a real RS256 key: what it serves again, and what it sends back to verification. */
class VerifiedTokensTest {

    private static VerifiedTokens cache(Duration ttl) {
        return new VerifiedTokens(new JWTAuthContextInfo(TestIssuer.publicKeyLocation(), TestIssuer.ISSUER), ttl);
    }

    @Test
    void aTokenSeenAgainIsServedFromTheCache() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(30));
        String token = TestIssuer.token("cache-probe", "amc-viewer");

        JsonWebToken first = tokens.parse(token);

        assertThat(first.getSubject()).isEqualTo("cache-probe");
        assertThat(tokens.parse(token)).isSameAs(first);
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhenTheGenuineOneIsCached() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ofSeconds(30));
        String token = TestIssuer.token("cache-probe", "amc-viewer");
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String otherClaims = TestIssuer.token("someone-else", "amc-admin").split("\\.")[1];

        assertThatThrownBy(() -> tokens.parse(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsOwnExpiryOrTheTtlHasPassed() throws Exception {
        VerifiedTokens shortTokens = cache(Duration.ofMinutes(5));
        String expiring = TestIssuer.token(Duration.ofSeconds(1), "expiring", "amc-viewer");
        JsonWebToken first = shortTokens.parse(expiring);
        VerifiedTokens shortTtl = cache(Duration.ofMillis(300));
        String token = TestIssuer.token("ttl-probe", "amc-viewer");
        JsonWebToken before = shortTtl.parse(token);

        Thread.sleep(1_200);

        // Past exp smallrye-jwt decides again (it allows its clock skew); the cache no longer answers.
        assertThat(shortTokens.parse(expiring)).isNotSameAs(first);
        assertThat(shortTtl.parse(token)).isNotSameAs(before);
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() throws ParseException {
        VerifiedTokens tokens = cache(Duration.ZERO);
        String token = TestIssuer.token("no-cache", "amc-viewer");

        assertThat(tokens.parse(token)).isNotSameAs(tokens.parse(token));
    }
}
