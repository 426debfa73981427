import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiver of {@code bench/event-lag}: a webhook endpoint on loopback (JDK HttpServer, no library) that answers
 * 200 to every POST and appends one line per delivery to a TSV file, with the time the whole body had arrived and
 * the CloudEvents fields the lag is computed from: one line per event, so a batch (CloudEvents' batched mode, a JSON
 * array, from a subscription with {@code maxEventsPerRequest} above 1) gives one line for each event in it.
 *
 * <pre>
 * java bench/EventLagReceiver.java PORT OUT.tsv [ACTION,ACTION…]
 * </pre>
 *
 * Columns: {@code received} (ISO instant), {@code webhook_id}, {@code id} (the CloudEvents id: the action's event id),
 * {@code first} (1 for the first delivery of that id, 0 for a repeat: delivery is at least once), {@code action},
 * {@code type}, {@code time} (the CloudEvents {@code time}: when the action was recorded, its intent),
 * {@code completed} ({@code data.event.completedAt}: the outcome record's {@code recorded_at}, the database's
 * {@code clock_timestamp()} when the outcome was inserted, just before its transaction commits), {@code sealed}
 * ({@code data.seal.sealedAt}), then in milliseconds: {@code lag_commit_ms} (received − completed),
 * {@code lag_intent_ms} (received − time), {@code seal_wait_ms} (sealed − completed) and {@code after_seal_ms}
 * (received − sealed), and {@code completed_epoch_ms}. {@code GET /stats} answers "deliveries distinct
 * distinct_measured": every POST (a batch is one), distinct event ids, and distinct ids of the measured actions (the third argument;
 * every action when absent).
 */
public class EventLagReceiver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern COMPLETED = Pattern.compile("\"completedAt\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern SEALED = Pattern.compile("\"sealedAt\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([^\"]*)\"");

    private final BufferedWriter out;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> measuredSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> measured;
    private final AtomicLong deliveries = new AtomicLong();

    EventLagReceiver(Path file, Set<String> measured) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.measured = measured;
        out.write("received\twebhook_id\tid\tfirst\taction\ttype\ttime\tcompleted\tsealed\tlag_commit_ms\tlag_intent_ms"
                + "\tseal_wait_ms\tafter_seal_ms\tcompleted_epoch_ms\n");
        out.flush();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Set<String> measured = args.length > 2 ? Set.of(args[2].split(",")) : Set.of();
        EventLagReceiver receiver = new EventLagReceiver(Path.of(args[1]), measured);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        server.start();
        System.err.println("EventLagReceiver listening on 127.0.0.1:" + port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/stats")) {
                answer(exchange, deliveries.get() + " " + seen.size() + " " + measuredSeen.size() + "\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Instant received = Instant.now();
            exchange.sendResponseHeaders(200, -1);
            record(received, exchange.getRequestHeaders().getFirst("webhook-id"), new String(body, StandardCharsets.UTF_8));
        }
    }

    private void record(Instant received, String webhookId, String body) {
        deliveries.incrementAndGet();
        for (String event : events(body)) {
            recordEvent(received, webhookId, event);
        }
    }

    /** The events of a body: itself, or a batch's elements (each starts with {@code {"specversion"}, as the facade writes). */
    static java.util.List<String> events(String body) {
        String text = body.strip();
        if (!text.startsWith("[")) {
            return java.util.List.of(text);
        }
        java.util.List<String> events = new java.util.ArrayList<>();
        int from = text.indexOf("{\"specversion\"");
        while (from >= 0) {
            int next = text.indexOf("{\"specversion\"", from + 1);
            events.add(text.substring(from, next < 0 ? text.length() : next));
            from = next;
        }
        return events;
    }

    private void recordEvent(Instant received, String webhookId, String body) {
        String id = first(ID, body);
        String action = first(ACTION, body);
        boolean isFirst = id != null && seen.add(id);
        if (isFirst && (measured.isEmpty() || measured.contains(action))) {
            measuredSeen.add(id);
        }
        Instant time = instant(first(TIME, body));
        Instant completed = instant(first(COMPLETED, body));
        Instant sealed = instant(first(SEALED, body));
        String line = String.join("\t", received.toString(), String.valueOf(webhookId), String.valueOf(id),
                isFirst ? "1" : "0", String.valueOf(action), String.valueOf(first(TYPE, body)), String.valueOf(time),
                String.valueOf(completed), String.valueOf(sealed), ms(completed, received), ms(time, received),
                ms(completed, sealed), ms(sealed, received),
                completed == null ? "NA" : Long.toString(completed.toEpochMilli())) + "\n";
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                System.err.println("could not write: " + e);
            }
        }
    }

    private void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                // exiting
            }
        }
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code to − from} in milliseconds with microsecond resolution, or "NA". */
    private static String ms(Instant from, Instant to) {
        if (from == null || to == null) {
            return "NA";
        }
        long micros = (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000L + (to.getNano() - from.getNano()) / 1000;
        return String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0);
    }
}
