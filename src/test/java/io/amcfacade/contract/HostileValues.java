package io.amcfacade.contract;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The values a fuzzer tries: valid ones from a schema, and the hostile ones issue 15 lists. */
final class HostileValues {

    static final List<String> STRINGS = List.of("\u0000", "a\u0000b", "\u0001\u001b[31m", "x".repeat(5000), "", " ",
            "%00", "../../etc/passwd", "'; DROP TABLE audit_records; --", "${jndi:ldap://x/a}", "💥\uD83D", "Zoë",
            "-1", "99999999999999999999", "2026-12-01", "2026-12-01T00:00:00", "2026-12-01T00:00:00+17:30", "yesterday",
            "\r\nX-Injected: 1");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> WRONG_TYPES = List.of(NODES.numberNode(-1), NODES.numberNode(2147483648L),
            NODES.numberNode(1e308), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(), NODES.nullNode(),
            NODES.textNode("\u0000"), NODES.numberNode(0));

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    String hostileString() {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    JsonNode hostileNode() {
        return random.nextBoolean() ? NODES.textNode(hostileString()) : WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
    }

    /** A value the schema accepts, as far as its type, enum and bounds go. */
    String valid(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        String type = schema.path("type").asText("string");
        if (type.equals("integer")) {
            long min = schema.path("minimum").asLong(1);
            long max = Math.min(schema.path("maximum").asLong(min + 20), min + 20);
            return Long.toString(min + random.nextInt((int) (max - min + 1)));
        }
        if (type.equals("boolean")) {
            return Boolean.toString(random.nextBoolean());
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return "2026-01-01T00:00:00Z";
        }
        if ("email".equals(schema.path("format").asText()) || name.toLowerCase().contains("email")) {
            return "fuzz-" + random.nextInt(1_000_000) + "@example.com";
        }
        return switch (name) {
            case "accountId" -> "ENTITY1ACMERETAIL0";
            case "invitationId" -> "amzn1.invitation." + Long.toHexString(random.nextLong());
            case "userId" -> "amzn1.user." + Long.toHexString(random.nextLong());
            case "instanceId" -> "amc0000000000";
            case "eventId" -> java.util.UUID.randomUUID().toString();
            default -> "fuzz" + random.nextInt(1000);
        };
    }
}
