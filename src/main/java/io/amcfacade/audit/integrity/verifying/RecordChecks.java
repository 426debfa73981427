package io.amcfacade.audit.integrity.verifying;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.TrailVerdicts;

/**
 * Checks that the records of one seal's txid range are exactly the sealed ones, unchanged, genuine and
 * on time: plain functions over what was read, null when fine.
 */
public final class RecordChecks {

    /**
     * How far a record's time may lie outside its seal's window [previous seal's time, seal's time].
     * Both times come from the database clock; a record's time is set when its insert runs and its txid
     * when its transaction first writes, a few milliseconds apart, and the service's audit transactions
     * last milliseconds. A minute covers a stalled transaction; back-dating by more is named.
     */
    public static final Duration WINDOW_SLACK = TrailVerdicts.WINDOW_SLACK;

    private RecordChecks() {
    }

    /**
     * @param previous the seal before (null for the first seal: no lower bound)
     * @param rows every record in the seal's txid range, in (txid, seq) order
     */
    public static Problem check(Seal seal, Seal previous, List<TrailRecord> rows, PurgedMonths purged) {
        Map<String, List<TrailRecord>> byMonth = new LinkedHashMap<>();
        for (TrailRecord row : rows) {
            byMonth.computeIfAbsent(month(row), m -> new ArrayList<>()).add(row);
        }
        Map<Long, TrailRecord> present = new HashMap<>();
        List<SealParts.Part> kept = new ArrayList<>();
        for (SealParts.Part part : SealParts.read(seal.parts())) {
            List<TrailRecord> records = byMonth.getOrDefault(part.month(), List.of());
            byMonth.remove(part.month());
            if (purged.covers(part.month(), seal.sealId())) {
                purged.count(part.month(), part.count());
                continue; // dropped by retention; the signed part digest stands for it
            }
            Problem problem = sameRecords(seal, part.seqs(), records);
            if (problem != null) {
                return problem;
            }
            records.forEach(r -> present.put(r.seq, r));
            kept.add(part);
        }
        for (List<TrailRecord> extra : byMonth.values()) {
            return inserted(seal, extra.get(0));
        }
        // Forged before modified: a forger's hash need not follow our formula, and what matters is who wrote it.
        Problem problem = forged(seal, present);
        for (int i = 0; problem == null && i < kept.size(); i++) {
            SealParts.Part part = kept.get(i);
            problem = contentAndDigest(seal, part, part.seqs().stream().map(present::get).toList());
        }
        return problem != null ? problem : window(seal, previous, rows, purged);
    }

    /**
     * Both lists are in sealing order (txid, seq), so an untouched month is the same sequence; only when
     * it is not are the sets built to name the first record added or missing.
     */
    static Problem sameRecords(Seal seal, List<Long> sealed, List<TrailRecord> present) {
        boolean same = sealed.size() == present.size();
        for (int i = 0; same && i < sealed.size(); i++) {
            same = sealed.get(i) == present.get(i).seq.longValue();
        }
        if (same) {
            return null;
        }
        Set<Long> sealedSet = new HashSet<>(sealed);
        for (TrailRecord row : present) {
            if (!sealedSet.contains(row.seq)) {
                return inserted(seal, row);
            }
        }
        Set<Long> found = new HashSet<>();
        present.forEach(r -> found.add(r.seq));
        for (Long seq : sealed) {
            if (!found.contains(seq)) {
                return new Problem(Kind.RECORD_DELETED, seal.sealId(), seq, null, "Record " + seq + " of seal " + seal.sealId() + " is missing.");
            }
        }
        return null; // the same records in another order: the part digest names it
    }

