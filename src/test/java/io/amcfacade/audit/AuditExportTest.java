package io.amcfacade.audit;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.audit.storage.TrailRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
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
        assertThat(AuditTrail.eventsOf(auditor).get(0)).returns("AUDIT_EXPORT", AuditEvent::getAction);
    }

    @Test
    void anExportAcrossMonthsAndBatchesKeepsEveryActionInOrderWithItsTargets() throws Exception {
        String subject = Callers.uniqueSubject("many");
        // Months ahead: partitions no retention test drops. More intents than one read batch (5,000).
        LocalDate nextMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        OwnerDatabase.execute("SELECT audit_ensure_partition('" + nextMonth + "')",
                "SELECT audit_ensure_partition('" + nextMonth.plusMonths(1) + "')");
        Instant first = nextMonth.plusDays(20).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<TrailRecord> records = new ArrayList<>();
        List<UUID> inOrder = new ArrayList<>();
        for (int i = 0; i < 5_100; i++) {
            UUID eventId = UUID.randomUUID();
            inOrder.add(eventId);
            records.add(OrphanIntents.intent(subject, eventId, first.plusSeconds(600L * i), "EXPORT_PROBE"));
        }
        for (int position : new int[] { 2, 1 }) { // the first action names two invitees, out of order
            TrailRecord target = TrailRecord.of(TrailRecord.Kind.TARGET, inOrder.get(0));
            target.recordedAt = first.plusMillis(position);
            target.targetKind = "EMAIL";
            target.targetId = "invitee" + position + "@example.com";
            target.position = position;
            records.add(target);
        }
        OrphanIntents.insertAll(records);
        OwnerDatabase.execute("ANALYZE audit_records"); // statistics known: dense batches take the range read

        String body = Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("format", "csv")
                .queryParam("actor", subject).get("/v1/audit/export").then().statusCode(200).extract().asString();

        List<String> lines = Arrays.asList(body.split("\r\n"));
        assertThat(lines).hasSize(5_100 + 2);
        assertThat(lines.get(lines.size() - 1)).startsWith("#manifest,5100,");
        List<String> rows = lines.subList(1, lines.size() - 1);
        assertThat(rows.stream().map(line -> UUID.fromString(line.substring(0, 36))).toList()).isEqualTo(inOrder);
        assertThat(rows.get(0).split(",")[12]).isEqualTo("invitee1@example.com invitee2@example.com");
        assertThat(rows).allMatch(line -> line.split(",")[3].equals("PENDING"));
        assertThat(rows.get(5_099).split(",")[1]).startsWith(nextMonth.plusMonths(1).toString().substring(0, 7));
    }

    @Test
    void anExportedFileIsCheckedOfflineWithThePublicKeyAndItsFirstBadLineNamed() throws Exception {
        String subject = Callers.uniqueSubject("offline");
        for (int i = 0; i < 3; i++) {
            Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "export-check");
        for (String format : List.of("csv", "ndjson")) {
            String body = Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("format", format)
                    .queryParam("actor", subject).get("/v1/audit/export").then().statusCode(200).extract().asString();
            String eol = format.equals("csv") ? "\r\n" : "\n";
            List<String> lines = new ArrayList<>(Arrays.asList(body.split(eol)));
            int first = format.equals("csv") ? 1 : 0; // CSV has a header
            Path file = dir.resolve("export." + format);

            assertThat(check(file, body)).startsWith("INTACT");
            List<String> changed = new ArrayList<>(lines);
            changed.set(first + 1, changed.get(first + 1).replace("ACCOUNTS_LIST", "USER_REMOVE"));
            assertThat(check(file, String.join(eol, changed) + eol))
                    .startsWith("NOT INTACT: line " + (first + 2) + ":");
            List<String> removed = new ArrayList<>(lines);
            removed.remove(first);
            assertThat(check(file, String.join(eol, removed) + eol)).startsWith("NOT INTACT: line " + (first + 1) + ":");
            String manifest = lines.get(lines.size() - 1);
            assertThat(check(file, body.replace(manifest, manifest.replaceAll("([0-9a-f]{64})", "0".repeat(64)))))
                    .startsWith("NOT INTACT: line " + lines.size() + ":").contains("signature");
        }
    }

    private static String check(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        String publicKey = io.amcfacade.audit.integrity.SealSigner.publicKeyFile(Path.of(org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getValue("amc.audit.seal-key-file", String.class))).toString();
        return RetentionAndCliTest.cli("--export", file.toString(), "--public-key", publicKey).printed();
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
