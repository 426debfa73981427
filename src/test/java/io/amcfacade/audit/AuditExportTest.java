package io.amcfacade.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditExportTest {

    @Test
    void csvExportIsCompleteProvablyAndSafeInASpreadsheet() throws Exception {
        String subject = Callers.uniqueSubject("exported");
        String token = Callers.token(subject, "amc-viewer");
        given().auth().oauth2(token).header("X-On-Behalf-Of", "=HYPERLINK(\"http://evil\")").get("/v1/accounts").then().statusCode(200);
        given().auth().oauth2(token).get("/v1/accounts").then().statusCode(200);

        Response export = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("format", "csv").queryParam("actor", subject).get("/v1/audit/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        byte[] body = export.asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\r\n"));
        assertThat(lines.get(0)).startsWith("eventId,occurredAt,action,outcome,actorSubject");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("ACCOUNTS_LIST").contains("SUCCEEDED").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        String[] manifest = lines.get(3).split(",");
        assertThat(manifest[0]).isEqualTo("#manifest");
        assertThat(manifest[1]).isEqualTo("2");
        int manifestStart = text.lastIndexOf("#manifest");
        assertThat(manifest[2]).isEqualTo(sha256(Arrays.copyOf(body, text.substring(0, manifestStart).getBytes(StandardCharsets.UTF_8).length)));
    }

    @Test
    void ndjsonExportCarriesAManifestAndTheExportIsAudited() throws Exception {
        String subject = Callers.uniqueSubject("exported");
        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        String auditor = Callers.uniqueSubject("auditor");

        String body = Callers.as(auditor, "auditor").queryParam("format", "ndjson").queryParam("actor", subject)
                .get("/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson").extract().asString();

        String[] lines = body.split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode row = json.readTree(lines[0]);
        assertThat(row.get("actorSubject").asText()).isEqualTo(subject);
        assertThat(row.get("httpStatus").asInt()).isEqualTo(200);
        JsonNode manifest = json.readTree(lines[lines.length - 1]).get("manifest");
        assertThat(manifest.get("count").asLong()).isEqualTo(1);
        String content = body.substring(0, body.lastIndexOf("{\"manifest\""));
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(AuditTrail.eventsOf(auditor).get(0)).containsEntry("action", "AUDIT_EXPORT");
    }

    @Test
    void onlyAuditorsExport() {
        Callers.as(Callers.uniqueSubject("admin"), "amc-admin").queryParam("format", "csv").get("/v1/audit/export")
                .then().statusCode(403);
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("format", "xlsx").get("/v1/audit/export")
                .then().statusCode(400);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
