package io.amcfacade.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.audit.integrity.verifying.ExportCheck;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/** The access-review pack: every grant at an instant, with a manifest a reviewer checks offline. */
@QuarkusTest
class AccessReviewPackTest {

    @Inject
    SealPublicKey publicKey;

    @Test
    void csvAndNdjsonPacksVerifyOfflineAndAnswerForTheInstantAsked() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        Instant before = Instant.now();
        String email = InvitationsApi.uniqueEmail("review");
        String userId = AccessApi.consoleAddUser(account, email, "admin");
        AccessApi.reconcile(account);

        byte[] csv = pack("csv", null);
        List<String> lines = verified(csv, "#manifest,");
        assertThat(lines).anyMatch(line -> line.startsWith(account + "," + userId + "," + email + ",admin,")
                && line.contains(",out-of-band,"));
        assertThat(lines.get(0)).isEqualTo("accountId,userId,emailAddress,role,since,via,eventId,actor,observedAt,heldVia,managerAccountId,region,lineHash");

        List<String> earlier = verified(pack("csv", before), "#manifest,");
        assertThat(earlier).noneMatch(line -> line.contains(userId));
        assertThat(earlier).anyMatch(line -> line.startsWith(account + ","));

        byte[] ndjson = pack("ndjson", null);
        List<String> objects = verified(ndjson, "{\"manifest\"");
        ObjectMapper json = new ObjectMapper();
        JsonNode row = objects.stream().map(line -> read(json, line)).filter(node -> userId.equals(node.path("userId").asText()))
                .findFirst().orElseThrow();
        assertThat(row.path("via").asText()).isEqualTo("out-of-band");
        assertThat(row.path("actor").asText()).isEqualTo("amc-out-of-band");
    }

    @Test
    void aUserHoldingAccessThroughAManagerAccountIsInThePackWithHowAndTheRegion() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String managerAccount = AccessApi.newManagerAccount("na", "Review agency");
        String email = InvitationsApi.uniqueEmail("agency-review");
        String userId = AccessApi.managerAccountUser(managerAccount, email, "VIEWER");
        AccessApi.consoleLink(managerAccount, account);
        AccessApi.reconcile(account);

        List<String> lines = verified(pack("csv", null), "#manifest,");
        assertThat(lines).anyMatch(line -> line.startsWith(account + "," + userId + "," + email + ",viewer,")
                && line.contains(",out-of-band,") && line.contains(",manager-account," + managerAccount + ",na,"));
        assertThat(lines).as("the account's own admin is held directly")
                .anyMatch(line -> line.startsWith(account + ",") && !line.contains(userId) && line.contains(",direct,,na,"));

        ObjectMapper json = new ObjectMapper();
        JsonNode row = verified(pack("ndjson", null), "{\"manifest\"").stream().map(line -> read(json, line))
                .filter(node -> userId.equals(node.path("userId").asText())).findFirst().orElseThrow();
        assertThat(row.path("heldVia").asText()).isEqualTo("manager-account");
        assertThat(row.path("managerAccountId").asText()).isEqualTo(managerAccount);
        assertThat(row.path("region").asText()).isEqualTo("na");
    }

    private static byte[] pack(String format, Instant asOf) {
        var request = given().auth().oauth2(Callers.token(Callers.uniqueSubject("auditor"), "auditor"))
                .queryParam("format", format);
        if (asOf != null) {
            request.queryParam("asOf", asOf.toString());
        }
        return request.get("/v1/access/review").then().statusCode(200).extract().asByteArray();
    }

    /**
     * Checks the pack the way a reviewer would without the service: the offline check with the public key
     * alone (line hashes, signed manifest), and by hand the SHA-256 of every byte before the last line and
     * the count of data lines. Answers the lines before the manifest.
     */
    private List<String> verified(byte[] body, String manifestStart) throws Exception {
        assertThat(ExportCheck.check(new ByteArrayInputStream(body), publicKey)).as("bin/audit-verify --export").isNull();
        String text = new String(body, StandardCharsets.UTF_8);
        int manifestAt = text.lastIndexOf(manifestStart);
        assertThat(manifestAt).as("a manifest line ends the pack").isPositive();
        byte[] content = Arrays.copyOf(body, text.substring(0, manifestAt).getBytes(StandardCharsets.UTF_8).length);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String manifest = text.substring(manifestAt).trim();
        List<String> lines = text.substring(0, manifestAt).lines().toList();
        boolean csv = manifestStart.startsWith("#");
        long rows = csv ? lines.size() - 1 : lines.size();
        if (csv) {
            assertThat(manifest).startsWith("#manifest," + rows + "," + digest + ",");
        } else {
            assertThat(manifest).startsWith("{\"manifest\":{\"count\":" + rows + ",\"sha256\":\"" + digest + "\",");
        }
        return lines;
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
