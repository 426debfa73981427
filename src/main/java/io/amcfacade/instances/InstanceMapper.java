package io.amcfacade.instances;

import java.time.Instant;
import java.time.ZoneOffset;

import io.amcfacade.api.model.Instance;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcVocabulary;

/**
 * AMC's instance shape to the facade's: the fields callers need, and nothing about AWS accounts or buckets.
 * AMC has no instance type, so the v1 {@code type} field (deprecated) stays absent.
 */
final class InstanceMapper {

    private InstanceMapper() {
    }

    static Instance toApi(AmcInstanceWire.Instance amc) {
        Instant createdAt = AmcVocabulary.instant(amc.creationDatetime());
        return new Instance(amc.instanceId())
                .name(amc.instanceName())
                .creationStatus(AmcVocabulary.instanceStatus(amc.creationStatus()))
                .createdAt(createdAt == null ? null : createdAt.atOffset(ZoneOffset.UTC))
                .apiEndpoint(amc.apiEndpoint())
                .advertiserTypes(amc.advertiserTypes() == null || amc.advertiserTypes().isEmpty() ? null
                        : amc.advertiserTypes());
    }
}
