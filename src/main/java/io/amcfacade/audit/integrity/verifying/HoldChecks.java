package io.amcfacade.audit.integrity.verifying;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;

/**
 * Checks that the legal-hold changes of one seal's range are exactly those it lists, unchanged, and bound
 * to their own genuine {@code AUDIT_LEGAL_HOLD} intent as the sealer judged with the service's key: plain
 * functions over what was read, null when fine. Seals before format 3 do not list changes; the first seal
 * that does lists every change before it too.
 */
public final class HoldChecks {

    private HoldChecks() {
    }

    /**
     * The changes a seal must list, out of every change by txid.
     *
     * @param previous the seal before (null for the first seal)
     */
    public static Collection<LegalHoldChange> covered(Seal seal, Seal previous, NavigableMap<Long, List<LegalHoldChange>> byTxid) {
        if (!seal.coversHolds()) {
            return List.of();
        }
        long from = previous == null || !previous.coversHolds() ? Long.MIN_VALUE : seal.txidFrom();
        return byTxid.subMap(from, true, seal.txidTo(), false).values().stream().flatMap(List::stream).toList();
    }

    /** @param changes every change the seal must list ({@link #covered}) */
    public static Problem check(Seal seal, Collection<LegalHoldChange> changes) {
        if (!seal.coversHolds()) {
            return null;
        }
        Map<Long, LegalHoldChange> present = changes.stream().collect(Collectors.toMap(LegalHoldChange::changeId,
                Function.identity()));
        Map<Long, SealParts.Hold> listed = SealParts.holds(seal.holds()).stream().collect(Collectors.toMap(SealParts.Hold::changeId,
                Function.identity(), (a, b) -> a));
        TreeSet<Long> ids = new TreeSet<>(present.keySet());
        ids.addAll(listed.keySet());
        for (long id : ids) {
            LegalHoldChange change = present.get(id);
            SealParts.Hold hold = listed.get(id);
            if (hold == null) {
                return new Problem(Kind.LEGAL_HOLD_UNBOUND, seal.sealId(), null, change.eventId(), describe(change) + " is not in seal "
                        + seal.sealId() + ", which covers its transaction: it was written around audit_set_legal_hold, or afterwards.");
            }
            if (change == null) {
                return new Problem(Kind.LEGAL_HOLD_DELETED, seal.sealId(), null, null, "Legal-hold change " + id + " of seal "
                        + seal.sealId() + " is missing.");
            }
            if (!change.digest().equals(hold.digest())) {
                return new Problem(Kind.LEGAL_HOLD_MODIFIED, seal.sealId(), null, change.eventId(), describe(change)
                        + " is not what seal " + seal.sealId() + " covers: it was changed afterwards.");
            }
            if (hold.unbound() != null) {
                return new Problem(Kind.LEGAL_HOLD_UNBOUND, seal.sealId(), null, change.eventId(), describe(change)
                        + " is not bound to its own genuine " + LegalHoldChange.ACTION + " intent asking for it: " + hold.unbound()
                        + " (seal " + seal.sealId() + ").");
            }
        }
        return null;
    }

    /** A change no seal can ever cover: its txid lies beyond every transaction begun (set by hand). */
    public static Problem fromTheFuture(Collection<LegalHoldChange> changes, long nextTxid, Seal last) {
        for (LegalHoldChange change : changes) {
            if (change.txid() >= nextTxid) {
                return new Problem(Kind.LEGAL_HOLD_UNBOUND, last == null ? null : last.sealId(), null, change.eventId(),
                        describe(change) + " claims transaction " + change.txid() + ", which has not begun: no seal will ever "
                                + "cover it, so it was written by hand.");
            }
        }
        return null;
    }

    /** Every change, by the transaction that made it. */
    public static NavigableMap<Long, List<LegalHoldChange>> byTxid(List<LegalHoldChange> changes) {
        return changes.stream().collect(Collectors.groupingBy(LegalHoldChange::txid, TreeMap::new, Collectors.toList()));
    }

    private static String describe(LegalHoldChange change) {
        return "Legal-hold change " + change.changeId() + " (" + (change.active() ? "hold placed" : "hold lifted") + ", \""
                + change.reason() + "\", event " + change.eventId() + ", " + change.changedAt() + ")";
    }
}
