package io.amcfacade.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.audit.storage.TrailRecord;

/**
 * What the seals say about the actions a reader shows, without verifying the trail per request: the
 * seal covering each record is found by its txid (one indexed look-up per page), its digest and Ed25519
 * signature are checked once per process and remembered, and the records its signed {@code rejected}
 * list names are marked. A record no seal covers yet is unsealed (the next seal takes it within the seal
 * interval); a seal that does not verify vouches for nothing. Two checks need no seal and are made on the
 * spot: an {@code occurred_at} further than {@link #OCCURRED_SLACK} from the database's {@code recorded_at},
 * and a second record with the same kind and position in one action (a replay).
 *
 * <p>The mark is as fresh as the newest seal: the sealer names forged, back-dated, skewed and replayed
 * records when it seals them, so a record is marked from the seal after it was written on.
 */
@ApplicationScoped
public class TrailVerdicts {

    /**
     * How far a record's time may lie outside its seal's window [previous seal's time, seal's time]; both
     * come from the database clock (see {@code RecordChecks}).
     */
    public static final Duration WINDOW_SLACK = Duration.ofSeconds(60);
    /**
     * How far the time the service says an action began ({@code occurred_at}, its own clock, taken when
     * the request arrived) may lie from the database's {@code recorded_at} of the same record. An intent
     * is committed before the action touches anything, at the latest with the answer (decision 0021), so
     * a request's whole duration, AMC's retries included, falls well within five minutes.
     */
    public static final Duration OCCURRED_SLACK = Duration.ofMinutes(5);

    /** The reasons a seal gives in its {@code rejected} list, besides a missing or wrong MAC. */
    public static final String DUPLICATE = "duplicate of record ";
    public static final String OUTSIDE_WINDOW = "time outside the seal's window";
    public static final String SKEWED = "occurred_at far from the database's time: ";

    /** How far an action can be believed, worst first. */
    public enum Status {
        REJECTED, SEAL_INVALID, UNSEALED, VERIFIED
    }

    /** What is wrong with one record. */
    public enum Code {
        RECORD_FORGED, RECORD_DUPLICATED, RECORD_OUTSIDE_SEAL_WINDOW, RECORD_TIME_SKEWED, SEAL_INVALID
    }

    public record Finding(Code code, long seq, Long sealId, String detail) {
    }

    /** The verdict on one action: its status, the seals that vouch for some of its records, and what is wrong. */
    public record Verdict(Status status, List<Long> sealIds, List<Finding> findings) {

        public static final Verdict NONE = new Verdict(Status.UNSEALED, List.of(), List.of());

        /** One line: {@code VERIFIED}, {@code UNSEALED}, or the status and each finding's code and record. */
        public String line() {
            StringBuilder text = new StringBuilder(status.name());
            for (Finding finding : findings) {
                text.append(' ').append(finding.code()).append('@').append(finding.seq());
            }
            return text.toString();
        }
    }

    /** The part of a record a verdict needs. */
    public record Rec(UUID eventId, long seq, long txid, String kind, Integer position, Instant recordedAt, Instant occurredAt) {

        public static Rec of(TrailRecord r) {
            return new Rec(r.eventId, r.seq, r.txid, r.kind.name(), r.position, r.recordedAt, r.occurredAt);
        }
    }

    /** A seal as checked once: whether it verifies, and the records it names. */
    private record Judged(String digest, boolean valid, Map<Long, String> rejected) {
    }

    private static final int REMEMBERED = 50_000;

