package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;

import static org.assertj.core.api.Assertions.assertThat;

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
}
