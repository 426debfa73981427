package io.amcfacade.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Login with Amazon's token answer (success or OAuth error), as it comes over the wire. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LwaTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("error") String error) {
}
