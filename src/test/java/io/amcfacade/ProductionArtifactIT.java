package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.TestIssuer;

/**
 * The production artifact, built here as an operator builds it ({@code ./mvnw -B package -DskipTests -Pproduction},
 * what the container images ship): it holds no piece of the simulator (no {@code io.amcfacade.sandbox} class, none
 * of its resources), serves no {@code /sandbox} route even when asked to, and without {@code amc.api.base-url}
 * refuses to start with a message naming it, before it starts anything.
 */
@Order(Integer.MAX_VALUE) // one of the two longest integration tests: started first, beside the other (pom.xml, failsafe)
class ProductionArtifactIT {

    private static final Path PRODUCTION = Path.of("target", "production", "quarkus-app").toAbsolutePath();
    private static final Path DEFAULT = Path.of("target", "quarkus-app").toAbsolutePath();
    /** Where the simulator's classes and resources live in a build that has them. */
    private static final List<String> SIMULATOR = List.of("io/amcfacade/sandbox/", "templates/sandbox/",
            "META-INF/services/io.amcfacade.startup.UpstreamSimulator");

    private FacadeProcess facade;

    @BeforeAll
    static void buildTheProductionArtifact() throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("production-build.log").toAbsolutePath();
        Process build = new ProcessBuilder(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-o", "-q", "-Pproduction", "-DskipTests", "package")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(8, TimeUnit.MINUTES)).as("the production build ends; see " + log).isTrue();
        assertThat(build.exitValue()).as("the production build succeeds; see " + log).isZero();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (facade != null) {
            facade.close();
        }
    }

    @Test
    void holdsNoPieceOfTheSimulator() throws IOException {
        assertThat(simulatorEntries(DEFAULT)).as("the default build's simulator, where this test looks for it")
                .anyMatch(entry -> entry.endsWith("io/amcfacade/sandbox/tokens/SandboxTokensResource.class"))
                .anyMatch(entry -> entry.endsWith("templates/sandbox/sign-in.html"));
        assertThat(simulatorEntries(PRODUCTION)).isEmpty();
    }

    @Test
    void refusesToStartWithoutAnAmcBaseUrlNamingIt() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-production");
        facade = new FacadeProcess(PRODUCTION.resolve("quarkus-run.jar"), workDir, FacadeProcess.freePort());

        int exit = facade.runToTheEnd("without-base-url", Map.of(), Duration.ofSeconds(60));

        assertThat(exit).isNotZero();
        assertThat(Files.readString(workDir.resolve("without-base-url.log")))
                .contains("amc.api.base-url (AMC_API_BASE_URL) is not set")
                .contains("this build holds no simulator");
        assertThat(workDir.resolve("data/postgres")).as("refused before the embedded database started").doesNotExist();
    }

    @Test
    void servesNoSandboxRouteEvenWhenAskedTo() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-production");
        facade = new FacadeProcess(PRODUCTION.resolve("quarkus-run.jar"), workDir, FacadeProcess.freePort());
        Map<String, String> environment = new HashMap<>(FacadeProcess.realAmc("http://127.0.0.1:9",
                "http://127.0.0.1:9/auth/o2/token", "amzn1.application-oa2-client.test", "test-client-secret",
                "Atzr|test-refresh-token"));
        // The default build serves /sandbox/** with a real base URL when asked to; this one has nothing to serve.
        environment.put("AMC_SANDBOX_ENABLED", "true");
        facade.start("real-amc", environment);

        given().spec(facade.spec()).contentType("application/json").body("{\"subject\":\"mallory\",\"roles\":[\"amc-admin\"]}")
                .post("/sandbox/tokens").then().statusCode(404);
        for (String path : List.of("/sandbox/stats", "/sandbox/amc/accounts", "/sandbox/oidc/.well-known/openid-configuration")) {
            given().spec(facade.spec()).get(path).then().statusCode(404);
        }
        // The facade itself runs: its callers' tokens are verified and AMC (unreachable here) is asked.
        given().spec(facade.spec()).auth().oauth2(TestIssuer.token("svc-onboarding", "amc-viewer")).get("/v1/accounts")
                .then().statusCode(503).body("code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    /** Entries of the simulator in the application's own jars (the dependencies in {@code lib/} cannot hold any). */
    private static List<String> simulatorEntries(Path app) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Stream.concat(Files.list(app.resolve("app")), Files.list(app.resolve("quarkus")))) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("the application's jars in " + app).isNotEmpty();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(name -> SIMULATOR.stream().anyMatch(name::startsWith))
                        .forEach(name -> found.add(jar.getFileName() + "!/" + name));
            }
        }
        return found;
    }
}
