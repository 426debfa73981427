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
 * and the seal it names must be signed by the same key (its digest and signature are in the body). A batch (a
 * subscription's {@code maxEventsPerRequest} above 1: a JSON array, or stacked Splunk HEC objects) is one signed
 * message: its signature is checked once, then every event in it. An event sent as a finding (the seals do not vouch
 * for the action) is authentic but reports the trail as not genuine.
 */
public final class EventCheck {

    /**
     * What one line says: null problem when it verifies; how many events it carries, and how many of them are genuine
     * reports of a rejected record (findings).
     */
    public record Result(String problem, int events, int findings) {

        static Result problem(String problem) {
            return new Result(problem, 0, 0);
        }
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
                result = Result.problem("not a delivery: " + e.getMessage());
            }
            if (result.problem() != null) {
                out.printf("NOT INTACT: line %d: %s%n", i + 1, result.problem());
                return 1;
            }
            checked += result.events();
            if (result.findings() > 0) {
                findings += result.findings();
                out.printf("finding: line %d reports %d action(s) the seals do not vouch for%n", i + 1, result.findings());
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

    /** One delivery: its signature, then the seal each of its events names. */
    public static Result check(String id, String timestamp, String signature, String body, SealPublicKey publicKey,
            String secret, ObjectMapper json) throws IOException {
        String content = StandardWebhooks.content(id, timestamp, body);
        boolean signed = StandardWebhooks.ed25519Verifies(signature, publicKey.key(), content)
                || secret != null && StandardWebhooks.hmacVerifies(signature, StandardWebhooks.key(secret), content);
        if (!signed) {
            return Result.problem("webhook-signature does not verify " + (secret == null ? "under the public key (v1a)"
                    : "under the public key (v1a) or the secret (v1)"));
        }
        List<JsonNode> events = events(body, json);
        if (events.isEmpty()) {
            return Result.problem("the body carries no facade event payload");
        }
        int findings = 0;
        for (int i = 0; i < events.size(); i++) {
            String which = events.size() == 1 ? "" : "event " + (i + 1) + " of the batch: ";
            JsonNode payload = payload(events.get(i));
            if (payload == null) {
                return Result.problem(which + "carries no facade event payload");
            }
            JsonNode seal = payload.path("seal");
            if (!publicKey.id().equals(seal.path("keyId").asText())
                    || !publicKey.verifies(seal.path("digest").asText(), seal.path("signature").asText())) {
                return Result.problem(which + "seal " + seal.path("sealId").asText() + " it names is not signed by this key");
            }
            if (!payload.path("genuine").asBoolean(false)) {
                findings++;
            }
        }
        return new Result(null, events.size(), findings);
    }

    /** The events of a body: one object, a JSON array of them (a batch), or stacked objects (a Splunk HEC batch). */
    private static List<JsonNode> events(String body, ObjectMapper json) throws IOException {
        List<JsonNode> events = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> values = json.readerFor(JsonNode.class).readValues(body)) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    value.forEach(events::add);
                } else {
                    events.add(value);
                }
            }
        }
        return events;
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
