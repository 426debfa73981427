import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of {@code bench/run}: drives one workload against the facade or the sandbox upstream
 * (directly or through a proxy) and appends one line per request kind to a TSV file.
 *
 * <pre>
 * java bench/Load.java --target facade|upstream --base URL --token T [--client-id ID]
 *      --workload accounts|invitations|writes --account ACC [--write-accounts A,B,…]
 *      (--concurrency N | --rate R) --seconds S [--warmup S] --label L --out FILE [--samples DIR]
 * </pre>
 *
 * Closed model ({@code --concurrency}): N connections, each sending its next request when the last
 * answered; gives throughput. Open model ({@code --rate}): requests start on a fixed schedule of R per
 * second whatever the answers do, and latency counts from the <em>intended</em> start, so a stall is
 * charged to every request it delayed (no coordinated omission). Percentiles are exact: every sample
 * is kept and sorted. The writes workload is an invite followed by a revoke of that invitation, each
 * recorded as its own request kind; with {@code --rate} the rate counts both requests. With
 * {@code --samples} every measured latency (µs) is also appended to {@code DIR/<kind>.txt}.
 * Against the upstream each workload makes the upstream calls the facade makes for it.
 */
public class Load {

    private static final Pattern INVITATION_ID = Pattern.compile("\"invitationId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CREATE_TYPE = "application/vnd.CreateUserInvitations.v1+json";
    private static final String UPDATE_TYPE = "application/vnd.UpdateUserInvitations.v1+json";
    private static final String LIST_TYPE = "application/vnd.ListUserInvitations.v1+json";

    private final Map<String, String> args;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final boolean facade;
    private final String base;
    private final String[] writeAccounts;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.nanoTime(), 36);
    private final Map<String, Samples> samples = new ConcurrentHashMap<>();
    private volatile long measureFrom;
    private volatile long measureUntil;

