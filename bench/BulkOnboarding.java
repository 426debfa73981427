import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk onboarding through a running facade whose sandbox allows R AMC requests a second: invites N
 * people in batches of 50 from C concurrent callers, as a well-behaved client (it waits out a 429's
 * Retry-After and sends the same Idempotency-Key again). Then checks the account for duplicates, the
 * audit trail for actions without an outcome, and reports completion time against the ideal.
 * Usage: java bench/BulkOnboarding.java PORT R INVITEES CALLERS
 */
public class BulkOnboarding {

    private static final int BATCH = 50;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:" + args[0];
        int perSecond = Integer.parseInt(args[1]);
        int invitees = Integer.parseInt(args[2]);
        int callers = Integer.parseInt(args[3]);

        send(base, "PUT", "/sandbox/faults", null, "{\"maxRequestsPerSecond\":" + perSecond + "}");
        String account = field(send(base, "POST", "/sandbox/accounts", null, "{\"accountName\":\"Bulk onboarding\"}").body(), "accountId");
        String admin = field(send(base, "POST", "/sandbox/tokens", null,
                "{\"subject\":\"bench-onboarding\",\"roles\":[\"amc-admin\",\"auditor\"]}").body(), "access_token");
        send(base, "GET", "/v1/accounts", admin, null); // the account list (marketplaces) is read once, before timing
        send(base, "DELETE", "/sandbox/stats", null, null);

        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger batchesLeft = new AtomicInteger((invitees + BATCH - 1) / BATCH);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> running = new ArrayList<>();
        Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
        for (int c = 0; c < callers; c++) {
            running.add(pool.submit(() -> {
                for (int batch; (batch = batchesLeft.decrementAndGet()) >= 0;) {
                    inviteBatch(base, admin, account, batch, invitees, seen);
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        seen.forEach((status, count) -> statuses.put(status, count));

        String stats = send(base, "GET", "/sandbox/stats", null, null).body();
        long amcRequests = sum(stats, "requests");
        long amcThrottled = sum(stats, "throttled");
        long amcErrors = sum(stats, "errors");
        long needed = amcRequests - amcThrottled - amcErrors;
        double ideal = needed / (double) perSecond;

        List<String> emails = invitationEmails(base, admin, account);
        Set<String> distinct = new HashSet<>(emails);
        Map<String, Integer> outcomes = outcomes(base, admin);

        System.out.printf("invitees %d in batches of %d from %d callers; sandbox allows %d AMC requests/s%n",
                invitees, BATCH, callers, perSecond);
        System.out.printf("caller answers (status: count): %s%n", statuses);
        System.out.printf("AMC requests received %d (throttled %d, errors %d); needed %d%n", amcRequests, amcThrottled,
                amcErrors, needed);
        System.out.printf("completion %.2f s, ideal %.2f s (needed / R), ratio %.3f%n", seconds, ideal, seconds / ideal);
        System.out.printf("invitations on the account %d, distinct emails %d, duplicates %d%n", emails.size(),
                distinct.size(), emails.size() - distinct.size());
        System.out.printf("audited INVITATIONS_CREATE outcomes %s%n", outcomes);
        send(base, "DELETE", "/sandbox/faults", null, null);
    }

    /** One batch of 50, sent again with the same key after a 429 or a 503 that carries Retry-After. */
    private static void inviteBatch(String base, String token, String account, int batch, int invitees,
            Map<Integer, AtomicInteger> seen) throws Exception {
        StringBuilder body = new StringBuilder("{\"notifyInvitedUsers\":false,\"invitations\":[");
        for (int i = batch * BATCH; i < Math.min(invitees, (batch + 1) * BATCH); i++) {
            body.append(i > batch * BATCH ? "," : "").append("{\"emailAddress\":\"onboard-").append(i)
                    .append("@example.com\",\"userName\":\"Onboard ").append(i).append("\",\"role\":\"viewer\"}");
        }
        body.append("]}");
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/accounts/" + account + "/invitations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bulk-" + account + "-" + batch)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            seen.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            if ((answer.statusCode() == 429 || answer.statusCode() == 503) && retryAfter != null) {
                Thread.sleep(Long.parseLong(retryAfter) * 1000);
                continue;
            }
            return;
        }
    }

    private static List<String> invitationEmails(String base, String token, String account) throws Exception {
        List<String> emails = new ArrayList<>();
        String cursor = null;
        do {
            String page = send(base, "GET", "/v1/accounts/" + account + "/invitations?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor), token, null).body();
            Matcher email = Pattern.compile("\"emailAddress\":\"([^\"]+)\"").matcher(page);
            while (email.find()) {
                emails.add(email.group(1));
            }
            cursor = field(page, "nextCursor");
        } while (cursor != null);
        return emails;
    }

    private static Map<String, Integer> outcomes(String base, String token) throws Exception {
        String page = send(base, "GET", "/v1/audit/events?actor=bench-onboarding&action=INVITATIONS_CREATE&limit=500",
                token, null).body();
        Map<String, Integer> outcomes = new TreeMap<>();
        Matcher outcome = Pattern.compile("\"outcome\":\"(SUCCEEDED|PARTIAL|FAILED|REJECTED|DENIED|UNKNOWN|PENDING)\"").matcher(page);
        while (outcome.find()) {
            outcomes.merge(outcome.group(1), 1, Integer::sum);
        }
        return outcomes;
    }

    private static long sum(String stats, String counter) {
        long total = 0;
        Matcher value = Pattern.compile("\"" + counter + "\":(\\d+)").matcher(stats);
        while (value.find()) {
            total += Long.parseLong(value.group(1));
        }
        return total;
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