    private final SealPublicKey publicKey;
    private final Map<Long, Judged> judged = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Judged> eldest) {
            return size() > REMEMBERED;
        }
    });

    public TrailVerdicts(SealPublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** The verdict on each action whose records are given (all of each action's records, in any order). */
    public Map<UUID, Verdict> judge(Connection connection, Collection<Rec> records) throws SQLException {
        Map<Long, Long> sealOf = covering(connection, records);
        Map<Long, Judged> seals = seals(connection, new HashSet<>(sealOf.values()));
        Map<UUID, List<Rec>> byEvent = new LinkedHashMap<>();
        Set<Long> once = new HashSet<>();
        for (Rec r : records) {
            if (once.add(r.seq())) { // a page may hold an action twice (a replayed intent): count each record once
                byEvent.computeIfAbsent(r.eventId(), e -> new ArrayList<>()).add(r);
            }
        }
        Map<UUID, Verdict> verdicts = new HashMap<>();
        byEvent.forEach((event, recs) -> verdicts.put(event, verdict(recs, sealOf, seals)));
        return verdicts;
    }

    private static Verdict verdict(List<Rec> records, Map<Long, Long> sealOf, Map<Long, Judged> seals) {
        List<Finding> findings = new ArrayList<>();
        Set<Long> sealIds = new TreeSet<>();
        boolean unsealed = false;
        Map<String, Long> seen = new HashMap<>();
        for (Rec r : records.stream().sorted(java.util.Comparator.comparingLong(Rec::seq)).toList()) {
            Long sealId = sealOf.get(r.txid());
            Judged seal = sealId == null ? null : seals.get(sealId);
            String reason = null;
            if (seal == null) {
                unsealed = true;
            } else if (!seal.valid()) {
                findings.add(new Finding(Code.SEAL_INVALID, r.seq(), sealId, "Seal " + sealId
                        + " does not verify under the seal key: it vouches for nothing."));
            } else {
                reason = seal.rejected().get(r.seq());
                if (reason == null) {
                    sealIds.add(sealId); // a seal vouches only for the records it does not name
                } else {
                    findings.add(new Finding(code(reason), r.seq(), sealId, "Seal " + sealId + " names record " + r.seq()
                            + " (" + r.kind() + "): " + reason + "."));
                }
            }
            String key = r.kind() + "|" + r.position();
            Long original = seen.putIfAbsent(key, r.seq());
            if (original != null && (reason == null || code(reason) != Code.RECORD_DUPLICATED)) {
                findings.add(new Finding(Code.RECORD_DUPLICATED, r.seq(), sealId, "Record " + r.seq() + " repeats record "
                        + original + " (" + r.kind() + (r.position() == null ? "" : " " + r.position()) + ")."));
            }
            if (r.occurredAt() != null && skewed(r.occurredAt(), r.recordedAt())
                    && (reason == null || code(reason) != Code.RECORD_TIME_SKEWED)) {
                findings.add(new Finding(Code.RECORD_TIME_SKEWED, r.seq(), sealId, "Record " + r.seq() + " says it occurred at "
                        + r.occurredAt() + ", but the database recorded it at " + r.recordedAt() + "."));
            }
        }
        Status status = findings.stream().anyMatch(f -> f.code() != Code.SEAL_INVALID) ? Status.REJECTED
                : !findings.isEmpty() ? Status.SEAL_INVALID : unsealed ? Status.UNSEALED : Status.VERIFIED;
        return new Verdict(status, List.copyOf(sealIds), List.copyOf(findings));
    }

    /** Whether {@code occurred} lies further than {@link #OCCURRED_SLACK} from {@code recorded}. */
    public static boolean skewed(Instant occurred, Instant recorded) {
        return occurred != null && recorded != null && Duration.between(occurred, recorded).abs().compareTo(OCCURRED_SLACK) > 0;
    }

    /** The finding a seal's reason stands for. */
    public static Code code(String reason) {
        if (reason.startsWith(DUPLICATE)) {
            return Code.RECORD_DUPLICATED;
        }
        if (reason.startsWith(OUTSIDE_WINDOW)) {
            return Code.RECORD_OUTSIDE_SEAL_WINDOW;
        }
        if (reason.startsWith(SKEWED)) {
            return Code.RECORD_TIME_SKEWED;
        }
        return Code.RECORD_FORGED;
    }

    /** Record txid to the id of the seal covering it, for every txid a seal covers; one statement. */
    private static Map<Long, Long> covering(Connection connection, Collection<Rec> records) throws SQLException {
        Long[] txids = records.stream().map(Rec::txid).distinct().toArray(Long[]::new);
        Map<Long, Long> sealOf = new HashMap<>();
        if (txids.length == 0) {
            return sealOf;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.txid, s.seal_id FROM unnest(?::bigint[]) "
                + "AS t(txid) JOIN LATERAL (SELECT seal_id, txid_from FROM audit_seals WHERE txid_to > t.txid "
                + "ORDER BY txid_to, seal_id LIMIT 1) s ON s.txid_from <= t.txid")) {
            statement.setArray(1, connection.createArrayOf("bigint", txids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sealOf.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return sealOf;
    }

    /** The seals, each checked once per process (again only if its stored digest changed). */
    private Map<Long, Judged> seals(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, Judged> seals = new HashMap<>();
        if (ids.isEmpty()) {
            return seals;
        }
        Map<Long, String> digests = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seal_id, digest FROM audit_seals WHERE seal_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<Long> unknown = new ArrayList<>();
        digests.forEach((id, digest) -> {
            Judged known = judged.get(id);
            if (known != null && Objects.equals(known.digest(), digest)) {
                seals.put(id, known);
            } else {
                unknown.add(id);
            }
        });
        if (unknown.isEmpty()) {
            return seals;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE seal_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", unknown.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Seal seal = Seal.read(rs);
                    Judged verdict = judge(seal);
                    judged.put(seal.sealId(), verdict);
                    seals.put(seal.sealId(), verdict);
                }
            }
        }
        return seals;
    }

    /**
     * A seal vouches when its digest matches its fields and an Ed25519 seal's signature verifies under
     * the seal key. A seal of the previous version (HMAC) is taken on its digest: the chain authenticates
     * it (the verifier checks that), and the database's role can no longer add one.
     */
    private Judged judge(Seal seal) {
        boolean valid = seal.expectedDigest().equals(seal.digest()) && (seal.format() == Seal.HMAC
                || publicKey.id().equals(seal.keyId()) && publicKey.verifies(seal.digest(), seal.signature()));
        Map<Long, String> rejected = new HashMap<>();
        if (valid) {
            for (SealParts.Rejected r : SealParts.rejected(seal.rejected())) {
                rejected.put(r.seq(), r.reason());
            }
        }
        return new Judged(seal.digest(), valid, rejected);
    }
}
