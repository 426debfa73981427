package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged jar, as a newcomer runs it: from another directory, with no configuration at all.
 * It serves accounts in sandbox mode, audits the call, survives {@code kill -9} with its data, and
 * stops its database on a normal shutdown.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private Process facade;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (facade != null && facade.isAlive()) {
            facade.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsWithoutConfigurationFromAnotherDirectoryAndKeepsItsTrailAcrossAKill() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-it");
        port = freePort();

        start(workDir, "first");
        String token = given().spec(facade()).contentType(ContentType.JSON)
                .body(Map.of("subject", "it-newcomer", "roles", List.of("amc-viewer", "auditor")))
                .post("/sandbox/tokens").then().statusCode(200).extract().path("access_token");
        String correlationId = given().spec(facade()).auth().oauth2(token)
                .get("/v1/accounts").then().statusCode(200)
                .body("accounts", hasSize(3))
                .extract().header("X-Request-Id");
        assertAudited(token, correlationId);
        assertThat(workDir.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(workDir.resolve("data/keys/sandbox-jwt-private.pem")).exists();

        facade.destroyForcibly(); // kill -9: the embedded postmaster is left behind
        assertThat(facade.waitFor(30, TimeUnit.SECONDS)).isTrue();

        start(workDir, "after-kill");
        // Same signing key and same database: the old token still works and the old event is still there.
        assertAudited(token, correlationId);

        facade.destroy(); // SIGTERM: a normal shutdown also stops the database
        assertThat(facade.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(workDir.resolve("data/postgres/postmaster.pid")).doesNotExist();
    }

    private void assertAudited(String token, String correlationId) {
        given().spec(facade()).auth().oauth2(token)
                .queryParam("actor", "it-newcomer").queryParam("action", "ACCOUNTS_LIST")
                .get("/v1/audit/events")
                .then().statusCode(200)
                .body("events.correlationId", hasItem(correlationId))
                .body("events.outcome", hasItem("SUCCEEDED"));
    }

    private void start(Path workDir, String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        facade = builder.start();
        long deadline = started + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(facade.isAlive()).as("the facade is running; see " + workDir.resolve(name + ".log")).isTrue();
            if (isReady()) {
                System.out.printf("PackagedJarIT: %s start to ready in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not ready within " + READY_WITHIN + "; see " + workDir.resolve(name + ".log"));
    }

    private boolean isReady() {
        try {
            return given().spec(facade()).get("/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // RestAssured rethrows ConnectException unchecked-style
            return false;
        }
    }

    private RequestSpecification facade() {
        return new RequestSpecBuilder().setBaseUri("http://localhost").setPort(port).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
