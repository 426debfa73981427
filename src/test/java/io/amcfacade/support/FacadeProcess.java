package io.amcfacade.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged jar running as a process of its own on a loopback port, as integration tests start it:
 * {@code java -jar} in a directory of its own, configured only by the environment it is given (none:
 * sandbox mode and the embedded PostgreSQL, as a newcomer runs it).
 */
public final class FacadeProcess implements AutoCloseable {

    /** The default build's jar, simulator included. */
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Path jar;
    private final Path workDir;
    private final int port;
    private Process process;

    public FacadeProcess(Path workDir, int port) {
        this(JAR, workDir, port);
    }

    public FacadeProcess(Path jar, Path workDir, int port) {
        this.jar = jar;
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts the jar in its work directory with these environment variables and waits until it is ready. */
    public void start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        long started = System.nanoTime();
        process = launch(name, environment);
        long deadline = started + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the facade is running; see " + workDir.resolve(name + ".log")).isTrue();
            if (isReady()) {
                System.out.printf("%s: %s start to ready in %d ms%n", workDir.getFileName(), name,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not ready within " + READY_WITHIN + "; see " + workDir.resolve(name + ".log"));
    }

    /** Runs the jar with these environment variables until it ends by itself, and answers its exit code. */
    public int runToTheEnd(String name, Map<String, String> environment, Duration within)
            throws IOException, InterruptedException {
        process = launch(name, environment);
        assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS))
                .as("the facade ended by itself within %s; see %s", within, workDir.resolve(name + ".log")).isTrue();
        return process.exitValue();
    }

    private Process launch(String name, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand("-jar", jar.toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Starts the jar out of sandbox mode in {@code workDir}: AMC at {@code amcBaseUri}, Login with Amazon
     * at {@code tokenUrl} with this app's credentials (client id, secret, refresh token), and callers'
     * tokens from {@link TestIssuer}.
     */
    public static FacadeProcess outOfSandboxMode(Path workDir, String amcBaseUri, String tokenUrl, String... app)
            throws IOException, InterruptedException {
        FacadeProcess facade = new FacadeProcess(workDir, freePort());
        facade.start("facade", realAmc(amcBaseUri, tokenUrl, app));
        return facade;
    }

    /**
     * Started against a real AMC in every region of {@code regionBaseUris} (region id to host), with one Login with
     * Amazon identity for all of them, as a company in several regions configures it.
     */
    public static FacadeProcess outOfSandboxMode(Path workDir, Map<String, String> regionBaseUris, String tokenUrl,
            String... app) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(realAmc(regionBaseUris.values().iterator().next(),
                tokenUrl, app));
        environment.remove("AMC_API_BASE_URL");
        regionBaseUris.forEach((region, uri) -> environment.put(
                "AMC_REGIONS_" + region.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL", uri));
        FacadeProcess facade = new FacadeProcess(workDir, freePort());
        facade.start("facade", environment);
        return facade;
    }

    /** The environment of a deployment against a real AMC: its base URL, the Login with Amazon app, the caller-token issuer. */
    public static Map<String, String> realAmc(String amcBaseUri, String tokenUrl, String... app) {
        return Map.of(
                "AMC_API_BASE_URL", amcBaseUri,
                "AMC_LWA_TOKEN_URL", tokenUrl,
                "AMC_LWA_CLIENT_ID", app[0],
                "AMC_LWA_CLIENT_SECRET", app[1],
                "AMC_LWA_REFRESH_TOKEN", app[2],
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestIssuer.publicKeyLocation(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER);
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    /** REST Assured aimed at this facade. */
    public RequestSpecification spec() {
        return new RequestSpecBuilder().setBaseUri("http://localhost").setPort(port).build();
    }

    /**
     * Ends the process if it still runs: SIGTERM first, so an embedded PostgreSQL it started is shut down
     * with it rather than left behind, and {@code kill -9} only if it does not stop within a minute.
     */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A token the facade's sandbox mints for {@code subject} with these roles. */
    public String sandboxToken(String subject, String... roles) {
        return given().spec(spec()).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "roles", List.of(roles)))
                .post("/sandbox/tokens").then().statusCode(200).extract().path("access_token");
    }

    /** Ports {@link #freePort()} has handed out in this JVM, where integration test classes run two at a time. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A loopback port nothing listens on, never one this JVM handed out before: two test classes running at once
     * could otherwise both be given a port the first has not started listening on yet.
     */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private boolean isReady() {
        try {
            return given().spec(spec()).get("/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // RestAssured rethrows ConnectException unchecked-style
            return false;
        }
    }

    /**
     * {@code java}, with the test JVMs' options ({@code test.jvm.options} in {@code pom.xml}: C1 only, for JVMs that
     * live seconds to minutes), then {@code args}.
     */
    public static List<String> javaCommand(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty("test.jvm.options", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of(args));
        return command;
    }
}
