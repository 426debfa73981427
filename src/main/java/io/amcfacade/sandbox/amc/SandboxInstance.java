package io.amcfacade.sandbox.amc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A simulated AMC instance, with the AWS account and bucket fields AMC's answer carries and the facade
 * must never show. Each account's three seeded instances are derived from its id (the same account always
 * has the same three); {@link SandboxInstanceStore} keeps them, and the instances created since, from the
 * first time an account's instances are asked for.
 */
record SandboxInstance(String instanceId, String instanceName, String creationStatus, String creationDatetime,
        String apiEndpoint, List<String> advertiserTypes, String customerCanonicalName, List<String> entities,
        String awsAccountId, String dataUploadAwsAccountId, String s3BucketName, String s3BucketRegion) {

    SandboxInstance withStatus(String status) {
        return new SandboxInstance(instanceId, instanceName, status, creationDatetime, apiEndpoint, advertiserTypes,
                customerCanonicalName, entities, awsAccountId, dataUploadAwsAccountId, s3BucketName, s3BucketRegion);
    }

    SandboxInstance renamed(String name, String advertiserName, String awsAccount, String bucket) {
        return new SandboxInstance(instanceId, name == null ? instanceName : name, creationStatus, creationDatetime,
                apiEndpoint, advertiserTypes, advertiserName == null ? customerCanonicalName : advertiserName, entities,
                awsAccount == null ? awsAccountId : awsAccount, dataUploadAwsAccountId,
                bucket == null ? s3BucketName : bucket, s3BucketRegion);
    }

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
