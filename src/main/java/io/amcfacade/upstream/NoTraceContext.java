package io.amcfacade.upstream;

import jakarta.ws.rs.ext.ContextResolver;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * No W3C trace context is sent to Amazon (AMC, Login with Amazon): the REST clients' Vert.x HTTP client neither makes
 * client spans nor propagates {@code traceparent}. Neither {@code quarkus.otel.instrument.resteasy-client=false} nor a
 * request filter that removes the header does it: Vert.x's tracer injects it below both (tried: the sandbox still
 * received it). The facade's own span per AMC attempt is made in {@link UpstreamCaller}.
 */
public class NoTraceContext implements ContextResolver<HttpClientOptions> {

    @Override
    public HttpClientOptions getContext(Class<?> type) {
        return new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE);
    }
}
