package io.amcfacade.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint for the tests: a real HTTP server on a free loopback port that keeps every request it
 * gets (the Standard Webhooks headers and the body as received) and answers each with the next status of its script,
 * then with its steady status.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String webhookId, String timestamp, String signature, String authorization, String contentType,
            String body, int answered) {

        /** The line {@code bin/audit-verify --events} reads. */
        public String line() {
            return Json.write(Map.of("webhook-id", webhookId, "webhook-timestamp", timestamp, "webhook-signature", signature,
                    "body", body));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int steady;

    private WebhookReceiver(int steady, List<Integer> first) throws IOException {
        this.steady = steady;
        this.script.addAll(first);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer next = script.poll();
            int status = next == null ? this.steady : next;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Authorization"), headers.getFirst("Content-Type"),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers {@code steady} to everything after the {@code first} answers. */
    public static WebhookReceiver answering(int steady, Integer... first) {
        try {
            return new WebhookReceiver(steady, List.of(first));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests it accepted (2xx), in the order they arrived. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Jackson, for the lines and bodies. */
    private static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

        static String write(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
