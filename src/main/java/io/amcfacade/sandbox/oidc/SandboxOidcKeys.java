package io.amcfacade.sandbox.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key the provider signs ID tokens with: the sandbox's own RSA key (the one caller tokens use, made
 * in the data directory at first start), published as a JWK set.
 */
@ApplicationScoped
public class SandboxOidcKeys {

    static final String KEY_ID = "sandbox";

    private final String location;
    private volatile RSAPrivateCrtKey key;

    public SandboxOidcKeys(@ConfigProperty(name = "amc.sandbox.signing-key-location") java.util.Optional<String> location) {
        this.location = location.orElse(null);
    }

    RSAPrivateCrtKey signingKey() {
        RSAPrivateCrtKey current = key;
        if (current == null) {
            if (location == null) {
                throw new IllegalStateException("amc.sandbox.signing-key-location is not set; the sandbox is not initialised");
            }
            current = key = read(Path.of(location));
        }
        return current;
    }

    /** {@code {"keys":[…]}} with the public half only. */
    Map<String, Object> jwks() {
        RSAPrivateCrtKey rsa = signingKey();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return Map.of("keys", List.of(Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256",
                "n", url.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                "e", url.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())))));
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static RSAPrivateCrtKey read(Path pem) {
        try {
            String body = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the sandbox signing key " + pem, e);
        }
    }
}
