package io.amcfacade.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.NonDefaultSettings;
import io.amcfacade.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The service's real JAX-RS surface is the contract. With annotation scanning on and the static file
 * ignored, {@code /q/openapi} describes what the running service actually serves: every resource
 * method, its parameters, bodies and the models behind them. This test holds that to
 * {@code openapi.yaml} in both directions, so a resource method added outside the contract, a
 * parameter or model field the spec does not declare, or a spec operation nothing implements fails
 * the build. The sandbox package (the AMC simulator, docs/sandbox.md) is not scanned: it is not the contract.
 */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class ContractDriftTest {

    /** Java types the scanner describes as schemas of their own; the contract spells them as string formats. */
    private static final Map<String, String> JAVA_TYPES = Map.of(
            "OffsetDateTime", "string(date-time)",
            "UUID", "string(uuid)",
            "URI", "string(uri)");

    private static JsonNode file;
    private static JsonNode served;

    @BeforeEach
    void read() throws Exception {
        if (served == null) {
            file = Contract.file();
            served = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        }
    }

    @Test
    void theServiceServesExactlyTheOperationsOfTheContract() {
        Map<String, String> inFile = operationIds(file);
        Map<String, String> inService = operationIds(served);
        assertThat(inFile).as("operations in openapi.yaml").isNotEmpty();
        List<String> drift = new ArrayList<>();
        Set<String> operations = new TreeSet<>(inFile.keySet());
        operations.addAll(inService.keySet());
        for (String operation : operations) {
            compare(drift, operation, inFile.getOrDefault(operation, "(absent)"), inService.getOrDefault(operation, "(not served)"));
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void everyOperationTakesTheParametersAndBodiesOfTheContract() {
        List<String> drift = new ArrayList<>();
        Map<String, JsonNode> fileOperations = Contract.operations(file);
        Contract.operations(served).forEach((key, operation) -> {
            JsonNode specified = fileOperations.get(key);
            if (specified == null) {
                return;
            }
            compare(drift, key + " parameters", parameters(file, key, specified), parameters(served, key, operation));
            compare(drift, key + " request body", body(file, specified.path("requestBody")),
                    body(served, operation.path("requestBody")));
            // A long-running operation's start answers 202 and a subscription's create 201 (set by the service, not by
            // the Java signature, whose model the served document lists under 200).
            JsonNode responses = specified.path("responses");
            JsonNode fileSuccess = responses.has("200") ? responses.path("200")
                    : responses.has("201") ? responses.path("201") : responses.path("202");
            compare(drift, key + " 200 media types", mediaTypes(fileSuccess),
                    mediaTypes(operation.path("responses").path("200")).stream()
                            .filter(type -> !type.equals("application/problem+json")).collect(Collectors.toSet()));
            String servedSchema = shape(served, operation.path("responses").path("200").path("content")
                    .path("application/json").path("schema"));
            if (!servedSchema.isEmpty()) {
                compare(drift, key + " 200 schema", shape(file, fileSuccess.path("content")
                        .path("application/json").path("schema")), servedSchema);
            }
        });
        assertThat(drift).isEmpty();
    }

    @Test
    void everyModelTheServiceUsesIsTheContractsSchema() {
        Set<String> used = new TreeSet<>();
        Contract.operations(served).values().forEach(operation -> collectRefs(operation, used));
        used.removeAll(JAVA_TYPES.keySet());
        assertThat(used).as("models of the service's operations").isNotEmpty();

        List<String> drift = new ArrayList<>();
        for (String name : used) {
            JsonNode specified = file.path("components").path("schemas").path(name);
            if (specified.isMissingNode()) {
                drift.add("model " + name + " is not a schema of openapi.yaml");
                continue;
            }
            compare(drift, "schema " + name, schema(file, specified), schema(served, served.at("/components/schemas/" + name)));
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void everyOperationAdmitsExactlyTheRolesTheContractLists() {
        List<String> drift = new ArrayList<>();
        Contract.operations(file).forEach((key, operation) -> {
            String operationId = operation.path("operationId").asText();
            Set<String> specified = new TreeSet<>();
            operation.path("x-required-roles").forEach(role -> specified.add(role.asText()));
            Set<String> allowed = Contract.implementationOf(operationId)
                    .map(method -> method.getAnnotation(RolesAllowed.class))
                    .map(roles -> new TreeSet<>(List.of(roles.value())))
                    .orElse(new TreeSet<>());
            compare(drift, key + " (" + operationId + ") roles", specified, allowed);
        });
        assertThat(drift).isEmpty();
    }

    private static Map<String, String> operationIds(JsonNode document) {
        Map<String, String> ids = new TreeMap<>();
        Contract.operations(document).forEach((key, operation) -> ids.put(key, operation.path("operationId").asText()));
        return ids;
    }

    /** Path-level and operation-level parameters, each as "in name: shape [required]". */
    private static Set<String> parameters(JsonNode document, String key, JsonNode operation) {
        String path = key.substring(key.indexOf(' ') + 1);
        Set<String> parameters = new TreeSet<>();
        List<JsonNode> all = new ArrayList<>();
        document.path("paths").path(path).path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        for (JsonNode reference : all) {
            JsonNode parameter = Contract.resolve(document, reference);
            parameters.add(parameter.path("in").asText() + " " + parameter.path("name").asText() + ": "
                    + shape(document, parameter.path("schema"))
                    + (parameter.path("required").asBoolean() ? " required" : ""));
        }
        return parameters;
    }

    private static String body(JsonNode document, JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return "none";
        }
        JsonNode body = Contract.resolve(document, requestBody);
        return mediaTypes(body) + " " + shape(document, body.path("content").path("application/json").path("schema"))
                + (body.path("required").asBoolean() ? " required" : "");
    }

    private static Set<String> mediaTypes(JsonNode withContent) {
        Set<String> types = new TreeSet<>();
        withContent.path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /**
     * A component schema: its type, enum, required properties and every property's shape. A property's
     * {@code default} and {@code format: email} are left out: the scanner sees neither a field's initial
     * value nor a format no Java type carries, and both come from the spec through the generator anyway.
     */
    private static Map<String, String> schema(JsonNode document, JsonNode schema) {
        Map<String, String> described = new TreeMap<>();
        described.put("(type)", schema.path("type").asText());
        described.put("(enum)", schema.path("enum").toString());
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        described.put("(required)", required.toString());
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            described.put(property.getKey(), shape(document, property.getValue())
                    .replaceFirst(" default=\\S+", "").replace("(email)", ""));
        }
        return described;
    }

    /** What a value may be: a model by name, or a type with its format and constraints. */
    private static String shape(JsonNode document, JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return "";
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst(".*/", "");
            return JAVA_TYPES.getOrDefault(name, name);
        }
        String type = schema.path("type").asText();
        StringBuilder shape = new StringBuilder(type);
        if (type.equals("array")) {
            shape.append('<').append(shape(document, schema.path("items"))).append('>');
        }
        if (schema.has("format")) {
            shape.append('(').append(schema.get("format").asText()).append(')');
        }
        for (String constraint : List.of("pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
                "default", "enum")) {
            if (schema.has(constraint)) {
                JsonNode value = schema.get(constraint);
                shape.append(' ').append(constraint).append('=').append(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return shape.toString();
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/components/schemas/")) {
            String name = node.get("$ref").asText().replaceFirst(".*/", "");
            if (refs.add(name)) {
                collectRefs(served.at("/components/schemas/" + name), refs);
            }
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static void compare(List<String> drift, String what, Object specified, Object served) {
        if (!specified.equals(served)) {
            drift.add(what + ":\n    openapi.yaml: " + specified + "\n    service:      " + served);
        }
    }
}
