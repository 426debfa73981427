package io.amcfacade.sandbox;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The checks the simulated user-invitation API makes before it reads a body: the app's client id,
 * a bearer token of the right kind, the {@code Amazon-Ads-AccountId} header and the vendor media
 * type. A failed check throws a {@link SandboxRejection}.
 */
@ApplicationScoped
class SandboxInvitationChecks {

    static final String ACCOUNT_HEADER = "Amazon-Ads-AccountId";
    private static final int MAX_HEADER_LENGTH = 120;

    @Inject
    SandboxState state;

    /** Create, update and list: an account administrator's access token, naming the account. */
    void asAdministrator(String endpoint, HttpHeaders headers, String mediaType) {
        clientId(endpoint, headers);
        if (!state.isValidAccessToken(bearer(headers))) {
            throw unauthorized(endpoint);
        }
        account(endpoint, headers.getHeaderString(ACCOUNT_HEADER));
        mediaType(endpoint, headers, mediaType);
    }

    /** Get: the administrator or the invited user may look. */
    void asAdministratorOrInvitee(String endpoint, HttpHeaders headers) {
        clientId(endpoint, headers);
        String token = bearer(headers);
        if (!state.isValidAccessToken(token) && state.inviteeOf(token).isEmpty()) {
            throw unauthorized(endpoint);
        }
    }

    /** Redeem: only the invited user's own token; returns the caller's email address. */
    String asInvitee(String endpoint, HttpHeaders headers, String mediaType) {
        clientId(endpoint, headers);
        String email = state.inviteeOf(bearer(headers)).orElseThrow(() -> unauthorized(endpoint));
        mediaType(endpoint, headers, mediaType);
        return email;
    }

    private static void clientId(String endpoint, HttpHeaders headers) {
        if (!SandboxCredentials.CLIENT_ID.equals(headers.getHeaderString(SandboxReplies.CLIENT_ID_HEADER))) {
            throw new SandboxRejection(endpoint, 401, "Missing or unknown " + SandboxReplies.CLIENT_ID_HEADER);
        }
    }

    private void account(String endpoint, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "Missing " + ACCOUNT_HEADER + " header");
        }
        if (accountId.length() > MAX_HEADER_LENGTH || accountId.chars().anyMatch(Character::isWhitespace)) {
            throw new SandboxRejection(endpoint, 400, "Invalid " + ACCOUNT_HEADER + " header");
        }
        if (state.account(accountId).isEmpty()) {
            throw new SandboxRejection(endpoint, 403, "Not an administrator of this account");
        }
    }

    private static void mediaType(String endpoint, HttpHeaders headers, String expected) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String essence = sent == null ? "" : sent.split(";", 2)[0].trim();
        if (!essence.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            throw new SandboxRejection(endpoint, 415, "Unsupported media type");
        }
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static SandboxRejection unauthorized(String endpoint) {
        return new SandboxRejection(endpoint, 401, "Not authorized to access this resource: invalid or expired access token");
    }
}
