package io.amcfacade.support.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.response.Response;

/**
 * Prisms of Amazon's definitions behind a {@link PathRouter} per region, each router the AMC host of one region
 * (North America, Europe, Far East), and the record of each facade operation driven through them: its status, how
 * many upstream requests it made and to which region's host, and every request or answer Prism refused. Written out
 * as a Markdown table.
 */
public final class DefinitionsRun implements AutoCloseable {

    /** One operation's outcome. */
    public record Outcome(String operation, int status, int upstreamRequests, Map<String, Integer> byRegion,
            List<String> refusals, List<String> violations, List<String> notes, String body) {

        public boolean passed() {
            // 202: an operation started (issue 24).
            return (status == 200 || status == 202) && refusals.isEmpty();
        }

        /**
         * The facade's paging guard answered: the upstream kept returning {@code nextToken}, or returned the
         * one it was just sent. A static mock answers every optional property, the same token on every page,
         * so it can never end a listing; a real AMC does.
         */
        public boolean metPagingGuard() {
            return status == 502 && refusals.isEmpty()
                    && (body.contains("kept returning nextToken") || body.contains("the nextToken it was just sent"));
        }
    }

    private final List<PrismMock> prisms = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Path workDir;
    private final Map<String, PathRouter> routers = new LinkedHashMap<>();

    private DefinitionsRun(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Prism mocks ({@code --errors}) of the definitions, the issue reporter's set-up, as the host of each of
     * {@code regions}: a mock answers the same whoever asks, so the regions share one Prism per definition, each
     * behind its own router.
     */
    public static DefinitionsRun mocks(Map<String, Path> definitions, List<String> regions, Path workDir)
            throws IOException, InterruptedException {
        DefinitionsRun run = new DefinitionsRun(workDir);
        Map<String, String> routes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> definition : definitions.entrySet()) {
            PrismMock mock = PrismMock.start(definition.getValue(), workDir.resolve("prism-" + definition.getKey() + ".log"));
            run.prisms.add(mock);
            AmazonDefinitions.prefixes(definition.getKey()).forEach(prefix -> routes.put(prefix, mock.baseUri()));
        }
        for (String region : regions) {
            run.routers.put(region, PathRouter.start(routes));
        }
        return run;
    }

    /**
     * Prism validating proxies ({@code --errors}) of the definitions in front of each region's upstream (region id to
     * base URL): a proxy forwards to one upstream, so each region has Prisms of its own.
     */
    public static DefinitionsRun proxies(Map<String, Path> definitions, Map<String, String> upstreams, Path workDir)
            throws IOException, InterruptedException {
        DefinitionsRun run = new DefinitionsRun(workDir);
        for (Map.Entry<String, String> upstream : upstreams.entrySet()) {
            Map<String, String> routes = new LinkedHashMap<>();
            for (Map.Entry<String, Path> definition : definitions.entrySet()) {
                PrismMock proxy = PrismMock.proxy(definition.getValue(), upstream.getValue(), workDir.resolve(
                        "prism-proxy-" + upstream.getKey() + "-" + definition.getKey() + ".log"));
                run.prisms.add(proxy);
                AmazonDefinitions.prefixes(definition.getKey()).forEach(prefix -> routes.put(prefix, proxy.baseUri()));
            }
            run.routers.put(upstream.getKey(), PathRouter.start(routes));
        }
        return run;
    }

    /** A further Prism whose log counts too (the Login with Amazon stub). */
    public PrismMock also(PrismMock prism) {
        prisms.add(prism);
        return prism;
    }

    /** Each region's AMC base URL for the facade, by region id. */
    public Map<String, String> baseUris() {
        Map<String, String> uris = new LinkedHashMap<>();
        routers.forEach((region, router) -> uris.put(region, router.baseUri()));
        return uris;
    }

    /** Runs one facade operation and records it with what the Prisms logged meanwhile. */
    public Response run(String operation, Supplier<Response> call) throws IOException {
        List<Integer> before = new ArrayList<>();
        for (PrismMock prism : prisms) {
            before.add(prism.log().length());
        }
        Map<String, Integer> forwardedBefore = new LinkedHashMap<>();
        routers.forEach((region, router) -> forwardedBefore.put(region, router.forwarded()));
        Map<String, Integer> violationsBefore = new LinkedHashMap<>();
        routers.forEach((region, router) -> violationsBefore.put(region, router.violations().size()));
        Response response = call.get();
        Map<String, Integer> byRegion = new LinkedHashMap<>();
        routers.forEach((region, router) -> byRegion.put(region, router.forwarded() - forwardedBefore.get(region)));
        List<String> violations = new ArrayList<>();
        routers.forEach((region, router) -> {
            List<String> all = router.violations();
            violations.addAll(all.subList(violationsBefore.get(region), all.size()));
        });
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < prisms.size(); i++) {
            logged.addAll(prisms.get(i).log().substring(before.get(i)).lines().toList());
        }
        int requests = (int) logged.stream().filter(line -> line.contains("Request received")).count();
        List<String> refusals = logged.stream().filter(AmazonDefinitions::isRefusal).map(String::strip).toList();
        List<String> notes = logged.stream().filter(AmazonDefinitions::isNote).map(String::strip).toList();
        outcomes.add(new Outcome(operation, response.statusCode(), requests, byRegion, refusals, violations, notes,
                response.asString()));
        return response;
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Writes {@code target/amazon-definitions/<name>.md} and prints it; returns where. */
    public Path report(String name, String title) throws IOException {
        StringBuilder report = new StringBuilder("# ").append(title).append("\n\nRun ").append(Instant.now())
                .append(", definitions in ").append(System.getProperty(AmazonDefinitions.PROPERTY))
                .append(", Prism and facade logs in ").append(workDir).append(".\n\n")
                .append("| # | facade operation | status | upstream requests | by region's host | result |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String result = (o.passed() ? "passed" : o.metPagingGuard() ? "paging guard (the mock never ends a listing)"
                    : "FAILED") + (o.refusals().isEmpty() ? ""
                    : "; Prism refused: " + String.join("; ", o.refusals()))
                    + (o.violations().isEmpty() ? "" : "; violations: " + String.join("; ", o.violations()))
                    + (o.notes().isEmpty() ? "" : "; Prism noted: " + String.join("; ", o.notes()))
                    + "; answer: " + abbreviate(o.body());
            report.append("| ").append(i + 1).append(" | `").append(o.operation()).append("` | ").append(o.status())
                    .append(" | ").append(o.upstreamRequests()).append(" | ").append(regions(o.byRegion())).append(" | ")
                    .append(result).append(" |\n");
        }
        Path file = Path.of("target", "amazon-definitions", name + ".md").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
        return file;
    }

    private static String regions(Map<String, Integer> byRegion) {
        return byRegion.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("—");
    }

    private static String abbreviate(String body) {
        String flat = body.replace("|", "\\|").replace("\n", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }

    @Override
    public void close() throws InterruptedException {
        routers.values().forEach(PathRouter::close);
        for (PrismMock prism : prisms) {
            prism.close();
        }
    }
}
