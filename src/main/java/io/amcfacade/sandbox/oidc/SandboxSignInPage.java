package io.amcfacade.sandbox.oidc;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The sandbox provider's authorization endpoint: a small sign-in page where whoever runs the facade
 * picks a subject and roles (there are no passwords: this is a simulator), then a redirect back to the
 * console with a one-time code. Only the console may ask, only for a redirect to the facade's own
 * {@code /console}, and only with a PKCE S256 challenge. The form is protected by a double-submit
 * token (cookie and hidden field). The page is shown on the host the console was opened at (the provider
 * is configured at {@code localhost}, the start-up log prints {@code 127.0.0.1}).
 */
@Path("/sandbox/oidc/authorize")
public class SandboxSignInPage {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:+\\-]{1,128}");
    private static final String CSRF_COOKIE = "sandbox_signin_csrf";

    /** Names of this machine the sandbox answers on (it binds loopback), besides the configured one. */
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final URI base;
    private final String consolePrefix;
    private final SandboxOidcCodes codes;
    private final Template page;

    public SandboxSignInPage(@ConfigProperty(name = "amc.sandbox.base-url") String sandboxBaseUrl, SandboxOidcCodes codes,
            @Location("sandbox/sign-in.html") Template page) {
        this.base = URI.create(sandboxBaseUrl);
        this.consolePrefix = base.getScheme() + "://" + base.getRawAuthority() + "/console";
        this.codes = codes;
        this.page = page;
    }

    /** The authorization request, carried through the form unchanged. */
    public record Request(String clientId, String redirectUri, String state, String nonce, String codeChallenge) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
            @QueryParam("nonce") String nonce, @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String challengeMethod, @Context UriInfo uri) {
        String refused = refusal(clientId, redirectUri);
        if (refused == null) {
            URI console = URI.create(redirectUri);
            if (!console.getRawAuthority().equalsIgnoreCase(uri.getRequestUri().getRawAuthority())) {
                // The console was opened at another name of this machine (the start-up log prints 127.0.0.1,
                // the provider is configured at localhost): the page is shown there instead, so that its
                // form and the redirect back stay on one site, as its form-action 'self' requires.
                return Response.seeOther(uri.getRequestUriBuilder().host(console.getHost()).build()).build();
            }
        }
        if (refused == null && !"code".equals(responseType)) {
            refused = "Only response_type=code is supported.";
        }
        if (refused == null && (codeChallenge == null || codeChallenge.isBlank() || !"S256".equals(challengeMethod))) {
            refused = "A PKCE code_challenge with code_challenge_method=S256 is required.";
        }
        if (refused != null) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.data("error", refused).data("request", null).data("csrf", "").data("roles", List.of()).render())
                    .build();
        }
        String csrf = SandboxOidcCodes.random();
        return Response.ok(page.data("error", null).data("request", new Request(clientId, redirectUri, state, nonce, codeChallenge))
                .data("csrf", csrf).data("roles", SandboxOidcClient.ROLES).render(), MediaType.TEXT_HTML_TYPE)
                .cookie(new NewCookie.Builder(CSRF_COOKIE).value(csrf).path("/sandbox/oidc").httpOnly(true).secure(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@CookieParam(CSRF_COOKIE) String csrfCookie, @FormParam("csrf") String csrf,
            @FormParam("subject") String subject, @FormParam("name") String name, @FormParam("roles") List<String> roles,
            @FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state, @FormParam("nonce") String nonce,
            @FormParam("code_challenge") String codeChallenge) {
        String refused = refusal(clientId, redirectUri);
        if (refused == null && (csrf == null || csrfCookie == null
                || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII), csrfCookie.getBytes(StandardCharsets.US_ASCII)))) {
            refused = "The sign-in form expired or was not sent from this page; start the sign-in again.";
        }
        if (refused == null && (codeChallenge == null || codeChallenge.isBlank())) {
            refused = "A PKCE code_challenge is required.";
        }
        List<String> chosen = roles == null ? List.of() : roles;
        if (refused == null && (subject == null || !SUBJECT.matcher(subject).matches())) {
            refused = "The subject must be 1 to 128 letters, digits or ._@:+-";
        } else if (refused == null && !SandboxOidcClient.ROLES.containsAll(chosen)) {
            refused = "Each role must be one of " + SandboxOidcClient.ROLES + ".";
        }
        if (refused != null) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.data("error", refused).data("request", null).data("csrf", "").data("roles", List.of()).render())
                    .build();
        }
        String shown = name == null || name.isBlank() ? subject : name.strip();
        String code = codes.issue(subject, shown, chosen, clientId, redirectUri, blankToNull(nonce), codeChallenge);
        UriBuilder back = UriBuilder.fromUri(redirectUri).queryParam("code", code);
        if (state != null) {
            back.queryParam("state", state);
        }
        return Response.seeOther(back.build()).build();
    }

    /** Why this client or redirect may not sign in here, or {@code null}. */
    private String refusal(String clientId, String redirectUri) {
        if (!SandboxOidcClient.CLIENT_ID.equals(clientId)) {
            return "Unknown client_id; the sandbox provider serves only " + SandboxOidcClient.CLIENT_ID + ".";
        }
        if (!isOwnConsole(redirectUri)) {
            return "The redirect_uri must be this facade's own console (" + consolePrefix + ").";
        }
        return null;
    }

    /**
     * The console of this facade: same scheme and port as the sandbox, on the configured host or one of
     * the loopback names (a browser on {@code localhost} and a client on {@code 127.0.0.1} reach the same
     * listener, and quarkus-oidc builds the redirect from the host the browser used).
     */
    private boolean isOwnConsole(String redirectUri) {
        URI uri;
        try {
            uri = redirectUri == null ? null : new URI(redirectUri);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri == null || uri.getRawAuthority() == null || uri.getRawPath() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost();
        boolean ownHost = host != null && (host.equalsIgnoreCase(base.getHost()) || LOOPBACK.contains(host.toLowerCase()));
        String path = uri.getRawPath();
        return ownHost && base.getScheme().equalsIgnoreCase(uri.getScheme()) && uri.getPort() == base.getPort()
                && (path.equals("/console") || path.startsWith("/console/"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
