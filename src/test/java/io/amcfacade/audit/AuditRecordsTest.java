package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditRecordsTest {

    @Test
    void aSummaryOverTheCapIsCutAndSaysSo() {
        TrailRecord details = AuditRecords.details(UUID.randomUUID(), "x".repeat(AuditRecords.MAX_SUMMARY * 2));

        assertThat(details.requestSummary).hasSize(AuditRecords.MAX_SUMMARY).endsWith("…[truncated]");
    }

    @Test
    void aSummaryWithinTheCapIsKeptWhole() {
        String summary = "{\"changes\":[" + "{\"userId\":\"amzn1.user.x\",\"fromRole\":\"viewer\",\"toRole\":\"admin\"},".repeat(50) + "]}";

        assertThat(AuditRecords.details(UUID.randomUUID(), summary).requestSummary).isEqualTo(summary);
    }

    @Test
    void aTargetsTypedResultIsStoredInItsTrailSpelling() {
        UUID eventId = UUID.randomUUID();

        List<TrailRecord> records = AuditRecords.targets(eventId, List.of(
                AuditTargetEntry.invitation("inv-1").withResult(TargetResult.CREATED, null),
                new AuditTargetEntry(TargetKind.USER, "amzn1.user.x", "viewer", TargetResult.USER_ADDED, null),
                AuditTargetEntry.email("Bob@Example.com", "viewer")), 100);

        assertThat(records).extracting(r -> r.outcome).containsExactly("CREATED", "added", null);
        assertThat(records).extracting(r -> r.position).containsExactly(100, 101, 102);
        assertThat(TargetResult.ofStored("invitation-state")).contains(TargetResult.INVITATION_STATE);
        assertThat(TargetResult.ofStored("created")).as("spellings are exact").isEmpty();
    }
}
