package io.amcfacade.support;

import static io.restassured.RestAssured.given;

/** Reads and steers the sandbox upstream over HTTP, as an operator would. */
public final class Sandbox {

    public static final String ACCOUNTS = "GET /amc/accounts";
    public static final String LWA_TOKEN = "POST /auth/o2/token";

    private Sandbox() {
    }

    /** Requests the sandbox received on one endpoint so far. */
    public static long requests(String endpoint) {
        Number value = given().get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'" + endpoint + "'.requests");
        return value == null ? 0 : value.longValue();
    }

    /** Makes every access token the sandbox issued invalid, as if AMC had revoked them. */
    public static void expireAccessTokens() {
        given().post("/sandbox/lwa/expire-tokens").then().statusCode(200);
    }
}
