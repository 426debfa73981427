package io.amcfacade.audit.integrity.verifying;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.webhooks.StandardWebhooks;

/**
 * Checks delivered events offline ({@code bin/audit-verify --events FILE --public-key KEY [--secret whsec_…]}): each
 * line of the file is one delivery as received, {@code {"webhook-id", "webhook-timestamp", "webhook-signature",
 * "body"}} (the body as the exact text received). Each must carry a Standard Webhooks signature that verifies:
 * {@code v1a} (Ed25519) with the public key alone, or {@code v1} (HMAC) with the subscription's secret when given;
 * and the seal it names must be signed by the same key (its digest and signature are in the body). An event sent
 * as a finding (the seals do not vouch for the action) is authentic but reports the trail as not genuine.
 */
public final class EventCheck {

    /** What one line says: null problem when it verifies; {@code finding} when it is a genuine report of a rejected record. */
    public record Result(String problem, boolean finding) {
    }

    private EventCheck() {
    }

    public static int run(Path file, SealPublicKey publicKey, String secret, PrintStream out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int checked = 0;
        int findings = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Result result;
            try {
                JsonNode delivery = json.readTree(lines.get(i));
                result = check(text(delivery, "webhook-id"), text(delivery, "webhook-timestamp"),
                        text(delivery, "webhook-signature"), text(delivery, "body"), publicKey, secret, json);
            } catch (IOException | IllegalArgumentException e) {
                result = new Result("not a delivery: " + e.getMessage(), false);
            }
            if (result.problem() != null) {
                out.printf("NOT INTACT: line %d: %s%n", i + 1, result.problem());
                return 1;
            }
            checked++;
            if (result.finding()) {
                findings++;
                out.printf("finding: line %d reports an action the seals do not vouch for%n", i + 1);
            }
        }
        out.printf("events checked: %d%n", checked);
        if (findings > 0) {
            out.printf("EVENTS AUTHENTIC, TRAIL NOT: %d finding(s)%n", findings);
            return 1;
        }
        out.println("INTACT");
        return 0;
    }

    /** One delivery: its signature, then the seal it names. */
    public static Result check(String id, String timestamp, String signature, String body, SealPublicKey publicKey,
            String secret, ObjectMapper json) throws IOException {
        String content = StandardWebhooks.content(id, timestamp, body);
        boolean signed = StandardWebhooks.ed25519Verifies(signature, publicKey.key(), content)
                || secret != null && StandardWebhooks.hmacVerifies(signature, StandardWebhooks.key(secret), content);
        if (!signed) {
            return new Result("webhook-signature does not verify " + (secret == null ? "under the public key (v1a)"
                    : "under the public key (v1a) or the secret (v1)"), false);
        }
        JsonNode payload = payload(json.readTree(body));
        if (payload == null) {
            return new Result("the body carries no facade event payload", false);
        }
        JsonNode seal = payload.path("seal");
        if (!publicKey.id().equals(seal.path("keyId").asText())
                || !publicKey.verifies(seal.path("digest").asText(), seal.path("signature").asText())) {
            return new Result("seal " + seal.path("sealId").asText() + " it names is not signed by this key", false);
        }
        return new Result(null, !payload.path("genuine").asBoolean(false));
    }

    /** The payload: CloudEvents {@code data}, OCSF {@code unmapped.amc}, Splunk HEC {@code event}. */
    private static JsonNode payload(JsonNode body) {
        for (JsonNode candidate : List.of(body.path("data"), body.path("unmapped").path("amc"), body.path("event"))) {
            if (candidate.has("seal")) {
                return candidate;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("no " + field);
        }
        return node.get(field).asText();
    }
}
