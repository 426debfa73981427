package io.amcfacade.access.query;

import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.amcfacade.access.query.AccessInventory.After;
import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.audit.export.AuditExport;
import io.amcfacade.audit.export.ExportColumn;
import io.amcfacade.regions.Region;

/**
 * The access-review pack: every grant across all accounts at one instant, streamed a batch at a time
 * (flat memory) in the audit export's formats, hash chain and signed manifest, so a reviewer proves the
 * pack complete with the seal public key alone ({@code bin/audit-verify --export FILE --public-key KEY}).
 */
@ApplicationScoped
public class AccessReviewPack {

    /** One grant, when its account was last observed, and the account's region (null: not known). */
    record Line(GrantPeriod grant, Instant observedAt, Region region) {
    }

    /** The columns; how the access is held and the region come last, so a reader of the earlier columns is unaffected. */
    static final List<ExportColumn<Line>> COLUMNS = List.of(new ExportColumn<>("accountId", l -> l.grant().accountId),
            new ExportColumn<>("userId", l -> l.grant().userId),
            new ExportColumn<>("emailAddress", l -> l.grant().emailAddress),
            new ExportColumn<>("role", l -> l.grant().role), new ExportColumn<>("since", l -> l.grant().validFrom),
            new ExportColumn<>("via", l -> l.grant().grantedVia), new ExportColumn<>("eventId", l -> l.grant().grantedEventId),
            new ExportColumn<>("actor", l -> l.grant().grantedBy), new ExportColumn<>("observedAt", Line::observedAt),
            new ExportColumn<>("heldVia", l -> l.grant().heldVia),
            new ExportColumn<>("managerAccountId", l -> l.grant().managerAccountId),
            new ExportColumn<>("region", l -> l.region() == null ? null : l.region().id()));
    private static final int BATCH = 1000;

    private final AccessInventory inventory;
    private final AuditExport export;

    public AccessReviewPack(AccessInventory inventory, AuditExport export) {
        this.inventory = inventory;
        this.export = export;
    }

    /** The pack as a file download, the answer of {@code /v1/access/review} and of the console's Access page. */
    public Response download(Instant asOf, boolean csv) {
        return Response.ok(stream(asOf, csv)).type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"access-review." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    /** @param asOf the instant; {@code null} for the latest snapshot of each account */
    public StreamingOutput stream(Instant asOf, boolean csv) {
        return output -> {
            MessageDigest sha256 = AuditExport.manifestDigest();
            AuditExport.ExportWriter<Line> writer = AuditExport.writer(new DigestOutputStream(output, sha256), csv, COLUMNS);
            writer.header();
            Map<String, Instant> observed = inventory.observations();
            Map<String, Region> regions = inventory.regions();
            GrantCriteria all = new GrantCriteria(null, null, null, null, asOf, BATCH, null);
            long count = 0;
            After after = null;
            for (List<GrantPeriod> batch = inventory.periods(all, null, BATCH); !batch.isEmpty();
                    batch = inventory.periods(all, after, BATCH)) {
                for (GrantPeriod grant : batch) {
                    writer.row(new Line(grant, observed.get(grant.accountId), regions.get(grant.accountId)));
                }
                count += batch.size();
                GrantPeriod last = batch.get(batch.size() - 1);
                after = new After(last.accountId, last.userId, last.id);
            }
            writer.flush();
            writer.manifest(export.signedManifest(count, HexFormat.of().formatHex(sha256.digest()), writer.chainHead()), output);
            output.flush();
        };
    }

}
