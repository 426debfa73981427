import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper of bench/access-reconcile. Subcommands, all against the facade whose sandbox is the upstream:
 *   seed BASE ACCOUNTS USERS        adds ACCOUNTS accounts of USERS users each (the seed admin included);
 *                                   prints their ids
 *   drift BASE FILE N               adds a user to N of the accounts in FILE and removes one from N others,
 *                                   spread over the list; prints the accounts touched
 *   requests BASE ENDPOINT          prints how many requests the sandbox received at ENDPOINT
 *   outofband BASE TOKEN            prints how many OUT_OF_BAND_CHANGE actions the trail holds (facade under test)
 */
public class AccessReconcile {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "seed" -> seed(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "drift" -> drift(base, java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[2])),
                    Integer.parseInt(args[3]));
            case "requests" -> System.out.println(requests(base, args[2]));
            case "outofband" -> System.out.println(outOfBand(base, args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void seed(String base, int accounts, int users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int index = a;
            work.add(pool.submit(() -> {
                String account = field(send(base, "POST", "/sandbox/accounts", "{\"accountName\":\"Bench " + index + "\"}"), "accountId");
                synchronized (System.out) {
                    System.out.println(account);
                }
                for (int u = 1; u < users; u++) {
                    send(base, "POST", "/sandbox/accounts/" + account + "/console-changes", "{\"emailAddress\":\"u" + u
                            + "@" + account.toLowerCase() + ".example\",\"userName\":\"User " + u
                            + "\",\"role\":\"viewer\",\"addUser\":true}");
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private static void drift(String base, List<String> accounts, int n) throws Exception {
        int step = Math.max(1, accounts.size() / (2 * n));
        for (int i = 0; i < n; i++) {
            String add = accounts.get(Math.min(accounts.size() - 1, (2 * i) * step));
            String remove = accounts.get(Math.min(accounts.size() - 1, (2 * i + 1) * step));
            send(base, "POST", "/sandbox/accounts/" + add + "/console-changes", "{\"emailAddress\":\"drift" + i + "@"
                    + add.toLowerCase() + ".example\",\"userName\":\"Drift\",\"role\":\"viewer\",\"addUser\":true}");
            String users = get(base + "/sandbox/accounts/" + remove + "/users");
            Matcher viewer = Pattern.compile("\"userId\":\"([^\"]+)\",\"emailAddress\":\"[^\"]+\",\"role\":\"VIEWER\"").matcher(users);
            if (!viewer.find()) {
                throw new IllegalStateException("no viewer in " + remove);
            }
            send(base, "POST", "/sandbox/accounts/" + remove + "/console-changes",
                    "{\"userId\":\"" + viewer.group(1) + "\",\"remove\":true}");
            System.out.println(add + " +1 " + remove + " -1");
        }
    }

    private static long requests(String base, String endpoint) throws Exception {
        String stats = get(base + "/sandbox/stats");
        Matcher m = Pattern.compile("\"" + Pattern.quote(endpoint) + "\":\\{\"requests\":(\\d+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int outOfBand(String base, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/audit/events?action=OUT_OF_BAND_CHANGE&limit=500"))
                .header("Authorization", "Bearer " + token).build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.split("\"action\":\"OUT_OF_BAND_CHANGE\"", -1).length - 1;
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String send(String base, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