    static Problem contentAndDigest(Seal seal, SealParts.Part part, List<TrailRecord> records) {
        for (TrailRecord row : records) {
            if (!CanonicalRecord.hash(row).equals(row.contentHash)) {
                return new Problem(Kind.RECORD_MODIFIED, seal.sealId(), row.seq, row.eventId,
                        "The content hash of record " + row.seq + " (" + row.kind + ") does not match its fields.");
            }
        }
        List<SealParts.Row> rows = records.stream().map(r -> new SealParts.Row(r.seq, r.recordedAt, r.contentHash)).toList();
        if (!SealParts.digest(part.month(), rows, seal.format()).equals(part.digest())) {
            return SealChecks.problem(Kind.SEAL_DIGEST_MISMATCH, seal, "The records of seal " + seal.sealId() + " for "
                    + part.month() + " do not match it: a stored content hash or time was rewritten.");
        }
        return null;
    }

    /** Records the sealer found without a valid MAC: the seal names them, signed, so no key is needed to see it. */
    static Problem forged(Seal seal, Map<Long, TrailRecord> present) {
        for (SealParts.Rejected rejected : SealParts.rejected(seal.rejected())) {
            TrailRecord row = present.get(rejected.seq());
            if (row == null) {
                continue;
            }
            String what = "Record " + row.seq + " (" + row.kind + (row.action == null ? "" : " " + row.action)
                    + (row.actorSubject == null ? "" : " by " + row.actorSubject) + ")";
            switch (TrailVerdicts.code(rejected.reason())) {
                case RECORD_DUPLICATED:
                    return new Problem(Kind.RECORD_DUPLICATED, seal.sealId(), row.seq, row.eventId, what + " replays an earlier "
                            + "record of the same action: " + rejected.reason() + " (seal " + seal.sealId() + ").");
                case RECORD_OUTSIDE_SEAL_WINDOW:
                    return new Problem(Kind.RECORD_OUTSIDE_SEAL_WINDOW, seal.sealId(), row.seq, row.eventId, what + " says "
                            + row.recordedAt + ": " + rejected.reason() + " (seal " + seal.sealId() + "); its time was set by hand.");
                case RECORD_TIME_SKEWED:
                    return new Problem(Kind.RECORD_TIME_SKEWED, seal.sealId(), row.seq, row.eventId, what + " was recorded at "
                            + row.recordedAt + ", its " + rejected.reason() + " (more than "
                            + TrailVerdicts.OCCURRED_SLACK.toMinutes() + " min apart; seal " + seal.sealId() + ").");
                default:
                    return new Problem(Kind.RECORD_FORGED, seal.sealId(), row.seq, row.eventId, what
                            + " was not written by the service: " + rejected.reason() + " (seal " + seal.sealId() + ").");
            }
        }
        return null;
    }

    /** Ed25519 seals only: the previous version's records took their time from the writer, not the database clock. */
    static Problem window(Seal seal, Seal previous, List<TrailRecord> rows, PurgedMonths purged) {
        if (seal.format() == Seal.HMAC) {
            return null;
        }
        for (TrailRecord row : rows) {
            boolean early = previous != null && row.recordedAt.isBefore(previous.sealedAt().minus(WINDOW_SLACK));
            boolean late = row.recordedAt.isAfter(seal.sealedAt().plus(WINDOW_SLACK));
            if ((early || late) && !purged.covers(month(row), seal.sealId())) {
                return new Problem(Kind.RECORD_OUTSIDE_SEAL_WINDOW, seal.sealId(), row.seq, row.eventId, "Record " + row.seq
                        + " says " + row.recordedAt + " but was sealed by seal " + seal.sealId() + " covering "
                        + (previous == null ? "the start" : previous.sealedAt()) + " to " + seal.sealedAt() + " (± "
                        + WINDOW_SLACK.toSeconds() + " s): its time was set by hand.");
            }
        }
        return null;
    }

    private static Problem inserted(Seal seal, TrailRecord row) {
        return new Problem(Kind.RECORD_INSERTED, seal.sealId(), row.seq, row.eventId,
                "Record " + row.seq + " (" + row.kind + ") is not in seal " + seal.sealId() + ": it was added afterwards.");
    }

    static String month(TrailRecord row) {
        return YearMonth.from(LocalDate.ofEpochDay(Math.floorDiv(row.recordedAt.getEpochSecond(), 86_400))).toString();
    }
}
