package io.amcfacade.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.upstream.AmcInstanceWire.AdvertiserId;
import io.amcfacade.upstream.AmcInstanceWire.AdvertiserUpdate;
import io.amcfacade.upstream.AmcInstanceWire.AdvertiserUpdateRequest;

/** Which of AMC's updates a lost answer's operation sent: the same advertisers added and removed, in any order. */
class SentUpdateMatchTest {

    private static final AdvertiserId DSP = new AdvertiserId("dsp1", "DISPLAY", null);
    private static final AdvertiserId ENTITY = new AdvertiserId("ENTITY1", "SPONSORED_ADS", "ATVPDKIKX0DER");

    @Test
    void theSameAdvertisersInAnotherOrderAreTheSameUpdate() {
        AdvertiserUpdate amc = new AdvertiserUpdate(7L, "COMPLETED", List.of(ENTITY, DSP), List.of());
        assertThat(OperationChecks.sameAdvertisers(amc, new AdvertiserUpdateRequest(List.of(DSP, ENTITY), null))).isTrue();
    }

    @Test
    void anotherAdvertiserOrSideIsAnotherUpdate() {
        AdvertiserUpdateRequest addDsp = new AdvertiserUpdateRequest(List.of(DSP), null);
        assertThat(OperationChecks.sameAdvertisers(new AdvertiserUpdate(7L, "COMPLETED", List.of(ENTITY), null), addDsp))
                .isFalse();
        assertThat(OperationChecks.sameAdvertisers(new AdvertiserUpdate(7L, "COMPLETED", null, List.of(DSP)), addDsp))
                .as("removing it is not adding it").isFalse();
        assertThat(OperationChecks.sameAdvertisers(new AdvertiserUpdate(7L, "COMPLETED", List.of(DSP, ENTITY), null), addDsp))
                .isFalse();
    }
}
