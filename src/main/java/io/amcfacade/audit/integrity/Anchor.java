package io.amcfacade.audit.integrity;

/** The latest seal someone kept outside the database (anchor file, witness, logs), to catch a cut-off tail. */
public record Anchor(long sealId, String digest) {

    /** Reads {@code ID DIGEST} (the anchor file's form) or {@code ID:DIGEST} (the form the verifier prints). */
    public static Anchor parse(String text) {
        String[] parts = text.trim().split("[ :]", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("An anchor is SEAL_ID DIGEST (or SEAL_ID:DIGEST), not: " + text.trim());
        }
        return new Anchor(Long.parseLong(parts[0].trim()), parts[1].trim());
    }

    @Override
    public String toString() {
        return sealId + " " + digest;
    }
}
