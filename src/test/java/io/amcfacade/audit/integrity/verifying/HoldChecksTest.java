package io.amcfacade.audit.integrity.verifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;

/** Each way a legal-hold change can differ from what its seal covers, on the checks as plain functions. */
class HoldChecksTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static LegalHoldChange change(long id, boolean active, long txid) {
        return new LegalHoldChange(id, T0.plusSeconds(id), active, UUID.nameUUIDFromBytes(("hold" + id).getBytes()), "case " + id,
                txid);
    }

    private static Seal seal(long id, int format, long from, long to, List<SealParts.Hold> holds) {
        return new Seal(id, T0.plusSeconds(60 * id), from, to, 0, "[]", "previous", "digest", "key", "signature", format, "[]", "[]",
                format >= Seal.WITH_HOLDS ? SealParts.write(holds) : null);
    }

    private static SealParts.Hold listed(LegalHoldChange change) {
        return new SealParts.Hold(change.changeId(), change.digest(), null);
    }

    @Test
    void theChangesASealListsPassUntouched() {
        LegalHoldChange on = change(1, true, 105);
        Seal seal = seal(2, Seal.WITH_HOLDS, 100, 110, List.of(listed(on)));
        assertThat(HoldChecks.check(seal, List.of(on))).isNull();
    }

    @Test
    void aChangeTheSealerCouldNotBindIsNamed() {
        LegalHoldChange lifted = change(1, false, 105);
        Seal seal = seal(2, Seal.WITH_HOLDS, 100, 110, List.of(new SealParts.Hold(1, lifted.digest(),
                "its intent (record 7) was not written by the service")));
        Problem problem = HoldChecks.check(seal, List.of(lifted));
        assertThat(problem.kind()).isEqualTo(Kind.LEGAL_HOLD_UNBOUND);
        assertThat(problem.eventId()).isEqualTo(lifted.eventId());
        assertThat(problem.detail()).contains("hold lifted").contains("record 7").contains("seal 2");
    }

    @Test
    void aChangeMissingFromItsSealIsUnbound() {
        LegalHoldChange on = change(1, true, 105);
        LegalHoldChange slipped = change(2, false, 106);
        Problem problem = HoldChecks.check(seal(2, Seal.WITH_HOLDS, 100, 110, List.of(listed(on))), List.of(on, slipped));
        assertThat(problem.kind()).isEqualTo(Kind.LEGAL_HOLD_UNBOUND);
        assertThat(problem.detail()).contains("change 2").contains("is not in seal 2");
    }

    @Test
    void aChangedOrDeletedChangeIsNamed() {
        LegalHoldChange on = change(1, true, 105);
        Seal seal = seal(2, Seal.WITH_HOLDS, 100, 110, List.of(listed(on)));
        LegalHoldChange flipped = new LegalHoldChange(1, on.changedAt(), false, on.eventId(), on.reason(), on.txid());
        assertThat(HoldChecks.check(seal, List.of(flipped)).kind()).isEqualTo(Kind.LEGAL_HOLD_MODIFIED);
        LegalHoldChange reworded = new LegalHoldChange(1, on.changedAt(), true, on.eventId(), "other", on.txid());
        assertThat(HoldChecks.check(seal, List.of(reworded)).kind()).isEqualTo(Kind.LEGAL_HOLD_MODIFIED);
        assertThat(HoldChecks.check(seal, List.of()).kind()).isEqualTo(Kind.LEGAL_HOLD_DELETED);
    }

    @Test
    void theFirstSealCoveringHoldsCoversEveryEarlierChangeAndLaterOnesOnlyTheirRange() {
        List<LegalHoldChange> all = new ArrayList<>(List.of(change(1, true, 5), change(2, false, 50), change(3, true, 105),
                change(4, false, 120)));
        var byTxid = HoldChecks.byTxid(all);
        Seal older = seal(1, Seal.ED25519, 0, 100, List.of());
        Seal first = seal(2, Seal.WITH_HOLDS, 100, 110, List.of());
        Seal next = seal(3, Seal.WITH_HOLDS, 110, 130, List.of());
        assertThat(HoldChecks.covered(older, null, byTxid)).isEmpty();
        assertThat(HoldChecks.check(older, all)).isNull(); // a seal of format 2 lists no changes
        assertThat(HoldChecks.covered(first, older, byTxid)).extracting(LegalHoldChange::changeId).containsExactly(1L, 2L, 3L);
        assertThat(HoldChecks.covered(first, null, byTxid)).extracting(LegalHoldChange::changeId).containsExactly(1L, 2L, 3L);
        assertThat(HoldChecks.covered(next, first, byTxid)).extracting(LegalHoldChange::changeId).containsExactly(4L);
    }

    @Test
    void aChangeFromATransactionNotYetBegunIsNamed() {
        LegalHoldChange ahead = change(9, false, 1L << 62);
        assertThat(HoldChecks.fromTheFuture(List.of(change(1, true, 5)), 1000, null)).isNull();
        Problem problem = HoldChecks.fromTheFuture(List.of(change(1, true, 5), ahead), 1000, null);
        assertThat(problem.kind()).isEqualTo(Kind.LEGAL_HOLD_UNBOUND);
        assertThat(problem.detail()).contains("change 9").contains("has not begun");
    }
}
