package io.amcfacade.startup;

import io.smallrye.config.ConfigSourceFactory;

/**
 * A simulator of AMC built into this artifact, found with {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/io.amcfacade.startup.UpstreamSimulator}). The default build's sandbox is one; the
 * production build holds none. {@link UpstreamTarget} asks it for the settings that make it the upstream when
 * {@code amc.api.base-url} is not set; it answers none when it is to stay off.
 */
public interface UpstreamSimulator extends ConfigSourceFactory {
}