    /** Latencies in microseconds of one request kind, and its failures, within the measured window. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;
        private long errors;
        private long inWindow;
        private String firstError;

        synchronized void add(long micros, boolean finishedInWindow) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
            if (finishedInWindow) {
                inWindow++;
            }
        }

        synchronized void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    Load(Map<String, String> args) {
        this.args = args;
        this.facade = required("target").equals("facade");
        this.base = required("base");
        this.writeAccounts = args.getOrDefault("write-accounts", args.getOrDefault("account", "")).split(",");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new Load(args).run();
    }

    private String required(String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    void run() throws Exception {
        long warmup = TimeUnit.SECONDS.toNanos(Long.parseLong(args.getOrDefault("warmup", "2")));
        long seconds = Long.parseLong(required("seconds"));
        long start = System.nanoTime();
        measureFrom = start + warmup;
        measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        String mode;
        String level;
        if (args.containsKey("rate")) {
            double rate = Double.parseDouble(args.get("rate"));
            mode = "rate";
            level = args.get("rate");
            open(start, rate);
        } else {
            int concurrency = Integer.parseInt(required("concurrency"));
            mode = "concurrency";
            level = Integer.toString(concurrency);
            closed(concurrency);
        }
        report(mode, level, seconds);
    }

    /** N workers, each sending its next operation as soon as the last one answered. */
    private void closed(int concurrency) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < measureUntil) {
                    operation(System.nanoTime());
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    /** Operations start at fixed intended times; each runs on a thread of its own from a pool that grows as needed. */
    private void open(long start, double requestsPerSecond) throws InterruptedException {
        double operationsPerSecond = requestsPerSecond / requestsPerOperation();
        long interval = (long) (1e9 / operationsPerSecond);
        ExecutorService pool = new ThreadPoolExecutor(0, 2000, 30, TimeUnit.SECONDS, new SynchronousQueue<>());
        for (long intended = start; intended < measureUntil; intended += interval) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long at = intended;
            try {
                pool.execute(() -> operation(at));
            } catch (RejectedExecutionException e) {
                samples.computeIfAbsent("overloaded", k -> new Samples()).error("load generator: 2000 operations in flight");
            }
        }
        pool.shutdown();
        if (!pool.awaitTermination(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private int requestsPerOperation() {
        return required("workload").equals("writes") ? 2 : 1;
    }

    /** One operation of the workload; {@code intended} is when it should have started. */
    private void operation(long intended) {
        boolean measured = intended >= measureFrom && intended < measureUntil;
        switch (required("workload")) {
            case "accounts" -> timed("accounts", intended, measured, this::accounts);
            case "invitations" -> timed("invitations", intended, measured, this::invitations);
            case "writes" -> {
                String account = writeAccounts[(int) (sequence.get() % writeAccounts.length)];
                String[] created = new String[1];
                boolean invited = timed("invite", intended, measured, () -> created[0] = invite(account));
                if (invited) {
                    timed("revoke", System.nanoTime(), measured, () -> revoke(account, created[0]));
                }
            }
            default -> throw new IllegalArgumentException("unknown workload " + required("workload"));
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private boolean timed(String kind, long intended, boolean measured, Call call) {
        Samples kindSamples = samples.computeIfAbsent(kind, k -> new Samples());
        try {
            call.run();
            if (measured) {
                long finished = System.nanoTime();
                kindSamples.add((finished - intended) / 1000, finished <= measureUntil);
            }
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (measured) {
                kindSamples.error(e.toString());
            }
            return false;
        }
    }

    /** The facade reads every page of AMC's account list (write phases add accounts as the run goes): so does the baseline. */
    private void accounts() throws IOException, InterruptedException {
        if (facade) {
            send(get("/v1/accounts"));
            return;
        }
        String nextToken = null;
        do {
            String page = send(get("/amc/accounts" + (nextToken == null ? "" : "?nextToken=" + nextToken)));
            Matcher next = NEXT_TOKEN.matcher(page);
            nextToken = next.find() ? next.group(1) : null;
        } while (nextToken != null);
    }

    private void invitations() throws IOException, InterruptedException {
        String account = required("account");
        send(facade ? get("/v1/accounts/" + account + "/invitations?limit=20")
                : post("/user-invitations/list", account, LIST_TYPE, "{\"maxResults\":50}"));
    }

    private String invite(String account) throws IOException, InterruptedException {
        String email = "bench-" + runId + "-" + sequence.incrementAndGet() + "@example.com";
        String body = facade
                ? "{\"notifyInvitedUsers\":false,\"invitations\":[{\"emailAddress\":\"" + email
                        + "\",\"userName\":\"Bench\",\"role\":\"viewer\"}]}"
                : "{\"notifyInvitedUsers\":false,\"userInvitationRequests\":[{\"user\":{\"emailAddress\":\"" + email
                        + "\",\"userName\":\"Bench\"},\"permissionSet\":{\"type\":\"ROLE\",\"role\":{\"name\":\"viewer\"}}}]}";
        String answer = send(facade ? post("/v1/accounts/" + account + "/invitations", null, "application/json", body)
                : post("/user-invitations", account, CREATE_TYPE, body));
        Matcher id = INVITATION_ID.matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("no invitation id in " + abbreviated(answer));
        }
        return id.group(1);
    }

    /**
     * The facade knows an invitation it created from its own trail and sends AMC the update alone, whose
     * per-item answer decides the transition (docs/decisions/0010): so the baseline sends the update alone.
     */
    private void revoke(String account, String invitationId) throws IOException, InterruptedException {
        if (facade) {
            send(post("/v1/accounts/" + account + "/invitations/" + invitationId + "/revoke", null, null, null));
            return;
        }
        send(request("/user-invitations", account, UPDATE_TYPE).PUT(HttpRequest.BodyPublishers.ofString(
                "{\"notifyInvitedUsers\":false,\"updates\":[{\"invitationId\":\"" + invitationId + "\",\"state\":\"REVOKED\"}]}"))
                .build());
    }

    private HttpRequest get(String path) {
        return request(path, null, null).GET().build();
    }

    private HttpRequest post(String path, String account, String contentType, String body) {
        return request(path, account, contentType)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder request(String path, String account, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + required("token"));
        if (!facade) {
            builder.header("Amazon-Advertising-API-ClientId", required("client-id"));
        }
        if (account != null) {
            builder.header("Amazon-Ads-AccountId", account);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder;
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return response.body();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /**
     * label, target, workload, mode, level, kind, ok, errors, seconds, throughput/s, p50, p90, p99, p99.9, max (ms),
     * first error. {@code ok} counts the measured operations that succeeded whenever they finished; the
     * throughput only those that finished within the measured window, so an overloaded target shows it.
     */
    private void report(String mode, String level, long seconds) throws IOException {
        Path out = Path.of(required("out"));
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(out)) {
            lines.append("label\ttarget\tworkload\tmode\tlevel\tkind\tok\terrors\tseconds\tthroughput\tp50\tp90\tp99\tp999\tmax\tfirst_error\n");
        }
        for (Map.Entry<String, Samples> entry : new java.util.TreeMap<>(samples).entrySet()) {
            Samples kind = entry.getValue();
            long[] sorted = kind.sorted();
            lines.append(String.join("\t", required("label"), required("target"), required("workload"), mode, level,
                    entry.getKey(), Integer.toString(sorted.length), Long.toString(kind.errors), Long.toString(seconds),
                    format((double) kind.inWindow / seconds), millis(sorted, 0.5), millis(sorted, 0.9), millis(sorted, 0.99),
                    millis(sorted, 0.999), millis(sorted, 1.0),
                    kind.firstError == null ? "-" : kind.firstError.replaceAll("\\s+", " ")))
                    .append('\n');
            System.err.printf("%s %s %s=%s %s: %d ok, %d errors, p50 %s ms, p99 %s ms%s%n", required("label"),
                    required("workload"), mode, level, entry.getKey(), sorted.length, kind.errors, millis(sorted, 0.5),
                    millis(sorted, 0.99), kind.firstError == null ? "" : " (" + kind.firstError + ")");
        }
        Files.writeString(out, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (args.containsKey("samples")) {
            Path directory = Files.createDirectories(Path.of(args.get("samples")));
            for (Map.Entry<String, Samples> entry : samples.entrySet()) {
                StringBuilder values = new StringBuilder();
                for (long micros : entry.getValue().sorted()) {
                    values.append(micros).append('\n');
                }
                Files.writeString(directory.resolve(entry.getKey() + ".txt"), values, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    /** The smallest sample at or above the given fraction of all samples, in milliseconds. */
    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "NaN";
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return format(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
