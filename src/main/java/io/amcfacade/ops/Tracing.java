package io.amcfacade.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * The facade's own spans (one per AMC attempt, one per audit commit), beside the caller's request span that Quarkus
 * makes. With tracing off ({@code quarkus.otel.sdk.disabled}, the default) nothing is built: {@link #start} answers
 * the invalid span, whose {@code isRecording()} is false, so callers skip their attributes too.
 */
@ApplicationScoped
public class Tracing {

    private final boolean enabled;
    private final Tracer tracer;

    @Inject
    Tracing(@ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean disabled, Tracer tracer) {
        this.enabled = !disabled;
        this.tracer = tracer;
    }

    /** A span started as a child of the current one; not recording (and not made) while tracing is off. */
    public Span start(String name, SpanKind kind) {
        return enabled ? tracer.spanBuilder(name).setSpanKind(kind).startSpan() : Span.getInvalid();
    }

    /** The current trace's id, or null without one (tracing off, or no request). */
    public String currentTraceId() {
        if (!enabled) {
            return null;
        }
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
