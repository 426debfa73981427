package io.amcfacade.support.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One base URL in front of several upstreams, chosen by the start of the path: what the facade sees as
 * "AMC" when each of Amazon's definitions is mocked by a Prism of its own. Passes method, path, query,
 * headers (values exactly as sent, so a media type's spelling reaches Prism) and body through, and the
 * answer back unchanged; a path no route claims is answered 599 so it cannot pass for an upstream answer.
 */
public final class PathRouter implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> routes;
    private final java.util.concurrent.atomic.AtomicInteger forwarded = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PathRouter(Map<String, String> routes) throws IOException {
        this.routes = new LinkedHashMap<>(routes);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::forward);
        server.start();
    }

    /** Routes by path prefix, first match wins: {@code "/amc/" -> "http://127.0.0.1:4010"}. */
    public static PathRouter start(Map<String, String> routes) throws IOException {
        return new PathRouter(routes);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests a route took so far (a path no route claims is not counted). */
    public int forwarded() {
        return forwarded.get();
    }

    /**
     * What Prism said it refused so far, one entry a refused request: {@code "DELETE /amc/instances/x: <sl-violations>"}
     * (Prism names each violation in that header of its answer; its log says only that there were some).
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String target = routes.entrySet().stream().filter(r -> uri.getPath().startsWith(r.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (target == null) {
                answer(exchange, 599, Map.of(), ("no route for " + uri.getPath()).getBytes());
                return;
            }
            forwarded.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().firstValue("sl-violations").ifPresent(
                    v -> violations.add(exchange.getRequestMethod() + " " + uri.getPath() + ": " + v));
            answer(exchange, response.statusCode(), response.headers().map(), response.body());
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
