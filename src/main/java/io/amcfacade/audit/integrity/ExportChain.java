package io.amcfacade.audit.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of an export's lines, so a file can be checked offline line by line: each line ends
 * in the first 128 bits of SHA-256(previous chain value ‖ the line's bytes before its hash), and the
 * signed manifest names the last chain value. A line changed by hand no longer matches its own hash;
 * lines rewritten with recomputed hashes no longer end in the signed value.
 */
public final class ExportChain {

    /** The text the manifest's signature covers. */
    public static String signed(long count, String sha256, String chain) {
        return "amc-audit-export-v1|" + count + "|" + sha256 + "|" + chain;
    }

    private final MessageDigest sha256;
    private byte[] value;

    public ExportChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        value = sha256.digest("amc-audit-export-v1".getBytes(StandardCharsets.US_ASCII));
    }

    /** @param line the line's bytes before its hash; @return the hash the line ends in */
    public String next(byte[] line, int length) {
        sha256.update(value);
        sha256.update(line, 0, length);
        value = sha256.digest();
        return HexFormat.of().formatHex(value, 0, 16);
    }

    public String head() {
        return HexFormat.of().formatHex(value);
    }
}
