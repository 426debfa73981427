package io.amcfacade.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sizes of a request the facade reads. They sit below the HTTP server's own limits
 * ({@code quarkus.http.limits.*}, raised in {@code application.properties}), so that an oversized
 * request is refused here, as a problem document the audit trail records, not by the server with a
 * bare status line.
 */
@StaticInitSafe // read by a pre-matching filter, which the server builds while starting
@ConfigMapping(prefix = "amc.http.limits")
public interface RequestLimitsConfig {

    /** The longest request target: the API's longest URI (all audit filters set) is well under 2 KiB. */
    @WithDefault("8192")
    int maxUriLength();

    /** All header names and values together: a JWT of a few KiB plus the usual headers fit many times. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /** The largest body: a batch of 50 invitations or 100 user changes is a few tens of KiB. */
    @WithDefault("1048576")
    long maxBodyBytes();
}
