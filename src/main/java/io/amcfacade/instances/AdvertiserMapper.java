package io.amcfacade.instances;

import java.util.List;

import io.amcfacade.api.model.Advertiser;
import io.amcfacade.api.model.AdvertiserRef;
import io.amcfacade.api.model.AdvertiserType;
import io.amcfacade.api.model.AdvertiserUpdate;
import io.amcfacade.api.model.AdvertiserUpdateStatus;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcVocabulary;

/** AMC's advertisers and advertiser updates in the facade's words (AMC's PENDING reads REQUESTED). */
final class AdvertiserMapper {

    private AdvertiserMapper() {
    }

    static AdvertiserUpdate toApi(AmcInstanceWire.AdvertiserUpdate amc) {
        return new AdvertiserUpdate().updateId(amc.updateId())
                .status(AdvertiserUpdateStatus.fromValue(AmcVocabulary.advertiserUpdateStatus(amc.status())))
                .add(refs(amc.advertisersToAdd()))
                .remove(refs(amc.advertisersToRemove()));
    }

    static Advertiser toApi(AmcInstanceWire.Advertiser amc) {
        return new Advertiser().id(amc.id()).name(amc.name()).type(AdvertiserType.fromValue(amc.type()))
                .marketplaceId(amc.marketplaceId());
    }

    private static List<AdvertiserRef> refs(List<AmcInstanceWire.AdvertiserId> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(id -> new AdvertiserRef().id(id.id())
                .type(AdvertiserType.fromValue(id.type())).marketplaceId(id.marketplaceId())).toList();
    }
}
