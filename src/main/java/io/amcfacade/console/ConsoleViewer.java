package io.amcfacade.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is looking at a console page, and the CSRF token of their session. The token is derived from the
 * session's ID token (in the HttpOnly session cookie, unknown to another site), so it needs no storage
 * and is the same on every replica; a new sign-in gets a new one.
 */
@RequestScoped
public class ConsoleViewer {

    @Inject
    SecurityIdentity identity;

    /** What the page header shows, and the sign-out form's token. */
    @TemplateData
    public record View(String subject, String name, String roles, String csrf) {
    }

    /** The layout of a page shown to no one signed in (a sign-in that failed), with no section. */
    static final Layout NOBODY = new Layout(new View(null, null, "", ""), null);

    /** The layout of a page in {@code section} ({@code null}: none) as this viewer sees it. */
    Layout layout(Section section) {
        return new Layout(view(), section);
    }

    private View view() {
        return identity.isAnonymous() ? NOBODY.viewer() : new View(subject(), name(), roles(), csrf());
    }

    /** The provider's {@code sub}, as the audit trail records the actor. */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    public String name() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = jwt.getClaim("preferred_username");
            return name != null ? name : jwt.getSubject();
        }
        return subject();
    }

    public String roles() {
        return String.join(", ", identity.getRoles().stream().sorted().toList());
    }

    /** The form token of this session; empty without a console session. */
    public String csrf() {
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        if (idToken == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("amc-console-csrf:" + idToken.getToken()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code token} is this session's form token (constant time). */
    boolean csrfMatches(String token) {
        String expected = csrf();
        return token != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }
}
