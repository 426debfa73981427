package io.amcfacade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** A stand-in for a company identity provider: a key pair made per test run, never committed. */
public final class TestIssuer {

    public static final String ISSUER = "https://idp.example.test";
    private static final KeyPair KEYS = generate();

    private TestIssuer() {
    }

    /** Writes the public key where {@code mp.jwt.verify.publickey.location} can read it. */
    public static String publicKeyLocation() {
        try {
            Path file = Files.createDirectories(Path.of("target", "test-issuer")).resolve("public.pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file.toAbsolutePath().toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String token(String subject, String... roles) {
        return token(Duration.ofMinutes(5), subject, roles);
    }

    public static String token(Duration lifetime, String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(lifetime).sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
