package io.amcfacade.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.amcfacade.regions.Region;
import io.amcfacade.resilience.UpstreamGuard;
import io.amcfacade.sandbox.SandboxCredentials;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Reads and steers the sandbox upstream over HTTP, as an operator would. */
public final class Sandbox {

    public static final String ACCOUNTS = "GET /amc/accounts";
    public static final String LWA_TOKEN = "POST /auth/o2/token";
    private static final String USER_PERMISSIONS_UPDATE_TYPE =
            "application/vnd.MinosAuthorizationNativeServicePublicAPI.UpdateUserPermissionsResource.v1+json";

    private Sandbox() {
    }

    /** Requests the sandbox received on one endpoint so far. */
    public static long requests(String endpoint) {
        return count(endpoint, "requests");
    }

    /** 429s the sandbox answered on one endpoint so far. */
    public static long throttled(String endpoint) {
        return count(endpoint, "throttled");
    }

    /** Other 4xx and 5xx the sandbox answered (or put in place of a processed answer) on one endpoint so far. */
    public static long errors(String endpoint) {
        return count(endpoint, "errors");
    }

    /** Connections the sandbox closed without an answer on one endpoint so far. */
    public static long dropped(String endpoint) {
        return count(endpoint, "dropped");
    }

    private static long count(String endpoint, String counter) {
        Number value = given().get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'" + endpoint + "'." + counter);
        return value == null ? 0 : value.longValue();
    }

    /** Every request the sandbox received in {@code region} ({@code na}, {@code eu}, {@code fe}), per endpoint. */
    public static Map<String, Long> requestsIn(String region) {
        Map<String, Map<String, Number>> endpoints = given().get(regionPath(region) + "/stats").then().statusCode(200)
                .extract().path("endpoints");
        Map<String, Long> requests = new java.util.TreeMap<>();
        endpoints.forEach((endpoint, counts) -> requests.put(endpoint, counts.get("requests").longValue()));
        return requests;
    }

    /** Requests the sandbox received in {@code region} on one endpoint so far. */
    public static long requestsIn(String region, String endpoint) {
        return requestsIn(region).getOrDefault(endpoint, 0L);
    }

    /** 429s the sandbox answered in {@code region} on one endpoint so far. */
    public static long throttledIn(String region, String endpoint) {
        Number value = given().get(regionPath(region) + "/stats").then().statusCode(200)
                .extract().path("endpoints.'" + endpoint + "'.throttled");
        return value == null ? 0 : value.longValue();
    }

    /** Injects faults into one region's endpoints only, replacing any set there before. */
    public static void faultsIn(String region, Faults faults) {
        given().contentType("application/json").body(faults).put(regionPath(region) + "/faults").then().statusCode(200);
    }

    /** Adds an account to {@code region} (the facade has not seen it yet); answers its id. */
    public static String newAccountIn(String region, String marketplaceId) {
        return given().contentType("application/json")
                .body(Map.of("accountName", "Region " + region + " test account", "marketplaceId", marketplaceId))
                .post(regionPath(region) + "/accounts").then().statusCode(201).extract().path("accountId");
    }

    /** Where the sandbox serves {@code region}: {@code /sandbox} for North America, {@code /sandbox/eu}, … */
    public static String regionPath(String region) {
        return "na".equals(region) ? "/sandbox" : "/sandbox/" + region;
    }

    /** Injects faults ({@code PUT /sandbox/faults}), replacing any set before. */
    public static void faults(Faults faults) {
        given().contentType("application/json").body(faults).put("/sandbox/faults").then().statusCode(200);
    }

    /** A healthy upstream again, without a rate limit of its own. */
    public static void clearFaults() {
        given().delete("/sandbox/faults").then().statusCode(200);
    }

    /** After a test's faults: none injected any more, and the breaker they may have opened closed again. */
    public static void healthyAgain() {
        for (Region region : Region.values()) {
            given().delete(regionPath(region.id()) + "/faults").then().statusCode(200);
        }
        CircuitBreakerMaintenance breakers = Arc.container().instance(CircuitBreakerMaintenance.class).get();
        for (Region region : Region.values()) {
            breakers.reset(UpstreamGuard.breaker(region));
        }
    }

    /** The invitee emails of every invitation the simulated AMC holds for an account, in any state, pages followed. */
    public static List<String> invitations(String accountId) {
        String token = lwaToken();
        List<String> emails = new ArrayList<>();
        String nextToken = null;
        do {
            Map<String, Object> request = new HashMap<>(Map.of("maxResults", 50));
            if (nextToken != null) {
                request.put("nextToken", nextToken);
            }
            JsonPath page = given().header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID)
                    .auth().oauth2(token).header("Amazon-Ads-AccountId", accountId)
                    .contentType("application/vnd.ListUserInvitations.v1+json").body(request)
                    .post("/sandbox/user-invitations/list").then().statusCode(200).extract().jsonPath();
            emails.addAll(page.getList("invitations.user.emailAddress", String.class));
            nextToken = page.getString("nextToken");
        } while (nextToken != null);
        return emails;
    }

    /** A Login with Amazon access token for calling the simulated AMC directly. */
    public static String lwaToken() {
        return given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", SandboxCredentials.REFRESH_TOKEN)
                .formParam("client_id", SandboxCredentials.CLIENT_ID)
                .formParam("client_secret", SandboxCredentials.CLIENT_SECRET)
                .post("/sandbox/auth/o2/token").then().statusCode(200).extract().path("access_token");
    }

    /** Gives a user an AMC role directly in the simulated AMC, as another AMC client could (e.g. {@code EDITOR}). */
    public static void grantRole(String accountId, String userId, String amcRole) {
        given().header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID).auth().oauth2(lwaToken())
                .header("Amazon-Ads-AccountId", accountId)
                .contentType(USER_PERMISSIONS_UPDATE_TYPE)
                .body(Map.of("userPermissions", List.of(Map.of("userId", userId,
                        "permissionSet", Map.of("type", "ROLE", "role", amcRole)))))
                .put("/sandbox/userPermissions").then().statusCode(200).body("errors", hasSize(0));
    }

    /** Makes every access token the sandbox issued invalid, as if AMC had revoked them. */
    public static void expireAccessTokens() {
        given().post("/sandbox/lwa/expire-tokens").then().statusCode(200);
    }
}
