package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Sign-ins a browser starts and never finishes (a closed tab, a provider that failed) leave at most one
 * state cookie behind, so they cannot pile up until the browser's requests are too large to be read.
 */
@QuarkusTest
class ConsoleAbandonedSignInsTest {

    @Test
    void twoHundredAbandonedSignInsDoNotBreakTheNextOne() {
        Map<String, String> jar = new LinkedHashMap<>();
        for (int visit = 0; visit < 200; visit++) {
            Response response = given().redirects().follow(false).cookies(jar).get("/console/activity");
            assertThat(response.statusCode()).as("visit %d", visit).isEqualTo(302);
            keep(jar, response);
        }
        assertThat(jar.keySet().stream().filter(name -> name.startsWith("q_auth"))).hasSizeLessThanOrEqualTo(1);

        // The 201st visit is signed in to the end, with every cookie the 200 left in the browser.
        Response start = given().redirects().follow(false).cookies(jar).get("/console/activity");
        assertThat(start.statusCode()).isEqualTo(302);
        keep(jar, start);
        URI authorize = URI.create(start.header("Location"));
        Response code = ConsoleSignInTest.throughTheProvider(authorize, Callers.uniqueSubject("abe"), "auditor");
        URI back = URI.create(code.header("Location"));
        Response callback = given().redirects().follow(false).cookies(jar).urlEncodingEnabled(false)
                .get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        keep(jar, callback);
        assertThat(jar).containsKey("q_session_console");
        given().redirects().follow(false).cookies(jar).get("/console/activity").then().statusCode(200);
    }

    /** What a browser does with the response's cookies: stores each, forgets those set to expire. */
    private static void keep(Map<String, String> jar, Response response) {
        List<String> set = response.headers().getValues("Set-Cookie");
        for (String cookie : set) {
            String pair = cookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (cookie.contains("Max-Age=0") || cookie.toLowerCase().contains("expires=thu, 01 jan 1970")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
    }
}
