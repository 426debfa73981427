package io.amcfacade.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** The caller-token check of the running service goes through {@link VerifiedTokens}, not smallrye-jwt's parser alone. */
@QuarkusTest
class VerifiedTokensInUseTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesCallerTokensThroughTheCache() throws Exception {
        String token = Callers.token(Callers.uniqueSubject("cached"), "amc-viewer");
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
        assertThat(((VerifiedTokens) parser).remembers(token)).isFalse();

        given().auth().oauth2(token).get("/v1/accounts").then().statusCode(200);

        assertThat(((VerifiedTokens) parser).remembers(token)).isTrue();
    }
}
