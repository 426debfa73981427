package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A console session cookie the facade cannot read (garbage, empty, or encrypted before the session secret
 * was rotated) starts a new sign-in, as no cookie at all does, clears the bad cookie, and is audited.
 */
@QuarkusTest
class ConsoleBadSessionTest {

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "empty", "another secret" })
    void aSessionCookieThatCannotBeReadStartsANewSignInAndIsAudited(String kind) throws JoseException {
        String correlationId = "bad-session-" + UUID.randomUUID();

        Response response = given().redirects().follow(false).header("X-Request-Id", correlationId)
                .cookie("q_session_console", cookie(kind)).get("/console/activity");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/sandbox/oidc/authorize?").contains("code_challenge=");
        assertThat(response.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("q_session_console=;").contains("Max-Age=0"));
        // Refused before the page's action could take it: recorded whole, as every refusal of a request no action took.
        AuditEvent event = AuditTrail.eventOfRequest("REQUEST_REFUSED", correlationId);
        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(event.getHttpStatus()).isEqualTo(302);
        assertThat(event.getErrorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(event.getDetail()).contains("a new sign-in was started");
        assertThat(event.getPath()).isEqualTo("/console/activity");
        assertThat(event.getActor().getSubject()).isNull();
    }

    private static String cookie(String kind) throws JoseException {
        return switch (kind) {
            case "garbage" -> "not-a-session";
            case "empty" -> "";
            default -> encryptedUnderAnotherSecret();
        };
    }

    /** What a session cookie from before a rotation of the session secret is: a JWE under a key no longer used. */
    private static String encryptedUnderAnotherSecret() throws JoseException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.A256GCMKW);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKey(new SecretKeySpec(key, "AES"));
        jwe.setPlaintext("an.id.token|an.access.token|");
        return jwe.getCompactSerialization();
    }
}
