package io.amcfacade.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.support.Contract;

/**
 * The problem codes the facade can answer with are exactly those {@code openapi.yaml} documents (the
 * table in {@code Problem.code}), each with the status the contract gives it; and every problem
 * example in the contract uses a real code.
 */
class ProblemCodesTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([0-9, ]+) \\|", Pattern.MULTILINE);

    @Test
    void theCodesAreExactlyThoseTheContractDocuments() {
        Map<String, Set<Integer>> documented = documentedCodes();

        assertThat(documented.keySet()).as("codes in openapi.yaml's Problem.code table")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(documented.get(code.name())).as("statuses of " + code).contains(code.status());
        }
    }

    @Test
    void everyProblemExampleInTheContractUsesADocumentedCodeAndItsStatus() {
        List<JsonNode> examples = new ArrayList<>();
        collectProblems(Contract.file(), examples);

        assertThat(examples).hasSizeGreaterThan(20);
        Map<String, Set<Integer>> documented = documentedCodes();
        for (JsonNode example : examples) {
            String code = example.get("code").asText();
            assertThat(documented).as("example code " + code).containsKey(code);
            assertThat(documented.get(code)).as("status of example " + code).contains(example.get("status").asInt());
        }
    }

    @Test
    void aProblemOfACodeCarriesItsStatusTitleAndType() {
        var problem = Problems.of(ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT, "still running");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Idempotency key in flight");
        assertThat(problem.getCode()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
        assertThat(problem.getType()).hasToString("https://amc-facade.dev/problems/idempotency-key-in-flight");
        assertThat(ProblemCode.find("LAST_ADMIN")).contains(ProblemCode.LAST_ADMIN);
        assertThat(ProblemCode.find("INVALID_EMAIL")).isEmpty();
    }

    private static Map<String, Set<Integer>> documentedCodes() {
        String table = Contract.file().at("/components/schemas/Problem/properties/code/description").asText();
        Map<String, Set<Integer>> codes = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            codes.put(row.group(1), Arrays.stream(row.group(2).split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return codes;
    }

    private static void collectProblems(JsonNode node, List<JsonNode> into) {
        if (node.isObject() && node.has("type") && node.has("status") && node.has("code") && node.get("code").isTextual()) {
            into.add(node);
        }
        node.forEach(child -> collectProblems(child, into));
    }
}
