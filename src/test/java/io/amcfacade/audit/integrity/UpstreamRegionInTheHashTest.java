package io.amcfacade.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.storage.TrailRecord;

/**
 * The upstream region (V81) is evidence of where an action was sent, so it is inside the content hash (and so the
 * MAC) when a record carries it; a record without it keeps the hash it had before the column existed, so every
 * record written before still verifies.
 */
class UpstreamRegionInTheHashTest {

    /** Computed with the canonical form before regions (main at 22752ad) for the record below. */
    private static final String HASH_BEFORE_REGIONS = "6db5b0a1689ea7b7ac27826d2951e2a1aa33408dfc80b1b98fff26998e37d72c";

    private static TrailRecord outcome() {
        TrailRecord r = TrailRecord.of(TrailRecord.Kind.OUTCOME, UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
        r.occurredAt = Instant.parse("2026-12-07T23:00:00Z");
        r.outcome = "SUCCEEDED";
        r.upstreamRequestId = "REQ1";
        return r;
    }

    @Test
    void aRecordWithoutARegionHashesAsBefore() {
        assertThat(CanonicalRecord.hashV2(outcome())).isEqualTo(HASH_BEFORE_REGIONS);
    }

    @Test
    void theRegionIsCoveredSoChangingItIsDetected() {
        TrailRecord eu = outcome();
        eu.upstreamRegion = "eu";
        TrailRecord na = outcome();
        na.upstreamRegion = "na";

        assertThat(CanonicalRecord.hashV2(eu)).isNotEqualTo(HASH_BEFORE_REGIONS)
                .isNotEqualTo(CanonicalRecord.hashV2(na));
    }
}
