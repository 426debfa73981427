package io.amcfacade.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OpenTelemetry collector for the tests: a small HTTP server that accepts OTLP/HTTP protobuf exports
 * ({@code POST /v1/traces}) and keeps their spans. Started once for the test run; it turns tracing on for every
 * {@code @QuarkusTest} (exported there, asserted by {@code TracingTest}). Reads the protobuf wire format itself:
 * only the few fields of {@code ExportTraceServiceRequest} the tests look at.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** One received span: ids in lower-case hex as in {@code traceparent}; kind as OTLP numbers it (2 server, 3 client). */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, Object> attributes) {
    }

    private static final List<ReceivedSpan> SPANS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static List<ReceivedSpan> spans(String traceId) {
        return SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                    request(in.readAllBytes());
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.bsp.schedule.delay", "PT0.2S",
                // Only a request whose caller sent a sampled traceparent (TracingTest's) is traced and exported: the
                // rest of the suite's requests carry no span cost (the suite's length, issue 22).
                "quarkus.otel.traces.sampler.arg", "0.0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    // ExportTraceServiceRequest: 1 ResourceSpans; ResourceSpans: 2 ScopeSpans; ScopeSpans: 2 Span.
    private static void request(byte[] body) {
        for (Wire resource : Wire.fields(body, 1)) {
            for (Wire scope : Wire.fields(resource.bytes, 2)) {
                for (Wire span : Wire.fields(scope.bytes, 2)) {
                    SPANS.add(span(span.bytes));
                }
            }
        }
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes (KeyValue: 1 key, 2 AnyValue).
    private static ReceivedSpan span(byte[] span) {
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Wire field : Wire.fields(span, 0)) {
            switch (field.number) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes);
                case 4 -> parent = HexFormat.of().formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) field.varint;
                case 9 -> {
                    String key = null;
                    Object value = null;
                    for (Wire part : Wire.fields(field.bytes, 0)) {
                        if (part.number == 1) {
                            key = new String(part.bytes, StandardCharsets.UTF_8);
                        } else if (part.number == 2) {
                            value = anyValue(part.bytes);
                        }
                    }
                    attributes.put(key, value);
                }
                default -> {
                }
            }
        }
        return new ReceivedSpan(traceId, spanId, parent, name, kind, attributes);
    }

    // AnyValue: 1 string, 2 bool, 3 int64.
    private static Object anyValue(byte[] value) {
        for (Wire field : Wire.fields(value, 0)) {
            switch (field.number) {
                case 1 -> {
                    return new String(field.bytes, StandardCharsets.UTF_8);
                }
                case 2 -> {
                    return field.varint != 0;
                }
                case 3 -> {
                    return field.varint;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** One field of a protobuf message: its number and its varint or length-delimited bytes. */
    private static final class Wire {
        int number;
        long varint;
        byte[] bytes;

        /** The message's fields numbered {@code only} (0: all of them), in order. */
        static List<Wire> fields(byte[] message, int only) {
            List<Wire> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                Wire field = new Wire();
                field.number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> field.varint = varint(message, at);
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        ByteArrayOutputStream copy = new ByteArrayOutputStream(length);
                        copy.write(message, at[0], length);
                        field.bytes = copy.toByteArray();
                        at[0] += length;
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("unsupported wire type in " + tag);
                }
                if (only == 0 || field.number == only) {
                    fields.add(field);
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0;; shift += 7) {
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }
    }
}
