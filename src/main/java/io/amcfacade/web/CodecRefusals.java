package io.amcfacade.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.HttpServerRequest;

/**
 * Counts and logs the requests the HTTP server's codec refuses before any route or filter sees them: a
 * request line over {@code quarkus.http.limits.max-initial-line-length} (414), headers over
 * {@code max-header-size} (431), a control character in a header, a malformed request line (400), and a
 * request target the server refuses right after the codec (a raw control character, {@code %zz}, a broken
 * authority: a bare 400 before any route, reason {@code bad-target}). Vert.x
 * answers those itself, with a bare status, and closes the connection; Quarkus 3.34 gives the application
 * no hook into that answer (the server's {@code invalidRequestHandler} is not exposed: quarkusio/quarkus#55082),
 * so they cannot be problem documents or audited. It does hand every answered request to the HTTP metrics'
 * tag contributors, after the answer: this one reads the decoder's verdict and contributes no tag; a
 * refusal it counts ({@code amc_http_codec_refusals_total{status,reason}}) and logs in one line with a
 * correlation id (the caller's {@code X-Request-Id} if the codec had read a well-formed one, else a new one),
 * at most {@value #LOG_LINES_PER_MINUTE} lines a minute. What was sent is never logged.
 */
@Singleton
public class CodecRefusals implements HttpServerMetricsTagsContributor {

    private static final Logger LOG = Logger.getLogger(CodecRefusals.class);
    /** Enough to see what a misbehaving client sends; a flood is in the counter, not in the logs. */
    static final int LOG_LINES_PER_MINUTE = 60;

    private final MeterRegistry registry;
    private final LogAllowance allowance = new LogAllowance(LOG_LINES_PER_MINUTE);

    @Inject
    public CodecRefusals(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Tags contribute(Context context) {
        HttpServerRequest request = context.request();
        DecoderResult decoded = request.decoderResult();
        if (decoded != null && decoded.isFailure()) {
            refused(request, context.response().statusCode(), reason(decoded.cause()), decoded.cause());
        } else if (context.response().statusCode() == 400 && !context.response().headers().contains("Content-Type")
                && !parsable(request.uri())) {
            // The codec took the request line, but the server refused its target before any route: a raw control
            // character, a malformed percent-encoding, a broken authority. Every answer of ours has a body.
            refused(request, 400, "bad-target", null);
        }
        return Tags.empty();
    }

    /** Whether {@code target} is a URI reference at all; asked only of a bare 400. */
    static boolean parsable(String target) {
        if (target == null) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void refused(HttpServerRequest request, int status, String reason, Throwable cause) {
        registry.counter("amc.http.codec.refusals", "status", Integer.toString(status), "reason", reason).increment();
        long withheld = allowance.take(System.currentTimeMillis());
        if (withheld < 0) {
            return;
        }
        String correlationId = CorrelationIdFilter.offeredOrNew(request.getHeader(CorrelationIdFilter.HEADER));
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        MDC.put("correlationId", correlationId);
        try {
            LOG.warnf("HTTP codec refused a request from %s before the facade saw it: %d (%s, %s), correlation id %s%s",
                    client, status, reason, cause == null ? "no cause" : cause.getClass().getSimpleName(), correlationId,
                    withheld == 0 ? "" : "; " + withheld + " more refusals were not logged since the last line");
        } finally {
            MDC.remove("correlationId");
        }
    }

    /** Why the codec refused, in a few fixed words: the exception's message may quote what was sent. */
    static String reason(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return "line-too-long";
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return "headers-too-large";
        }
        if (cause instanceof TooLongFrameException) {
            return "too-long";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                && cause.getMessage().toLowerCase(Locale.ROOT).contains("header")) {
            return "invalid-header";
        }
        return "malformed";
    }
}
