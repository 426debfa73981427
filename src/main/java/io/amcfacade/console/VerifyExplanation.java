package io.amcfacade.console;

import io.amcfacade.api.model.VerifyProblem;
import io.amcfacade.api.model.VerifyResult;
import io.quarkus.qute.TemplateData;

/** A verify result in plain words: what it means, and what to do next. */
@TemplateData
public record VerifyExplanation(boolean intact, String headline, String meaning, String next) {

    static VerifyExplanation of(VerifyResult result) {
        VerifyProblem problem = result.getFirstProblem();
        if (Boolean.TRUE.equals(result.getIntact()) || problem == null) {
            return new VerifyExplanation(true, "The trail is intact",
                    "Every record checked matches its hash, every seal its signature, and the chain of seals has no gap.",
                    "Nothing to do. Export the range with its manifest if you need to hand the evidence on; "
                            + "records written in the last few seconds are checked once the next seal covers them.");
        }
        String where = problem.getSeq() != null ? "record " + problem.getSeq()
                : problem.getSealId() != null ? "seal " + problem.getSealId() : "the trail";
        return switch (problem.getKind()) {
            case "RECORD_MODIFIED" -> bad("A record was changed after it was written",
                    "The content of " + where + " no longer matches the hash recorded with it: someone with database "
                            + "access edited it.",
                    "Treat it as a security incident: open the action named here, compare it with your last export, and "
                            + "ask your database administrators who had owner or superuser access.");
            case "SEAL_DIGEST_MISMATCH" -> bad("Records under a seal were changed, added or removed",
                    "The records covered by " + where + " no longer add up to its digest, although each record's own "
                            + "hash may have been rewritten to match.",
                    "Treat it as a security incident: compare the range with an earlier export and the seal digests "
                            + "in the service's log, and restrict owner access to the database.");
            case "RECORD_DELETED", "RECORD_INSERTED" -> bad("Records were removed or slipped in",
                    "The records under a seal differ from those it counted (" + where + ").",
                    "Treat it as a security incident; restore the missing rows from a backup to see what they said.");
            case "SEAL_MISSING", "SEAL_CHAIN_BROKEN", "TAIL_TRUNCATED" -> bad("Seals are missing or out of order",
                    "The chain of seals is broken at " + where + ": seals were deleted, or the newest ones cut off.",
                    "Compare with the seal-head anchor file and the seal digests in the service's log; restore the "
                            + "seals table from a backup.");
            case "SEAL_SIGNATURE_INVALID" -> bad("A seal's signature does not match",
                    "The seal at " + where + " was not signed with the service's sealing key, or was altered.",
                    "Check that every replica uses the same sealing key; if so, the seal was forged.");
            case "LEGAL_HOLD_UNBOUND", "LEGAL_HOLD_MODIFIED", "LEGAL_HOLD_DELETED" -> bad("The legal hold was changed outside its audited action",
                    "A change of the legal hold under " + where + " is not one an auditor made through the audited legal-hold "
                            + "action, or it was altered or removed after it was sealed: the hold, and with it what retention may "
                            + "purge, is not what the trail says.",
                    "Treat it as a security incident: compare the legal-hold changes with the AUDIT_LEGAL_HOLD actions, set the "
                            + "hold again through the API if it must stand, and ask who had database access.");
            default -> bad("The trail did not verify", "The verifier reported " + problem.getKind() + " at " + where + ".",
                    "Read the detail below and docs/audit-integrity.md, and keep the current state of the database.");
        };
    }

    private static VerifyExplanation bad(String headline, String meaning, String next) {
        return new VerifyExplanation(false, headline, meaning, next);
    }
}
