package io.amcfacade.audit.integrity.verifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.TailChecks;
import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;
import io.amcfacade.audit.storage.TrailRecord;

/** One case per kind of tampering, on the verify checks as plain functions: no database, milliseconds each. */
class VerifyChecksTest {

    private static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");
    private static SealSigner signer;
    private static SealKey legacyKey;
    private static RecordMac mac;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        signer = SealSigner.loadOrCreate(dir.resolve("seal.key"));
        legacyKey = SealKey.loadOrCreate(dir.resolve("hmac.key"));
        mac = new RecordMac(legacyKey);
    }

    private static TrailRecord record(long seq, Instant at, String actor) {
        TrailRecord r = new TrailRecord();
        r.seq = seq;
        r.txid = 100 + seq;
        r.recordedAt = at;
        r.eventId = UUID.nameUUIDFromBytes(("event" + seq).getBytes());
        r.kind = TrailRecord.Kind.INTENT;
        r.actorSubject = actor;
        r.action = "ACCOUNTS_LIST";
        r.contentHash = CanonicalRecord.hashV2(r);
        r.recordMac = mac.of(r.contentHash);
        return r;
    }

    /** A signed Ed25519 seal over the records, as the sealer makes it. */
    private static Seal seal(long id, Seal previous, Instant at, List<TrailRecord> records, List<SealParts.Rejected> rejected,
            List<SealParts.Purge> purges) {
        List<SealParts.Row> rows = records.stream().map(r -> new SealParts.Row(r.seq, r.recordedAt, r.contentHash)).toList();
        Seal unsigned = new Seal(id, at, previous == null ? 0 : previous.txidTo(), 100 + id * 10, rows.size(),
                SealParts.write(SealParts.of(rows, Seal.ED25519)), previous == null ? Seal.GENESIS : previous.digest(), null, null,
                null, Seal.ED25519, SealParts.write(purges), SealParts.write(rejected), null);
        String digest = unsigned.expectedDigest();
        return unsigned.signed(digest, signer.publicKey().id(), signer.sign(digest));
    }

    private static Seal seal(long id, Seal previous, Instant at, List<TrailRecord> records) {
        return seal(id, previous, at, records, List.of(), List.of());
    }

    private static PurgedMonths none() {
        return new PurgedMonths(List.of());
    }

    @Test
    void anUntouchedSealPassesEveryCheck() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        Seal first = seal(1, null, T0, List.of());
        Seal second = seal(2, first, T0.plusSeconds(5), List.of(a));

        assertThat(SealChecks.link(second, first, true)).isNull();
        assertThat(SealChecks.digest(second)).isNull();
        assertThat(SealChecks.signature(second, signer.publicKey(), null)).isNull();
        assertThat(RecordChecks.check(second, first, List.of(a), none())).isNull();
    }

    @Test
    void aModifiedFieldIsNamed() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(a));
        a.actorSubject = "mallory";

        assertThat(RecordChecks.check(seal, null, List.of(a), none())).extracting(Problem::kind, Problem::seq)
                .containsExactly(Kind.RECORD_MODIFIED, 1L);
    }

    @Test
    void aModifiedFieldWithARewrittenHashBreaksThePartDigest() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(a));
        a.actorSubject = "mallory";
        a.contentHash = CanonicalRecord.hashV2(a);

        assertThat(RecordChecks.check(seal, null, List.of(a), none()).kind()).isEqualTo(Kind.SEAL_DIGEST_MISMATCH);
    }

    @Test
    void aMovedTimeBreaksThePartDigest() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(a));
        a.recordedAt = T0.plusSeconds(2);

        assertThat(RecordChecks.check(seal, null, List.of(a), none()).kind()).isEqualTo(Kind.SEAL_DIGEST_MISMATCH);
    }

    @Test
    void anInsertedRecordIsNamed() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(a));
        TrailRecord forged = record(2, T0.plusSeconds(2), "mallory");

        assertThat(RecordChecks.check(seal, null, List.of(a, forged), none())).extracting(Problem::kind, Problem::seq)
                .containsExactly(Kind.RECORD_INSERTED, 2L);
    }

    @Test
    void aDeletedRecordIsNamed() {
        TrailRecord a = record(1, T0.plusSeconds(1), "alice");
        TrailRecord b = record(2, T0.plusSeconds(2), "bob");
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(a, b));

        assertThat(RecordChecks.check(seal, null, List.of(a), none())).extracting(Problem::kind, Problem::seq)
                .containsExactly(Kind.RECORD_DELETED, 2L);
    }

    @Test
    void aRecordTheSealerRejectedIsNamedAsForgedWithoutAnyKey() {
        TrailRecord forged = record(1, T0.plusSeconds(1), "alice");
        forged.recordMac = null;
        Seal seal = seal(1, null, T0.plusSeconds(5), List.of(forged), List.of(new SealParts.Rejected(1, "no MAC")), List.of());

        assertThat(RecordChecks.check(seal, null, List.of(forged), none())).extracting(Problem::kind, Problem::seq)
                .containsExactly(Kind.RECORD_FORGED, 1L);
    }

    @Test
    void aBackDatedRecordIsOutsideItsSealsWindow() {
        Seal first = seal(1, null, T0, List.of());
        TrailRecord backDated = record(1, T0.minus(Duration.ofDays(3)), "alice");
        Seal second = seal(2, first, T0.plusSeconds(5), List.of(backDated));

        assertThat(RecordChecks.check(second, first, List.of(backDated), none())).extracting(Problem::kind, Problem::seq)
                .containsExactly(Kind.RECORD_OUTSIDE_SEAL_WINDOW, 1L);
    }

    @Test
    void aRecordWithinTheSlackIsOnTime() {
        Seal first = seal(1, null, T0, List.of());
        TrailRecord early = record(1, T0.minus(RecordChecks.WINDOW_SLACK).plusMillis(1), "alice");
        Seal second = seal(2, first, T0.plusSeconds(5), List.of(early));

        assertThat(RecordChecks.check(second, first, List.of(early), none())).isNull();
    }

    @Test
    void anAlteredSealIsNamed() {
        Seal seal = seal(1, null, T0, List.of());
        Seal altered = new Seal(1, T0, 0, seal.txidTo() + 5, 0, seal.parts(), Seal.GENESIS, seal.digest(), seal.keyId(),
                seal.signature(), Seal.ED25519, seal.purges(), seal.rejected(), null);

        assertThat(SealChecks.digest(altered).kind()).isEqualTo(Kind.SEAL_DIGEST_MISMATCH);
    }

    @Test
    void aForgedSignatureIsNamedAndSoIsAnHmacSealWhenTheVerifierHoldsTheKey() {
        Seal seal = seal(1, null, T0, List.of());
        Seal forged = seal.signed(seal.digest(), seal.keyId(), "00".repeat(64));
        Seal hmac = new Seal(1, T0, 0, 10, 0, "[]", Seal.GENESIS, null, legacyKey.id(), null, Seal.HMAC, null, null, null);
        Seal signedHmac = hmac.signed(hmac.expectedDigest(), legacyKey.id(), "forged");

        assertThat(SealChecks.signature(forged, signer.publicKey(), null).kind()).isEqualTo(Kind.SEAL_SIGNATURE_INVALID);
        assertThat(SealChecks.signature(signedHmac, signer.publicKey(), legacyKey).kind()).isEqualTo(Kind.SEAL_SIGNATURE_INVALID);
        assertThat(SealChecks.signature(hmac.signed(hmac.expectedDigest(), legacyKey.id(), legacyKey.sign(hmac.expectedDigest())),
                signer.publicKey(), legacyKey)).isNull();
    }

    @Test
    void aMissingOrUnlinkedSealIsNamed() {
        Seal first = seal(1, null, T0, List.of());
        Seal second = seal(2, first, T0.plusSeconds(5), List.of());
        Seal third = seal(3, second, T0.plusSeconds(10), List.of());
        Seal other = seal(2, seal(1, null, T0.plusSeconds(1), List.of()), T0.plusSeconds(5), List.of());

        assertThat(SealChecks.link(third, first, true).kind()).isEqualTo(Kind.SEAL_MISSING);
        assertThat(SealChecks.link(second, null, true).kind()).isEqualTo(Kind.SEAL_MISSING);
        assertThat(SealChecks.link(other, first, true).kind()).isEqualTo(Kind.SEAL_CHAIN_BROKEN);
    }

    @Test
    void aCutTailIsNamedByTheAnchorAndByTheSilence() {
        Seal first = seal(1, null, T0, List.of());
        Seal second = seal(2, first, T0.plusSeconds(5), List.of());
        Seal resealed = seal(2, first, T0.plusSeconds(7), List.of());
        Anchor anchor = new Anchor(2, second.digest());

        assertThat(TailChecks.anchor(anchor, Optional.of(second), Optional.of(second))).isNull();
        assertThat(TailChecks.anchor(anchor, Optional.empty(), Optional.of(first))).extracting(Problem::kind, Problem::sealId)
                .containsExactly(Kind.TAIL_TRUNCATED, 2L);
        assertThat(TailChecks.anchor(anchor, Optional.of(resealed), Optional.of(resealed)).kind()).isEqualTo(Kind.TAIL_TRUNCATED);
        assertThat(TailChecks.fresh(second, Duration.ofSeconds(30), T0.plusSeconds(60)).kind()).isEqualTo(Kind.TAIL_TRUNCATED);
        assertThat(TailChecks.fresh(second, Duration.ofSeconds(30), T0.plusSeconds(20))).isNull();
    }

    @Test
    void aPurgeMustMatchWhatTheSealsHoldAndComeAfterItsMonth() {
        TrailRecord a = record(1, Instant.parse("2026-09-10T10:00:00Z"), "alice");
        Seal seal = seal(1, null, Instant.parse("2026-09-10T10:00:05Z"), List.of(a));
        PurgedMonths honest = new PurgedMonths(List.of(new SealParts.Purge("2026-09", 1, 1, seal.digest(), "2026-11-01T00:00:00Z")));
        PurgedMonths wrongCount = new PurgedMonths(List.of(new SealParts.Purge("2026-09", 7, 1, seal.digest(), "2026-11-01T00:00:00Z")));
        PurgedMonths early = new PurgedMonths(List.of(new SealParts.Purge("2026-09", 1, 1, seal.digest(), "2026-09-20T00:00:00Z")));

        for (PurgedMonths purged : List.of(honest, wrongCount, early)) {
            assertThat(RecordChecks.check(seal, null, List.of(), purged)).isNull(); // the month's records are gone by right
        }
        assertThat(honest.check(Map.of(1L, seal.digest()))).isNull();
        assertThat(wrongCount.check(Map.of(1L, seal.digest())).kind()).isEqualTo(Kind.PURGE_MISMATCH);
        assertThat(early.check(Map.of(1L, seal.digest())).kind()).isEqualTo(Kind.PURGE_OUT_OF_POLICY);
    }
}
