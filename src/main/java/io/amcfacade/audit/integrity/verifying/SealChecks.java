package io.amcfacade.audit.integrity.verifying;

import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealPublicKey;

/** Checks one seal's place in the chain, its digest and its signature: plain functions, null when fine. */
public final class SealChecks {

    private SealChecks() {
    }

    /** @param previous the seal before it (null for the first one read) */
    public static Problem link(Seal seal, Seal previous, boolean fromStart) {
        if (previous == null && fromStart && (seal.sealId() != 1 || !Seal.GENESIS.equals(seal.previousDigest()) || seal.txidFrom() != 0)) {
            return problem(Kind.SEAL_MISSING, seal, "The first seal is " + seal.sealId() + "; seals before it were removed.");
        }
        if (previous != null && seal.sealId() != previous.sealId() + 1) {
            return problem(Kind.SEAL_MISSING, seal, "Seal " + (previous.sealId() + 1) + " is missing before seal " + seal.sealId() + ".");
        }
        if (previous != null && (!seal.previousDigest().equals(previous.digest()) || seal.txidFrom() != previous.txidTo())) {
            return problem(Kind.SEAL_CHAIN_BROKEN, seal, "Seal " + seal.sealId() + " does not continue seal " + previous.sealId() + ".");
        }
        return null;
    }

    public static Problem digest(Seal seal) {
        if (!seal.expectedDigest().equals(seal.digest())) {
            return problem(Kind.SEAL_DIGEST_MISMATCH, seal, "Seal " + seal.sealId() + " was altered: its digest does not match its fields.");
        }
        return null;
    }

    /**
     * An Ed25519 seal must verify under the public key. An HMAC seal of the previous version is checked
     * when the verifier holds that secret; without it, it is authenticated by the chain: the next
     * Ed25519 seal signs a digest that covers its digest (the verifier reports the trail unauthenticated
     * if no Ed25519 seal follows).
     *
     * @param legacyKey the previous version's HMAC key, or null
     */
    public static Problem signature(Seal seal, SealPublicKey publicKey, SealKey legacyKey) {
        boolean valid;
        if (seal.format() == Seal.HMAC) {
            valid = legacyKey == null || (legacyKey.id().equals(seal.keyId()) && legacyKey.sign(seal.digest()).equals(seal.signature()));
        } else {
            valid = publicKey.id().equals(seal.keyId()) && publicKey.verifies(seal.digest(), seal.signature());
        }
        return valid ? null : problem(Kind.SEAL_SIGNATURE_INVALID, seal, "Seal " + seal.sealId() + " is not signed by the "
                + (seal.format() == Seal.HMAC ? "configured HMAC key" : "seal public key " + publicKey.id()) + ".");
    }

    static Problem problem(Kind kind, Seal seal, String detail) {
        return new Problem(kind, seal.sealId(), null, null, detail);
    }
}
