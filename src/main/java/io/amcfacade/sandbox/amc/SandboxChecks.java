package io.amcfacade.sandbox.amc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.tokens.SandboxTokens;

/**
 * The checks the simulated AMC APIs make before they read a body: the app's client id, a bearer
 * token of the right kind, the account header ({@code Amazon-Ads-AccountId} for user invitations and
 * permissions, {@code Amazon-Advertising-API-AdvertiserId} and {@code -MarketplaceId} for instances)
 * and the vendor media type. A failed check throws a {@link SandboxRejection}, which answers in the
 * error body of the API it guards.
 */
@ApplicationScoped
class SandboxChecks {

    static final String CLIENT_ID_HEADER = "Amazon-Advertising-API-ClientId";
    static final String ACCOUNT_HEADER = "Amazon-Ads-AccountId";
    static final String ADVERTISER_HEADER = "Amazon-Advertising-API-AdvertiserId";
    static final String MARKETPLACE_HEADER = "Amazon-Advertising-API-MarketplaceId";
    private static final int MAX_HEADER_LENGTH = 120;

    @Inject
    SandboxState state;
    @Inject
    SandboxTokens tokens;
    @Inject
    SandboxRegion region;

    /** Accounts: the app's client id and the facade's live access token, nothing else. */
    void asCaller(String endpoint, HttpHeaders headers) {
        clientId(endpoint, headers);
        if (!tokens.isValidAccessToken(bearer(headers))) {
            throw unauthorized(endpoint);
        }
    }

    /**
     * Invitation create, update and list, and every user-permission call: an account administrator's
     * access token, naming the account.
     */
    void asAdministrator(String endpoint, HttpHeaders headers) {
        asCaller(endpoint, headers);
        account(endpoint, headers.getHeaderString(ACCOUNT_HEADER));
        SandboxMediaTypes.checkContentType(endpoint, headers);
        SandboxMediaTypes.checkAccept(endpoint, headers);
    }

    /**
     * Instances: the facade's access token, the advertiser (the AMC account) and its marketplace.
     *
     * @return the account the advertiser header names
     */
    SandboxAccount asAdvertiser(String endpoint, HttpHeaders headers) {
        asCaller(endpoint, headers);
        String advertiser = required(endpoint, headers, ADVERTISER_HEADER);
        String marketplace = required(endpoint, headers, MARKETPLACE_HEADER);
        SandboxAccount account = state.accountsIn(region.id()).stream().filter(a -> a.accountId().equals(advertiser))
                .findFirst()
                .orElseThrow(() -> new SandboxRejection(endpoint, 403, "Not authorized for advertiser " + advertiser));
        if (!account.marketplaceId().equals(marketplace)) {
            throw new SandboxRejection(endpoint, 400,
                    "Advertiser " + advertiser + " is not in marketplace " + marketplace);
        }
        SandboxMediaTypes.checkAccept(endpoint, headers);
        return account;
    }

    /** Get: the administrator or the invited user may look. */
    void asAdministratorOrInvitee(String endpoint, HttpHeaders headers) {
        clientId(endpoint, headers);
        String token = bearer(headers);
        if (!tokens.isValidAccessToken(token) && tokens.inviteeOf(token).isEmpty()) {
            throw unauthorized(endpoint);
        }
        SandboxMediaTypes.checkAccept(endpoint, headers);
    }

    /** Redeem: only the invited user's own token; returns the caller's email address. */
    String asInvitee(String endpoint, HttpHeaders headers) {
        clientId(endpoint, headers);
        String email = tokens.inviteeOf(bearer(headers)).orElseThrow(() -> unauthorized(endpoint));
        SandboxMediaTypes.checkContentType(endpoint, headers);
        SandboxMediaTypes.checkAccept(endpoint, headers);
        return email;
    }

    private static void clientId(String endpoint, HttpHeaders headers) {
        if (!SandboxCredentials.CLIENT_ID.equals(headers.getHeaderString(CLIENT_ID_HEADER))) {
            throw new SandboxRejection(endpoint, 401, "Missing or unknown " + CLIENT_ID_HEADER);
        }
    }

    private void account(String endpoint, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "Missing " + ACCOUNT_HEADER + " header");
        }
        if (accountId.length() > MAX_HEADER_LENGTH || accountId.chars().anyMatch(Character::isWhitespace)) {
            throw new SandboxRejection(endpoint, 400, "Invalid " + ACCOUNT_HEADER + " header");
        }
        // Another region's account is unknown on this region's host, as AMC's hosts keep their accounts apart.
        if (state.account(accountId).isEmpty() || !state.isIn(accountId, region.id())) {
            throw new SandboxRejection(endpoint, 403, "Not an administrator of this account");
        }
    }

    private static String required(String endpoint, HttpHeaders headers, String header) {
        String value = headers.getHeaderString(header);
        if (value == null || value.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "Missing " + header + " header");
        }
        return value;
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static SandboxRejection unauthorized(String endpoint) {
        return new SandboxRejection(endpoint, 401, "Not authorized to access this resource: invalid or expired access token");
    }
}
