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
}
