package io.amcfacade.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.Contract;
import io.quarkus.test.junit.QuarkusTest;

/** What clients download from {@code /q/openapi} is {@code openapi.yaml}, unchanged. */
@QuarkusTest
class ServedContractTest {

    @Test
    void qOpenapiServesTheContractFile() throws Exception {
        JsonNode served = new ObjectMapper().readTree(given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(served).isEqualTo(Contract.file());
    }
}
