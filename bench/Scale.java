import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one request costs as the account grows (bench/scale): AMC calls (counted by the upstream sandbox),
 * latency and the facade's CPU for
 * <ul>
 * <li>a revoke of an invitation the facade created, in an account holding N invitations made directly in AMC;</li>
 * <li>a revoke of one of those N the facade never saw (the last AMC lists: beyond the look-up bound when N &gt; 1,000);</li>
 * <li>{@code GET /v1/accounts} for an identity administering A accounts.</li>
 * </ul>
 * <pre>
 * java bench/Scale.java UPSTREAM_URL FACADE_URL FACADE_PID INVITATIONS... -- ACCOUNTS
 * </pre>
 */
public class Scale {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLIENT_ID = "amzn1.application-oa2-client.sandbox";
    private static final Pattern ID = Pattern.compile("\"invitationId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCOUNT = Pattern.compile("\"accountId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int REPEATS = 5;

    private final String upstream;
    private final String facade;
    private final long pid;
    private final String lwa;
    private final String jwt;

    Scale(String upstream, String facade, long pid) throws Exception {
        this.upstream = upstream;
        this.facade = facade;
        this.pid = pid;
        this.lwa = match(TOKEN, send(HttpRequest.newBuilder(URI.create(upstream + "/sandbox/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=Atzr%7Csandbox-refresh-token&client_id="
                        + CLIENT_ID + "&client_secret=sandbox-client-secret")).build()));
        this.jwt = match(TOKEN, send(HttpRequest.newBuilder(URI.create(facade + "/sandbox/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"bench-scale\",\"roles\":[\"amc-admin\",\"amc-viewer\"]}")).build()));
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        Scale scale = new Scale(args[0], args[1], Long.parseLong(args[2]));
        System.out.println("| request | account holds | AMC list calls | AMC update calls | other AMC calls | latency p50 (ms) | facade CPU per request (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 3; i < split; i++) {
            scale.revokes(Integer.parseInt(args[i]));
        }
        for (int i = split + 1; i < args.length; i++) {
            scale.accounts(Integer.parseInt(args[i]));
        }
    }

    private void revokes(int held) throws Exception {
        String account = newAccount();
        List<String> outside = new ArrayList<>();
        for (int made = 0; made < held; made += 50) {
            StringBuilder body = new StringBuilder("{\"notifyInvitedUsers\":false,\"userInvitationRequests\":[");
            for (int i = 0; i < Math.min(50, held - made); i++) {
                body.append(i == 0 ? "" : ",").append("{\"user\":{\"emailAddress\":\"scale-").append(made + i)
                        .append("@example.com\",\"userName\":\"Scale\"},\"permissionSet\":{\"type\":\"ROLE\",\"role\":{\"name\":\"viewer\"}}}");
            }
            String answer = send(amc("/sandbox/user-invitations", account, "application/vnd.CreateUserInvitations.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build());
            Matcher ids = ID.matcher(answer);
            while (ids.find()) {
                outside.add(ids.group(1));
            }
        }
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            String answer = send(facadeRequest("/v1/accounts/" + account + "/invitations").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"notifyInvitedUsers\":false,\"invitations\":[{\"emailAddress\":\"mine-"
                            + i + "-" + System.nanoTime() + "@example.com\",\"userName\":\"Mine\",\"role\":\"viewer\"}]}")).build());
            mine.add(match(ID, answer));
        }
        measure("revoke, invitation the facade created", held, mine, account);
        measure("revoke, invitation made directly in AMC (listed last)", held,
                outside.subList(Math.max(0, outside.size() - REPEATS), outside.size()), account);
    }

    private void measure(String what, int held, List<String> invitations, String account) throws Exception {
        long[] before = counts();
        long cpuBefore = cpuMillis();
        List<Double> latencies = new ArrayList<>();
        for (String id : invitations) {
            long started = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(facadeRequest("/v1/accounts/" + account + "/invitations/" + id + "/revoke")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add((System.nanoTime() - started) / 1e6);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("revoke answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        long cpu = cpuMillis() - cpuBefore;
        long[] after = counts();
        int n = invitations.size();
        System.out.printf("| %s | %,d invitations | %.1f | %.1f | %.1f | %.1f | %.1f |%n", what, held,
                (after[0] - before[0]) / (double) n, (after[1] - before[1]) / (double) n, (after[2] - before[2]) / (double) n,
                median(latencies), cpu / (double) n);
    }

    private void accounts(int wanted) throws Exception {
        int have = countMatches(ACCOUNT, send(facadeRequest("/v1/accounts").GET().build()));
        for (int i = have; i < wanted; i++) {
            newAccount();
        }
        send(facadeRequest("/v1/accounts").GET().build());
        long[] before = counts();
        long cpuBefore = cpuMillis();
        List<Double> latencies = new ArrayList<>();
        String answer = "";
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            answer = send(facadeRequest("/v1/accounts").GET().build());
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        long cpu = cpuMillis() - cpuBefore;
        long[] after = counts();
        System.out.printf("| GET /v1/accounts | %,d accounts (answered %,d) | %.1f | %.1f | %.1f | %.1f | %.1f |%n", wanted,
                countMatches(ACCOUNT, answer), 0.0, 0.0, (after[2] - before[2]) / (double) REPEATS, median(latencies),
                cpu / (double) REPEATS);
    }

    /** AMC calls so far: invitation lists, invitation updates, everything else (LWA token calls left out). */
    private long[] counts() throws Exception {
        String stats = send(HttpRequest.newBuilder(URI.create(upstream + "/sandbox/stats")).GET().build());
        long list = 0;
        long update = 0;
        long other = 0;
        Matcher m = Pattern.compile("\"([A-Z]+ /[^\"]*)\"\\s*:\\s*\\{\\s*\"requests\"\\s*:\\s*(\\d+)").matcher(stats);
        while (m.find()) {
            long n = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "POST /user-invitations/list" -> list += n;
                case "PUT /user-invitations" -> update += n;
                case "POST /auth/o2/token" -> { }
                default -> other += n;
            }
        }
        return new long[] { list, update, other };
    }

    private long cpuMillis() throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 1000 / 100;
    }

    private String newAccount() throws Exception {
        return match(ACCOUNT, send(HttpRequest.newBuilder(URI.create(upstream + "/sandbox/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"accountName\":\"Scale\"}")).build()));
    }

    private HttpRequest.Builder amc(String path, String account, String type) {
        return HttpRequest.newBuilder(URI.create(upstream + path)).header("Authorization", "Bearer " + lwa)
                .header("Amazon-Advertising-API-ClientId", CLIENT_ID).header("Amazon-Ads-AccountId", account)
                .header("Content-Type", type);
    }

    private HttpRequest.Builder facadeRequest(String path) {
        return HttpRequest.newBuilder(URI.create(facade + path)).header("Authorization", "Bearer " + jwt);
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    private static int countMatches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
