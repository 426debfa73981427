package io.amcfacade.sandbox.amc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A simulated AMC instance, with the AWS account and bucket fields AMC's answer carries and the facade
 * must never show. Instances are read-only, so each account's are derived from its id rather than
 * stored: the same account always has the same three.
 */
record SandboxInstance(String instanceId, String instanceName, String creationStatus, String creationDatetime,
        String apiEndpoint, List<String> advertiserTypes, String customerCanonicalName, List<String> entities,
        String awsAccountId, String dataUploadAwsAccountId, String s3BucketName, String s3BucketRegion) {

    /** Like AMC: no instance type; an older instance still reports the deprecated {@code SUCCEEDED}. */
    static List<SandboxInstance> seededFor(SandboxAccount account) {
        return List.of(
                seed(account, "production", "COMPLETED", "2026-01-15T09:30:00Z"),
                seed(account, "sandbox", "SUCCEEDED", "2026-02-02T14:00:00Z"),
                seed(account, "analytics", "IN_PROGRESS", "2026-11-20T08:15:00Z"));
    }

    private static SandboxInstance seed(SandboxAccount account, String purpose, String status, String createdAt) {
        String hex = UUID.nameUUIDFromBytes((account.accountId() + "/" + purpose).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        String id = "amc" + hex.substring(0, 10);
        String awsAccountId = String.format(Locale.ROOT, "%012d",
                Long.parseLong(hex.substring(10, 20), 16) % 1_000_000_000_000L);
        return new SandboxInstance(id, account.accountName() + " " + purpose, status, createdAt,
                "https://advertising-api.amazon.com/amc/reporting/" + id, List.of("SPONSORED_ADS", "DISPLAY"),
                account.accountName(), List.of(account.accountId()), awsAccountId, "999999999999",
                "amc-" + id + "-upload", "us-east-1");
    }
}
