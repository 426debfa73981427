package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.util.Collections;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;

/**
 * The packaged jar, as a newcomer runs it: from another directory, with no configuration at all.
 * It serves accounts in sandbox mode, audits the call, survives {@code kill -9} with its data, and
 * stops its database on a normal shutdown.
 */
class PackagedJarIT {

    private FacadeProcess facade;

    @AfterEach
    void stop() throws InterruptedException {
        if (facade != null) {
            facade.close();
        }
    }

    @Test
    void runsWithoutConfigurationFromAnotherDirectoryAndKeepsItsTrailAcrossAKill() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-it");
        facade = new FacadeProcess(workDir, FacadeProcess.freePort());

        facade.start("first", Map.of());
        String token = facade.sandboxToken("it-newcomer", "amc-viewer", "auditor");
        String correlationId = given().spec(facade.spec()).auth().oauth2(token)
                .get("/v1/accounts").then().statusCode(200)
                .body("accounts", hasSize(3))
                .extract().header("X-Request-Id");
        assertAudited(token, correlationId);
        assertListensOnLoopbackOnly(workDir.resolve("first.log"));
        assertConsoleSignsInThroughTheSandbox();
        assertThat(workDir.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(workDir.resolve("data/keys/sandbox-jwt-private.pem")).exists();

        facade.process().destroyForcibly(); // kill -9: the embedded postmaster is left behind
        assertThat(facade.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        facade.start("after-kill", Map.of());
        // Same signing key and same database: the old token still works and the old event is still there.
        assertAudited(token, correlationId);

        facade.process().destroy(); // SIGTERM: a normal shutdown also stops the database
        assertThat(facade.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(workDir.resolve("data/postgres/postmaster.pid")).doesNotExist();
    }

    /** In sandbox mode anyone who reaches the port can mint admin tokens: only this machine may. */
    private void assertListensOnLoopbackOnly(Path log) throws Exception {
        InetAddress external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(PackagedJarIT::isUpAndNotLoopback)
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElseThrow(() -> new AssertionError("this machine has no non-loopback IPv4 address to try"));
        assertThatThrownBy(() -> new Socket(external, facade.port()).close()).as("connecting via " + external)
                .isInstanceOf(ConnectException.class);
        assertThat(Files.readString(log)).contains("reachable at http://127.0.0.1:" + facade.port() + "/sandbox");
    }

    private static boolean isUpAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** The jar alone serves the console, its assets and the sandbox provider it signs in with. */
    private void assertConsoleSignsInThroughTheSandbox() {
        String authorize = given().spec(facade.spec()).redirects().follow(false).get("/console")
                .then().statusCode(302).extract().header("Location");
        assertThat(authorize).startsWith(facade.baseUri() + "/sandbox/oidc/authorize?").contains("code_challenge=");
        given().spec(facade.spec()).urlEncodingEnabled(false).get(authorize.substring(facade.baseUri().length()))
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("Sign in to the compliance console"));
        given().spec(facade.spec()).get("/console/assets/console.js").then().statusCode(200);
    }

    private void assertAudited(String token, String correlationId) {
        given().spec(facade.spec()).auth().oauth2(token)
                .queryParam("actor", "it-newcomer").queryParam("action", "ACCOUNTS_LIST")
                .get("/v1/audit/events")
                .then().statusCode(200)
                .body("events.correlationId", hasItem(correlationId))
                .body("events.outcome", hasItem("SUCCEEDED"));
    }
}
