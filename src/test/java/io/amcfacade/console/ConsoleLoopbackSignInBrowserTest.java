package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.amcfacade.support.Callers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox sign-in in Chromium from both names of this machine: {@code 127.0.0.1}, the address the
 * start-up log prints, and {@code localhost}, the host the sandbox provider is configured on. The
 * provider's pages are another site for a console opened at the other name; the sign-in must still end
 * on the page asked for, signed in.
 */
@QuarkusTest
class ConsoleLoopbackSignInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "localhost" })
    void signsInFromEitherLoopbackName(String host) throws IOException {
        String base = "http://" + host + ":" + root.getPort();
        try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
            browser.signIn("/console/verify", Callers.uniqueSubject("lou"), "Lou Loopback", "auditor");

            assertThat(browser.find("#viewer-name").getText()).isEqualTo("Lou Loopback");
            assertThat(browser.driver.getCurrentUrl()).startsWith(base + "/console/verify");
            assertThat(browser.find("h1").getText()).isEqualTo("Verify the trail");
        }
    }
}
