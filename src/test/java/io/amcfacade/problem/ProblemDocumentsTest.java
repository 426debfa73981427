package io.amcfacade.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error is application/problem+json with a stable code and the correlation id. */
@QuarkusTest
class ProblemDocumentsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/v1/nothing-here")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("title", equalTo("Not found"))
                .body("correlationId", notNullValue());
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
        Callers.as(Callers.uniqueSubject("admin"), "amc-admin")
                .delete("/v1/accounts")
                .then().statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anUnacceptableMediaTypeIsA406Problem() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer")
                .accept("text/csv")
                .get("/v1/accounts")
                .then().statusCode(406)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        given().contentType(ContentType.TEXT).body("subject=alice")
                .post("/sandbox/tokens")
                .then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"subject\": ")
                .post("/sandbox/tokens")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aWronglyTypedJsonFieldIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"subject\": \"alice\", \"roles\": \"amc-admin\"}")
                .post("/sandbox/tokens")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("roles"));
    }

    @Test
    void mintingATokenWithAnUnknownRoleIsA400NamingRoles() {
        given().contentType(ContentType.JSON).body("{\"subject\": \"alice\", \"roles\": [\"root\"]}")
                .post("/sandbox/tokens")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("roles"));
    }
}
