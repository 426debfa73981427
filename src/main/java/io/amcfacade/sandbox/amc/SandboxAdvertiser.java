package io.amcfacade.sandbox.amc;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An advertiser linked to a simulated instance, as AMC lists it; {@code marketplaceId} is absent for DSP (DISPLAY). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SandboxAdvertiser(String id, String name, String type, String marketplaceId) {

    String key() {
        return type + "/" + id;
    }
}
