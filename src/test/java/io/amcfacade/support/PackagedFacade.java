package io.amcfacade.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged jar run as a newcomer runs it: {@code java -jar} in a directory of its own, no
 * configuration but the port, so sandbox mode and the embedded PostgreSQL. For {@code *IT} tests.
 */
public final class PackagedFacade implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final String label;
    private final Path workDir;
    private final int port;
    private Process process;

    /** A facade for the test {@code label} (it prefixes the start-up time printed), working in {@code workDir}. */
    public PackagedFacade(String label, Path workDir) throws IOException {
        this.label = label;
        this.workDir = workDir;
        this.port = freePort();
    }

    /** Starts the jar (its output in {@code <workDir>/<name>.log}) and waits until it is ready. */
    public void start(String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the facade is running; see " + workDir.resolve(name + ".log")).isTrue();
            if (isReady()) {
                System.out.printf("%s: %s start to ready in %d ms%n", label, name,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not ready within " + READY_WITHIN + "; see " + workDir.resolve(name + ".log"));
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

    /** Stops the jar with SIGTERM, so it stops its database too; kills it when that does not work within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
