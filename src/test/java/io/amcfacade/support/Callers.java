package io.amcfacade.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Callers of the facade with sandbox-minted tokens, each with a fresh subject so tests never collide. */
public final class Callers {

    private Callers() {
    }

    public static String uniqueSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String subject, String... roles) {
        return given().contentType(ContentType.JSON)
                .body(new TokenRequest(subject, List.of(roles)))
                .post("/sandbox/tokens")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(token(subject, roles));
    }

    record TokenRequest(String subject, List<String> roles) {
    }
}
