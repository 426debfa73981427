package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * AMC's instance API as it is on the wire. AMC's answer also carries AWS account and bucket fields; they
 * are deliberately not declared, so the facade never even reads what it must not show. A create or a
 * change may send them: the caller chose them.
 */
public final class AmcInstanceWire {

    private AmcInstanceWire() {
    }

    /**
     * {@code creationDatetime} stays text and is read leniently ({@link AmcVocabulary#instant(String)}).
     * There is no instance type upstream.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instance(String instanceId, String instanceName, String creationStatus, String creationDatetime,
            String apiEndpoint, List<String> advertiserTypes) {
    }

    /** The get-one answer wraps the instance. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(Instance instance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Instance> instances, String nextToken) {
    }

    /** {@code POST /amc/instances}: {@code idempotencyToken} is the caller's {@code Idempotency-Key}, at most 36 characters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateRequest(String instanceName, String advertiserName, String awsAccountId, String s3BucketName,
            String idempotencyToken) {
    }

    /** {@code PUT /amc/instances/{id}}: only what changes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpdateRequest(String instanceName, String advertiserName, String awsAccountId, String s3BucketName) {
    }

    /** An advertiser as the update names it; {@code marketplaceId} is absent for DSP (DISPLAY) advertisers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdvertiserId(String id, String type, String marketplaceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdvertiserUpdateRequest(List<AdvertiserId> advertisersToAdd, List<AdvertiserId> advertisersToRemove) {
    }

    /**
     * An advertiser update; {@code status} is kept as AMC spells it: Amazon's schema says COMPLETED, PENDING,
     * REJECTED, UPDATING and the operation's text REQUESTED, AWAITING_APPROVAL, UPDATING ({@link AmcVocabulary}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdvertiserUpdate(Long updateId, String status, List<AdvertiserId> advertisersToAdd,
            List<AdvertiserId> advertisersToRemove) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdvertiserUpdateDetails(AdvertiserUpdate advertiserUpdate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdvertiserUpdatesPage(List<AdvertiserUpdate> advertiserUpdates, String nextToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Advertiser(String id, String name, String type, String marketplaceId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdvertisersPage(List<Advertiser> advertisers, String nextToken, Integer totalCount) {
    }
}
