package io.amcfacade.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair that signs sandbox caller tokens: created once in the data directory, so tokens
 * minted before a restart stay valid after it.
 */
public record SandboxSigningKeys(Path privateKey, Path publicKey) {

    public static SandboxSigningKeys loadOrCreate(Path directory) throws IOException {
        SandboxSigningKeys keys = new SandboxSigningKeys(directory.resolve("sandbox-jwt-private.pem"),
                directory.resolve("sandbox-jwt-public.pem"));
        if (Files.isRegularFile(keys.privateKey()) && Files.isRegularFile(keys.publicKey())) {
            return keys;
        }
        Files.createDirectories(directory);
        KeyPair pair = generate();
        write(keys.privateKey(), "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        write(keys.publicKey(), "PUBLIC KEY", pair.getPublic().getEncoded(), false);
        return keys;
    }

    /** The public key as base64 DER, the form {@code mp.jwt.verify.publickey} takes. */
    public String publicKeyContent() {
        try {
            return pemBody(publicKey);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + publicKey, e);
        }
    }

    /** The base64 DER inside a PEM file, without its BEGIN/END lines and line breaks. */
    public static String pemBody(Path pem) throws IOException {
        return Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static void write(Path file, String label, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the data directory's own permissions apply.
            }
        }
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
