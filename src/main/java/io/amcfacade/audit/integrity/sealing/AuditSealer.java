package io.amcfacade.audit.integrity.sealing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.TailChecks;
import io.amcfacade.audit.integrity.TailLoss;
import io.amcfacade.audit.integrity.VerifyReport;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes seals, moving this replica's anchor only forward. Before sealing it compares the database's
 * seals with the anchor it kept: if the anchored seal is gone or different (the tail was cut, perhaps
 * resealed), it refuses to seal past it, keeps the anchor, logs an error and raises
 * {@code amc_audit_seal_refused}, until an operator acknowledges the loss ({@link #acknowledge}, an
 * audited action). When another replica sealed meanwhile, the anchor moves up to its seal. It never
 * chains on a seal it cannot verify: when the newest seal's digest or Ed25519 signature is wrong (a seal
 * not made by a sealer), it refuses the same way, until the database owner removes that seal.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    private final AgroalDataSource dataSource;
    private final Sealing sealing;
    private final SealAnchor anchors;
    private final AtomicInteger refusing = new AtomicInteger();
    private final MeterRegistry registry;
    private volatile VerifyReport.Problem refusal;

    AuditSealer(AgroalDataSource dataSource, AuditConfig config, SealSigner signer, RecordMac mac, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.sealing = new Sealing(signer, mac);
        this.anchors = new SealAnchor(Path.of(config.anchorFile()), config.witnessFile().map(Path::of).orElse(null));
        this.registry = registry;
        registry.gauge("amc.audit.seal.refused", refusing);
    }

    /** Seals everything finished so far; empty when another replica is sealing, or when the tail was cut (see {@link #refusal}). */
    public Optional<Seal> sealNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Anchor> anchor = anchors.read();
            VerifyReport.Problem behind = anchor.isEmpty() ? null
                    : TailChecks.anchor(anchor.get(), Sealing.byId(connection, anchor.get().sealId()), Sealing.latest(connection));
            if (behind != null) {
                refuse(behind);
                return Optional.empty();
            }
            Optional<Seal> seal;
            try {
                seal = sealing.sealNext(connection);
            } catch (Sealing.SealRefused untrusted) {
                refuse(untrusted.problem());
                return Optional.empty();
            }
            refusal = null;
            refusing.set(0);
            Optional<Seal> head = seal.isPresent() ? seal : Sealing.latest(connection);
            head.filter(s -> anchor.map(a -> s.sealId() > a.sealId()).orElse(true)).ifPresent(anchors::write);
            seal.filter(s -> s.rowCount() > 0).ifPresent(s -> LOG.infof("Audit seal %d covers %d records: digest %s signature %s",
                    s.sealId(), s.rowCount(), s.digest(), s.signature()));
            seal.ifPresent(s -> {
                List<SealParts.Rejected> rejected = SealParts.rejected(s.rejected());
                if (!rejected.isEmpty()) {
                    LOG.errorf("Audit seal %d names %d record(s) it does not vouch for (forged, back-dated, replayed or wrongly "
                            + "timed), e.g. %s", s.sealId(), rejected.size(), rejected.subList(0, Math.min(5, rejected.size())));
                }
                List<SealParts.Hold> unbound = SealParts.holds(s.holds()).stream().filter(h -> h.unbound() != null).toList();
                if (!unbound.isEmpty()) {
                    LOG.errorf("Audit seal %d names %d legal-hold change(s) not bound to their own genuine AUDIT_LEGAL_HOLD intent, "
                            + "e.g. %s", s.sealId(), unbound.size(), unbound.subList(0, Math.min(5, unbound.size())));
                }
            });
            return seal;
        }
    }

    /** Why this replica refuses to seal, if it does. */
    public Optional<VerifyReport.Problem> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The newest seal this replica made or saw, as kept outside the database. */
    public Optional<Anchor> anchor() {
        return anchors.read();
    }

    /**
     * What acknowledging the loss of {@code lostSealId} would accept, read before the acknowledgement's
     * intent is committed so the trail records it: the anchored seal that is gone, and the database's newest
     * seal, which sealing would continue from.
     *
     * @param lostSealId the seal the refusal names, so what is accepted is said explicitly
     * @throws IllegalArgumentException when nothing is refused, or another seal is named
     */
    public synchronized TailLoss loss(long lostSealId) throws SQLException {
        Anchor anchor = anchors.read().orElse(null);
        if (refusal == null || anchor == null || anchor.sealId() != lostSealId) {
            throw new IllegalArgumentException(refusal == null ? "Nothing to acknowledge: this replica's anchor matches the database."
                    : "The refused seal is " + (anchor == null ? "unknown" : anchor.sealId()) + ", not " + lostSealId + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            return TailLoss.of(anchor, Sealing.latest(connection).orElse(null));
        }
    }

    /**
     * An operator accepts {@code loss} (as {@link #loss} found it and the trail recorded it): the anchor moves
     * back to the database's newest seal (the witness keeps both the lost head and this acknowledgement) and
     * sealing resumes.
     *
     * @throws IllegalArgumentException when nothing is refused any more, or the trail changed since {@code loss} was read
     */
    public synchronized void acknowledge(TailLoss loss, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Seal newest = Sealing.latest(connection).orElse(null);
            Anchor anchor = anchors.read().orElse(null);
            if (refusal == null || anchor == null || !TailLoss.of(anchor, newest).equals(loss)) {
                throw new IllegalArgumentException("The anchor or the database's newest seal changed while acknowledging; "
                        + "nothing was accepted. Acknowledge again if sealing is still refused.");
            }
            anchors.acknowledged(loss.lost(), newest, eventId);
            LOG.warnf("Audit tail truncation acknowledged (event %s): seal %d is lost; sealing continues from %s", eventId,
                    loss.lostSealId(), newest == null ? "the start" : "seal " + newest.sealId());
        }
        refusal = null;
        refusing.set(0);
    }

    private void refuse(VerifyReport.Problem problem) {
        refusal = problem;
        refusing.set(1);
        registry.counter("amc.audit.seal.refusals").increment();
        LOG.errorf("Refusing to seal the audit trail: %s %s", problem.detail(), problem.kind() == VerifyReport.Kind.TAIL_TRUNCATED
                ? "Acknowledge with POST /v1/audit/tail-acknowledgements once investigated."
                : "The seal cannot be removed by the service; the database owner must remove it once investigated.");
    }
}
