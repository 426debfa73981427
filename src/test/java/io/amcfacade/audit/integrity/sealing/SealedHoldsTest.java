package io.amcfacade.audit.integrity.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.storage.TrailRecord;

/** When the sealer holds a legal-hold change bound to its intent, as a plain function. */
class SealedHoldsTest {

    private static final UUID EVENT = UUID.randomUUID();
    private static final Predicate<TrailRecord> ALL_GENUINE = r -> true;

    private static TrailRecord record(long seq, TrailRecord.Kind kind, String action, String summary) {
        TrailRecord r = TrailRecord.of(kind, EVENT);
        r.seq = seq;
        r.txid = 100L;
        r.action = action;
        r.requestSummary = summary;
        return r;
    }

    private static List<TrailRecord> asked(String summary) {
        return List.of(record(1, TrailRecord.Kind.INTENT, LegalHoldChange.ACTION, null),
                record(2, TrailRecord.Kind.DETAILS, null, summary));
    }

    private static LegalHoldChange change(boolean active, String reason) {
        return new LegalHoldChange(7, Instant.now(), active, EVENT, reason, 101);
    }

    @Test
    void aChangeItsOwnGenuineIntentAskedForIsBound() {
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked("{\"active\":true,\"reason\":\"case 23\"}"), ALL_GENUINE,
                null)).isNull();
    }

    @Test
    void everyOtherChangeIsNotAndSaysWhy() {
        String on = "{\"active\":true,\"reason\":\"case 23\"}";
        assertThat(SealedHolds.unbound(change(true, "case 23"), List.of(), ALL_GENUINE, null)).contains("no AUDIT_LEGAL_HOLD intent");
        assertThat(SealedHolds.unbound(change(true, "case 23"), List.of(record(1, TrailRecord.Kind.INTENT, "ACCOUNTS_LIST", null),
                record(2, TrailRecord.Kind.DETAILS, null, on)), ALL_GENUINE, null)).contains("no AUDIT_LEGAL_HOLD intent");
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked(on), r -> r.kind != TrailRecord.Kind.INTENT, null))
                .contains("intent (record 1) was not written by the service");
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked(on), r -> r.kind != TrailRecord.Kind.DETAILS, null))
                .contains("details (record 2) were not written by the service");
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked(on).subList(0, 1), ALL_GENUINE, null)).contains("no details");
        assertThat(SealedHolds.unbound(change(false, "case 23"), asked(on), ALL_GENUINE, null)).contains("not active false");
        assertThat(SealedHolds.unbound(change(true, "other"), asked(on), ALL_GENUINE, null)).contains("not active true (other)");
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked("not json"), ALL_GENUINE, null)).contains("asked for not json");
        assertThat(SealedHolds.unbound(change(true, "case 23"), asked(on), ALL_GENUINE, 3L)).contains("used already, by change 3");
    }
}
