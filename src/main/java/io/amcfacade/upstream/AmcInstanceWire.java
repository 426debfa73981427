package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * AMC's instance API as it is on the wire, read-only. AMC's answer also carries AWS account and bucket
 * fields; they are deliberately not declared, so the facade never even reads what it must not show.
 */
public final class AmcInstanceWire {

    private AmcInstanceWire() {
    }

    /** {@code creationDatetime} stays text: AMC's format is not published ({@link AmcVocabulary#instant(String)}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instance(String instanceId, String instanceName, String instanceType, String creationStatus,
            String creationDatetime, String apiEndpoint, List<String> advertiserTypes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Instance> instances, String nextToken) {
    }
}
