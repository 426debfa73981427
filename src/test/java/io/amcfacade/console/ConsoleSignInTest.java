package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.Audited;
import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's sign-in at the HTTP level: the code flow with PKCE against the sandbox provider, the
 * API's bearer tokens unaffected beside it, what the provider refuses, the headers of every page, and
 * the CSRF check of sign-out.
 */
@QuarkusTest
public class ConsoleSignInTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"([a-z_]+)\" value=\"([^\"]*)\"");

    @Test
    void anonymousConsoleRequestsGoToTheProviderWithPkceAndStrictHeaders() {
        Response response = given().redirects().follow(false).get("/console/activity");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).contains("/sandbox/oidc/authorize?").contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("nonce=").contains("client_id=amc-console");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theApiKeepsItsBearerTokensBesideTheConsole() {
        given().redirects().follow(false).get("/v1/audit/events").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").redirects().follow(false).get("/v1/audit/events")
                .then().statusCode(200);
        // A console session cookie is no credential for the API (and its path keeps it from being sent there).
        Map<String, String> session = signIn(Callers.uniqueSubject("carla"), "auditor");
        given().cookies(session).redirects().follow(false).get("/v1/audit/events").then().statusCode(401);
    }

    @Test
    void theProviderRefusesSignInsWithoutPkceOrForAnotherSite() {
        given().queryParams(Map.of("response_type", "code", "client_id", "amc-console", "redirect_uri",
                consoleUri(), "state", "s")).get("/sandbox/oidc/authorize")
                .then().statusCode(400).body(containsString("PKCE"));
        given().queryParams(Map.of("response_type", "code", "client_id", "amc-console", "redirect_uri",
                "https://evil.example/console", "code_challenge", "x", "code_challenge_method", "S256"))
                .get("/sandbox/oidc/authorize").then().statusCode(400).body(containsString("redirect_uri"));
        given().auth().preemptive().basic("amc-console", "sandbox-console-secret-not-for-production-use")
                .formParams(Map.of("grant_type", "authorization_code", "code", "made-up", "redirect_uri", consoleUri(),
                        "code_verifier", "v"))
                .post("/sandbox/oidc/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void theProviderShowsItsSignInPageOnTheHostTheConsoleWasOpenedAt() {
        // Asked for at localhost, where the provider is configured, by a console opened at 127.0.0.1.
        int port = io.restassured.RestAssured.port;
        Response response = given().redirects().follow(false).queryParams(Map.of("response_type", "code", "client_id",
                "amc-console", "redirect_uri", "http://127.0.0.1:" + port + "/console/activity", "state", "s",
                "code_challenge", "x", "code_challenge_method", "S256")).get("http://localhost:" + port + "/sandbox/oidc/authorize");

        assertThat(response.statusCode()).isEqualTo(303);
        URI there = URI.create(response.header("Location"));
        assertThat(there.getHost()).isEqualTo("127.0.0.1");
        assertThat(there.getPort()).isEqualTo(port);
        assertThat(there.getPath()).isEqualTo("/sandbox/oidc/authorize");
        assertThat(there.getQuery()).contains("redirect_uri=http://127.0.0.1:" + port + "/console/activity")
                .contains("code_challenge=x");
    }

    @Test
    void signOutNeedsTheSessionsFormToken() {
        Map<String, String> session = signIn(Callers.uniqueSubject("sam"), "auditor");
        given().cookies(session).redirects().follow(false).formParam("csrf", "forged")
                .post("/console/sign-out").then().statusCode(400).body(containsString("not sent from a page of your current session"));
        String page = given().cookies(session).redirects().follow(false).get("/console/verify").then().statusCode(200)
                .extract().asString();
        String csrf = hidden(page).get("csrf");
        Response out = given().cookies(session).redirects().follow(false).formParam("csrf", csrf).post("/console/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/console/assets/signed-out.html");
        assertThat(out.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("q_session_console=;"));
    }

    @Test
    void everyConsoleEndpointIsAuditedAndRoleChecked() {
        for (Class<?> page : List.of(ActivityPage.class, ActionPage.class, TimelinePage.class, VerifyPage.class,
                ExportPage.class, SignOut.class, AccessPage.class, AccessHistoryPage.class, OutOfBandPage.class)) {
            for (Method method : page.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)) {
                    assertThat(method.getAnnotation(Audited.class)).as(page.getSimpleName() + "." + method.getName()).isNotNull();
                    assertThat(method.getAnnotation(RolesAllowed.class)).as(page.getSimpleName() + "." + method.getName())
                            .isNotNull();
                }
            }
        }
    }

    /** The whole code flow over HTTP, as a browser would follow it; answers the session cookies. */
    public static Map<String, String> signIn(String subject, String... roles) {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().redirects().follow(false).get("/console/activity");
        cookies.putAll(start.cookies());
        Response code = throughTheProvider(URI.create(start.header("Location")), subject, roles);
        URI back = URI.create(code.header("Location"));
        Response callback = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(callback.statusCode()).isEqualTo(302);
        cookies.putAll(callback.cookies());
        assertThat(cookies).containsKey("q_session_console");
        // The session lasts as long as the provider's ID token (sandbox: 30 minutes) and is never refreshed.
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("q_session_console=").containsPattern("Max-Age=(1[78]\\d\\d|1800);")
                .contains("Path=/console").contains("Secure").contains("HTTPOnly").contains("SameSite=Lax"));
        return cookies;
    }

    /** The sandbox provider's sign-in page filled in and sent; answers its redirect back to the console (303). */
    static Response throughTheProvider(URI authorize, String subject, String... roles) {
        Response form = given().redirects().follow(false).urlEncodingEnabled(false)
                .get(authorize.getRawPath() + "?" + authorize.getRawQuery());
        Map<String, String> fields = hidden(form.asString());
        var post = given().redirects().follow(false).cookies(form.cookies()).formParam("subject", subject)
                .formParam("name", subject);
        for (String name : List.of("csrf", "client_id", "redirect_uri", "state", "nonce", "code_challenge")) {
            post.formParam(name, fields.get(name));
        }
        for (String role : roles) {
            post.formParam("roles", role);
        }
        Response code = post.post("/sandbox/oidc/authorize");
        assertThat(code.statusCode()).isEqualTo(303);
        return code;
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    private static String consoleUri() {
        return "http://localhost:" + io.restassured.RestAssured.port + "/console/activity";
    }
}
