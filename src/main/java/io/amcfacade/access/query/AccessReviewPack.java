package io.amcfacade.access.query;

import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import io.amcfacade.access.query.AccessInventory.After;
import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.audit.AuditExport;

/**
 * The access-review pack: every grant across all accounts at one instant, streamed a batch at a time
 * (flat memory) in the audit export's formats and with its manifest, the count and SHA-256 of every
 * byte before it, so a reviewer proves the pack complete without the service.
 */
@ApplicationScoped
public class AccessReviewPack {

    static final String[] COLUMNS = { "accountId", "userId", "emailAddress", "role", "since", "via", "eventId",
            "actor", "observedAt" };
    private static final int BATCH = 1000;

    private final AccessInventory inventory;

    public AccessReviewPack(AccessInventory inventory) {
        this.inventory = inventory;
    }

    /** @param asOf the instant; {@code null} for the latest snapshot of each account */
    public StreamingOutput stream(Instant asOf, boolean csv) {
        return output -> {
            MessageDigest sha256 = AuditExport.manifestDigest();
            AuditExport.ExportWriter writer = AuditExport.writer(new DigestOutputStream(output, sha256), csv);
            writer.header(COLUMNS);
            Map<String, Instant> observed = inventory.observations();
            GrantCriteria all = new GrantCriteria(null, null, null, null, asOf, BATCH, null);
            long count = 0;
            After after = null;
            for (List<GrantPeriod> batch = inventory.periods(all, null, BATCH); !batch.isEmpty();
                    batch = inventory.periods(all, after, BATCH)) {
                for (GrantPeriod grant : batch) {
                    writer.row(row(grant, observed.get(grant.accountId)));
                }
                count += batch.size();
                GrantPeriod last = batch.get(batch.size() - 1);
                after = new After(last.accountId, last.userId);
            }
            writer.flush();
            writer.manifest(count, HexFormat.of().formatHex(sha256.digest()), output);
            output.flush();
        };
    }

    static Object[] row(GrantPeriod grant, Instant observedAt) {
        return new Object[] { grant.accountId, grant.userId, grant.emailAddress, grant.role, grant.validFrom,
                grant.grantedVia, grant.grantedEventId, grant.grantedBy, observedAt };
    }
}
