package io.amcfacade.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.Problem;
import io.vertx.core.http.HttpServerRequest;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is well formed,
 * otherwise a new UUID. It is echoed in the response, put in the logging MDC and in every problem
 * document.
 */
public class CorrelationIdFilter {

    public static final String HEADER = "X-Request-Id";
    static final String ON_BEHALF_OF = "X-On-Behalf-Of";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final int MAX_HEADER_KEPT = 256;

    @Inject
    RequestMetadata metadata;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void capture(ContainerRequestContext request, HttpServerRequest http) {
        String correlationId = offeredOrNew(request.getHeaderString(HEADER));
        String clientIp = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        metadata.capture(correlationId, clientIp, truncate(request.getHeaderString("User-Agent")),
                truncate(utf8(request.getHeaderString(ON_BEHALF_OF))));
        MDC.put("correlationId", correlationId);
    }

    /**
     * A request refused before the request filters ran (a console session quarkus-oidc could not read fails
     * while the route's permission is checked) is taken now, before the audit filter records it with the id.
     */
    @ServerResponseFilter(priority = jakarta.ws.rs.Priorities.USER + 200)
    public void captureIfRefusedEarly(ContainerRequestContext request, HttpServerRequest http) {
        if (metadata.correlationId() == null) {
            capture(request, http);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String correlationId = metadata.correlationId();
        if (correlationId == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, correlationId);
        if (response.getEntity() instanceof Problem problem && problem.getCorrelationId() == null) {
            problem.setCorrelationId(correlationId);
        }
    }

    /** The caller's {@code X-Request-Id} when it is well formed, otherwise a new UUID. */
    public static String offeredOrNew(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /**
     * The HTTP server reads header bytes as ISO-8859-1; callers send UTF-8 ({@code X-On-Behalf-Of: Zoë}).
     * Bytes that are not UTF-8 are kept as sent, each written {@code \\xNN} — not dropped, and not turned
     * into the C1 control characters ISO-8859-1 would make of them, which no page shows.
     */
    static String utf8(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        ByteBuffer in = ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1));
        CharBuffer out = CharBuffer.allocate(in.remaining() * 4);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                return out.flip().toString();
            }
            for (int i = 0; i < result.length(); i++) {
                out.put(String.format("\\x%02x", in.get() & 0xff));
            }
        }
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_HEADER_KEPT ? value : value.substring(0, MAX_HEADER_KEPT);
    }
}
