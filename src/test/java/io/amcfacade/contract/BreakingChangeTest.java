package io.amcfacade.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.support.Contract;

/**
 * Within {@code /v1} the contract only grows: {@code openapi.yaml} must stay compatible with the
 * last released contract, kept in {@code contract/released/v1.yaml} (docs/api-versioning.md).
 * openapi-diff judges operations, parameters, bodies, responses and security; on top of it no
 * field of a released schema may disappear (openapi-diff lets an optional one go, but a client
 * may read it, and request bodies are strict, so a client may send it). The other tests prove the
 * check bites, on mutated copies of the contract.
 */
class BreakingChangeTest {

    private static final Path RELEASED = Path.of("contract", "released", "v1.yaml");
    private static final String AUDIT_NEXT_CURSOR = "        nextCursor:\n          type: string\n"
            + "          description: Pass as `cursor` for the next (older) page; absent on the last page.\n";

    @TempDir
    Path dir;

    @Test
    void theContractIsCompatibleWithTheLastRelease() {
        assertThat(breakingChanges(RELEASED, Contract.FILE)).isEmpty();
    }

    @Test
    void removingAnOperationIsBreaking() throws IOException {
        assertBreaking(spec -> replaceOnce(spec, "  /v1/audit/verify:\n", "  /v1/audit/verification:\n"));
    }

    @Test
    void removingAResponseFieldIsBreaking() throws IOException {
        assertBreaking(spec -> replaceOnce(spec, AUDIT_NEXT_CURSOR, ""));
    }

    @Test
    void requiringAnOptionalParameterIsBreaking() throws IOException {
        assertBreaking(spec -> replaceOnce(spec,
                "      name: X-On-Behalf-Of\n      in: header\n      required: false\n",
                "      name: X-On-Behalf-Of\n      in: header\n      required: true\n"));
    }

    @Test
    void removingAnEnumValueIsBreaking() throws IOException {
        assertBreaking(spec -> replaceOnce(spec, "enum: [csv, ndjson]", "enum: [csv]"));
    }

    @Test
    void addingAnOptionalResponseFieldIsNotBreaking() throws IOException {
        Path grown = mutated(spec -> replaceOnce(spec, AUDIT_NEXT_CURSOR,
                AUDIT_NEXT_CURSOR + "        totalEstimate:\n          type: integer\n          format: int64\n"));

        assertThat(breakingChanges(Contract.FILE, grown)).isEmpty();
    }

    private void assertBreaking(UnaryOperator<String> change) throws IOException {
        assertThat(breakingChanges(Contract.FILE, mutated(change))).isNotEmpty();
    }

    /** What a client of {@code released} could trip over in {@code current}; empty when it only grew. */
    private static List<String> breakingChanges(Path released, Path current) {
        List<String> breaking = new ArrayList<>();
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
        if (diff.isChanged().isIncompatible()) {
            breaking.add("openapi-diff finds incompatible changes:\n" + markdown(diff));
        }
        JsonNode before = Contract.read(released).path("components").path("schemas");
        JsonNode after = Contract.read(current).path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> schemas = before.fields(); schemas.hasNext();) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode now = after.path(schema.getKey());
            if (now.isMissingNode()) {
                breaking.add("schema " + schema.getKey() + " was removed");
                continue;
            }
            schema.getValue().path("properties").fieldNames().forEachRemaining(property -> {
                if (!now.path("properties").has(property)) {
                    breaking.add("field " + schema.getKey() + "." + property + " was removed");
                }
            });
        }
        return breaking;
    }

    private Path mutated(UnaryOperator<String> change) throws IOException {
        String spec = Files.readString(Contract.FILE);
        String changed = change.apply(spec);
        assertThat(changed).as("the mutation applies").isNotEqualTo(spec);
        return Files.writeString(dir.resolve("openapi.yaml"), changed);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertThat(text.indexOf(target)).as("found once: " + target).isNotNegative()
                .isEqualTo(text.lastIndexOf(target));
        return text.replace(target, replacement);
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
