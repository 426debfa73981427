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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint for the tests: a real HTTP server on a free loopback port that keeps every request it
 * gets (the Standard Webhooks headers and the body as received) and answers each with the next status of its script,
 * then with its steady status. It can also run a check on each request as it arrives ({@link #onEach}), and hold
 * the first request unanswered until the test lets it go ({@link #holdFirst}).
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
    private volatile Consumer<Received> onEach = r -> { };
    private volatile CountDownLatch hold;
    private final CountDownLatch holding = new CountDownLatch(1);

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
            Received request = new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Authorization"), headers.getFirst("Content-Type"),
                    body, status);
            onEach.accept(request);
            CountDownLatch held = hold;
            if (held != null) {
                hold = null;
                holding.countDown();
                try {
                    held.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(request);
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

    /** Runs {@code check} on each request as it arrives, before it is answered (and before the next is read). */
    public WebhookReceiver onEach(Consumer<Received> check) {
        this.onEach = check;
        return this;
    }

    /**
     * Holds the next request unanswered (and every request after it waiting behind it) until the returned latch is
     * counted down, a minute at most; {@link #awaitHolding} waits until that request is there.
     */
    public CountDownLatch holdFirst() {
        CountDownLatch release = new CountDownLatch(1);
        hold = release;
        return release;
    }

    /** Whether the request {@link #holdFirst} holds arrived within {@code millis}. */
    public boolean awaitHolding(long millis) throws InterruptedException {
        return holding.await(millis, TimeUnit.MILLISECONDS);
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
