package io.amcfacade.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.sealing.Sealing;
import io.amcfacade.audit.integrity.verifying.VerifyCli;
import io.amcfacade.support.Callers;
import io.amcfacade.support.UsersApi;
import io.amcfacade.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The sealed trail delivered to a real HTTP receiver started by the test: signed per Standard Webhooks and checked
 * here with the JDK alone (v1 HMAC with the {@code whsec_} secret, v1a Ed25519 with the published key) and offline by
 * {@code bin/audit-verify --events}; in order through a receiver that answers 503 for a while, with the same
 * {@code webhook-id} on every attempt; replayed from a cursor, exactly the range; disabled by a 410; never sent before
 * its seal; and never to a private or link-local address. Sealing and delivery are driven by calling the sealer and
 * the deliverer, not by waiting for their timers (the test profile turns the deliverer's timer off and retries at
 * once).
 */
@QuarkusTest
class EventDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventDeliverer deliverer;
    @Inject
    AuditSealer sealer;
    @Inject
    AgroalDataSource dataSource;

    private String auditor;
    private final List<String> subscribed = new ArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void auditor() {
        auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
    }

    /** Each test's subscriptions end with it, so the next test's deliveries do not wait behind them. */
    @org.junit.jupiter.api.AfterEach
    void unsubscribe() {
        subscribed.forEach(id -> given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id));
    }

    @Test
    void eventsArriveSignedAndVerifyWithTheStandardWebhooksAlgorithmAndOffline() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver hmacReceiver = WebhookReceiver.answering(200);
                WebhookReceiver edReceiver = WebhookReceiver.answering(200)) {
            JsonPath hmac = subscribe(hmacReceiver, "cloudevents", "hmac", account, null);
            JsonPath ed = subscribe(edReceiver, "ocsf", "ed25519", account, null);
            String secret = hmac.getString("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(ed.getString("secret")).as("an ed25519 subscription has no secret").isNull();
            given().auth().oauth2(auditor).get("/v1/event-subscriptions/{id}", hmac.getString("subscriptionId"))
                    .then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue());

            String idempotencyKey = "create-" + java.util.UUID.randomUUID();
            Map<String, Object> request = Map.of("endpoint", hmacReceiver.url() + "/other", "format", "cloudevents",
                    "signing", "hmac", "filter", Map.of("accountIds", List.of("none-" + idempotencyKey)));
            JsonPath once = given().auth().oauth2(auditor).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                    .body(request).post("/v1/event-subscriptions").then().statusCode(201).extract().jsonPath();
            assertThat(once.getString("secret")).startsWith("whsec_");
            given().auth().oauth2(auditor).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON).body(request)
                    .post("/v1/event-subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                    .header("Location", org.hamcrest.Matchers.endsWith(once.getString("subscriptionId")))
                    .body("subscriptionId", org.hamcrest.Matchers.equalTo(once.getString("subscriptionId")))
                    .body("secret", org.hamcrest.Matchers.nullValue());
            given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", once.getString("subscriptionId"))
                    .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("DELETED"));
            given().auth().oauth2(auditor).get("/v1/event-subscriptions/{id}", once.getString("subscriptionId"))
                    .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("EVENT_SUBSCRIPTION_NOT_FOUND"));

            act(account, 2);
            deliverAll(2, hmacReceiver, edReceiver);

            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            for (WebhookReceiver.Received r : hmacReceiver.accepted()) {
                String content = r.webhookId() + "." + r.timestamp() + "." + r.body();
                assertThat(r.signature()).isEqualTo("v1," + hmacSha256(key, content));
                assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
                JsonNode event = JSON.readTree(r.body());
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("type").asText()).isEqualTo("io.amcfacade.action.recorded");
                assertThat(event.path("data").path("event").path("action").asText()).isEqualTo("INSTANCES_LIST");
                assertThat(event.path("data").path("event").path("outcome").asText()).isEqualTo("SUCCEEDED");
                assertThat(event.path("data").path("genuine").asBoolean()).isTrue();
                assertThat(event.path("data").path("seal").path("signature").asText()).isNotEmpty();
            }
            PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(ed.getString("signingKey.publicKey"))));
            for (WebhookReceiver.Received r : edReceiver.accepted()) {
                assertThat(r.signature()).startsWith("v1a,");
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update((r.webhookId() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
                assertThat(verifier.verify(Base64.getDecoder().decode(r.signature().substring(4)))).isTrue();
                JsonNode event = JSON.readTree(r.body());
                assertThat(event.path("class_uid").asInt()).isEqualTo(6003);
                assertThat(event.path("category_uid").asInt()).isEqualTo(6);
                assertThat(event.path("type_uid").asLong()).isEqualTo(600302L);
                assertThat(event.path("metadata").path("product").path("name").asText()).isEqualTo("AMC Admin Facade");
                assertThat(event.has("time") && event.has("severity_id") && event.has("activity_id")).isTrue();
            }

            Path dir = Files.createTempDirectory("events");
            Path pub = Files.writeString(dir.resolve("seal.pub"), ed.getString("signingKey.publicKey"));
            Path edFile = lines(dir.resolve("ed.ndjson"), edReceiver.accepted());
            Path hmacFile = lines(dir.resolve("hmac.ndjson"), hmacReceiver.accepted());
            assertThat(verify("--events", edFile.toString(), "--public-key", pub.toString())).isZero();
            assertThat(verify("--events", hmacFile.toString(), "--public-key", pub.toString(), "--secret", secret)).isZero();
            assertThat(verify("--events", hmacFile.toString(), "--public-key", pub.toString()))
                    .as("a v1-only event needs the secret").isEqualTo(1);
            WebhookReceiver.Received first = edReceiver.accepted().get(0);
            Path tampered = Files.writeString(dir.resolve("tampered.ndjson"), new WebhookReceiver.Received(first.webhookId(),
                    first.timestamp(), first.signature(), null, null, first.body().replace("SUCCEEDED", "FAILED"), 200).line());
            assertThat(verify("--events", tampered.toString(), "--public-key", pub.toString())).isEqualTo(1);
        }
    }

    @Test
    void aReceiverAnswering503ForAWhileGetsEverythingInOrderWithTheSameWebhookId() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200, 503, 503, 503)) {
            String id = subscribe(receiver, "splunk-hec", "hmac", account, "hec-token-1").getString("subscriptionId");
            List<String> made = act(account, 3);
            String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
            sealNow();
            for (int round = 0; round < 50 && receiver.received().isEmpty(); round++) {
                deliverer.deliverDue(); // the first attempt: 503
            }
            assertThat(storedBodies(id)).as("a delivery that will be sent again keeps its body").containsExactly("PENDING kept");
            assertThat(consoleRow(id)).as("the Event delivery page shows it retrying, and which event")
                    .contains("retrying").contains("1 attempt(s) of event ").contains("the receiver answered 503");
            deliverAll(3, receiver);
            assertThat(storedBodies(id)).as("once accepted, no body is kept: the trail has it")
                    .containsExactly("DELIVERED none", "DELIVERED none", "DELIVERED none");
            String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metric(after, "amc_events_delivery_failures_total") - metric(before, "amc_events_delivery_failures_total"))
                    .as("the three 503s").isGreaterThanOrEqualTo(3);
            assertThat(metric(after, "amc_events_delivery_attempts_total") - metric(before, "amc_events_delivery_attempts_total"))
                    .isGreaterThanOrEqualTo(6);
            assertThat(metric(after, "amc_events_delivered_total") - metric(before, "amc_events_delivered_total"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(metric(after, "amc_events_delivery_lag_seconds_count")).isGreaterThanOrEqualTo(3);
            assertThat(after).contains("amc_events_subscriptions_disabled");

            List<WebhookReceiver.Received> all = receiver.received();
            assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Received::webhookId).containsOnly(all.get(0).webhookId());
            assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Received::body).containsOnly(all.get(0).body());
            assertThat(receiver.accepted()).hasSize(3);
            assertThat(receiver.accepted()).extracting(r -> correlationOf(r.body(), "event")).containsExactlyElementsOf(made);
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::authorization).containsOnly("Splunk hec-token-1");
            JsonNode hec = JSON.readTree(receiver.accepted().get(0).body());
            assertThat(hec.fieldNames()).toIterable().contains("time", "host", "source", "sourcetype", "event");

            JsonPath deliveries = given().auth().oauth2(auditor).get("/v1/event-subscriptions/{id}/deliveries", id)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(deliveries.getList("deliveries.status")).containsOnly("DELIVERED");
            assertThat(deliveries.getInt("deliveries[2].attempts")).as("the oldest: three 503s, then 200").isEqualTo(4);
            assertThat(deliveries.getInt("deliveries[2].lastStatus")).isEqualTo(200);
            assertThat(deliveries.getList("deliveries.latencyMs")).doesNotContainNull();
        }
    }

    @Test
    void batchesArriveInOrderSignedAsOneMessageRetriedWholeAndVerifyOffline() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200, 503)) {
            JsonPath created = subscribe(receiver, "cloudevents", "ed25519", account, null, 4);
            assertThat(created.getInt("maxEventsPerRequest")).isEqualTo(4);
            String id = created.getString("subscriptionId");
            List<String> made = act(account, 10);
            String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
            sealNow();
            for (int round = 0; round < 50 && receiver.received().isEmpty(); round++) {
                deliverer.deliverDue(); // the first batch: 503
            }
            assertThat(consoleRow(id)).as("the Event delivery page shows the batch retrying, and its size")
                    .contains("batches of up to 4 events").contains("retrying").contains("1 attempt(s) of a batch of ")
                    .contains("the receiver answered 503");
            deliverEvents(10, receiver);
            String after = given().get("/q/metrics").then().statusCode(200).extract().asString();

            List<WebhookReceiver.Received> all = receiver.received();
            assertThat(all.get(1).webhookId()).as("the retried batch keeps its webhook-id").isEqualTo(all.get(0).webhookId());
            assertThat(all.get(1).body()).as("and its body").isEqualTo(all.get(0).body());
            List<WebhookReceiver.Received> accepted = receiver.accepted();
            assertThat(all).as("a 503 for the first batch, then each batch once").hasSize(accepted.size() + 1);
            List<Integer> sizes = new ArrayList<>();
            for (WebhookReceiver.Received r : accepted) {
                JsonNode batch = JSON.readTree(r.body());
                assertThat(batch.isArray()).isTrue();
                sizes.add(batch.size());
                assertThat(sealsOf(batch)).as("a batch never spans two seals").hasSize(1);
            }
            assertThat(sizes).as("at most four a request, ten in all").allMatch(n -> n >= 1 && n <= 4)
                    .hasSizeGreaterThanOrEqualTo(3).matches(all10 -> all10.stream().mapToInt(Integer::intValue).sum() == 10);
            assertThat(accepted).extracting(WebhookReceiver.Received::contentType)
                    .containsOnly("application/cloudevents-batch+json");
            assertThat(accepted).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates();
            List<String> arrived = new ArrayList<>();
            List<String> eventIds = new ArrayList<>();
            for (WebhookReceiver.Received r : accepted) {
                for (JsonNode event : JSON.readTree(r.body())) {
                    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                    arrived.add(event.path("data").path("event").path("correlationId").asText());
                    eventIds.add(event.path("id").asText());
                }
            }
            assertThat(arrived).as("every event once, in the order made").containsExactlyElementsOf(made);
            assertThat(metric(after, "amc_events_delivered_total") - metric(before, "amc_events_delivered_total"))
                    .as("events, not requests").isGreaterThanOrEqualTo(10);

            PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(created.getString("signingKey.publicKey"))));
            for (WebhookReceiver.Received r : accepted) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update((r.webhookId() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
                assertThat(verifier.verify(Base64.getDecoder().decode(r.signature().substring(4)))).isTrue();
            }
            Path dir = Files.createTempDirectory("batches");
            Path pub = Files.writeString(dir.resolve("seal.pub"), created.getString("signingKey.publicKey"));
            StringBuilder printed = new StringBuilder();
            assertThat(verify(printed, "--events", lines(dir.resolve("batches.ndjson"), accepted).toString(), "--public-key",
                    pub.toString())).isZero();
            assertThat(printed).as("every event of every batch checked").contains("events checked: 10");
            WebhookReceiver.Received second = accepted.stream().filter(r -> r.body().contains("\"SUCCEEDED\"")).findFirst()
                    .orElseThrow();
            String forged = second.body().replaceFirst("\"SUCCEEDED\"", "\"FAILED\"");
            assertThat(forged).isNotEqualTo(second.body());
            Path tampered = Files.writeString(dir.resolve("tampered.ndjson"), new WebhookReceiver.Received(second.webhookId(),
                    second.timestamp(), second.signature(), null, null, forged, 200).line());
            assertThat(verify(new StringBuilder(), "--events", tampered.toString(), "--public-key", pub.toString())).isEqualTo(1);

            List<Map<String, Object>> deliveries = given().auth().oauth2(auditor)
                    .get("/v1/event-subscriptions/{id}/deliveries", id).then().statusCode(200).extract().jsonPath()
                    .getList("deliveries");
            java.util.Collections.reverse(deliveries); // oldest first, as they were sent
            assertThat(deliveries).extracting(d -> d.get("events")).containsExactlyElementsOf(sizes);
            assertThat(deliveries).extracting(d -> d.get("status")).containsOnly("DELIVERED");
            assertThat(deliveries.get(0)).containsEntry("attempts", 2).containsEntry("eventId", eventIds.get(0))
                    .containsEntry("lastEventId", eventIds.get(sizes.get(0) - 1));
            assertThat(deliveries.get(deliveries.size() - 1)).containsEntry("eventId", eventIds.get(10 - sizes.get(sizes.size() - 1)))
                    .containsEntry("lastEventId", eventIds.get(9));
            assertThat(deliveries).extracting(d -> d.get("webhookId"))
                    .containsExactlyElementsOf(accepted.stream().map(WebhookReceiver.Received::webhookId).toList());
            assertThat(storedBodies(id)).as("the retried batch's body dropped once it was accepted")
                    .hasSize(sizes.size()).containsOnly("DELIVERED none");
        }
    }

    @Test
    void aBatchSentAgainGoesUnderItsSameWebhookIdWhereverPagesAndSealsFall() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            JsonPath created = subscribe(receiver, "cloudevents", "hmac", account, null, 4);
            String id = created.getString("subscriptionId");
            act(account, 3);
            sealNow();
            act(account, 3);
            deliverEvents(6, receiver);
            List<WebhookReceiver.Received> first = List.copyOf(receiver.accepted());
            for (WebhookReceiver.Received r : first) {
                assertThat(sealsOf(JSON.readTree(r.body())))
                        .as("a batch never spans two seals, so where a page or a round ends does not change it").hasSize(1);
            }
            assertThat(first.size()).as("three actions on each side of a seal: two batches at least").isGreaterThanOrEqualTo(2);

            given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("fromCursor", created.getString("cursor")))
                    .post("/v1/event-subscriptions/{id}/replay", id).then().statusCode(200);
            deliverEvents(12, receiver);
            List<WebhookReceiver.Received> again = receiver.accepted().subList(first.size(), receiver.accepted().size());
            assertThat(again).extracting(WebhookReceiver.Received::webhookId)
                    .as("sent again from the same position: the same batches under the same webhook-ids")
                    .containsExactlyElementsOf(first.stream().map(WebhookReceiver.Received::webhookId).toList());
            assertThat(again).extracting(WebhookReceiver.Received::body)
                    .containsExactlyElementsOf(first.stream().map(WebhookReceiver.Received::body).toList());
        }
    }

    @Test
    void splunkHecBatchesAreStackedEventsAndOcsfBatchesAreArrays() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver hec = WebhookReceiver.answering(200); WebhookReceiver ocsf = WebhookReceiver.answering(200)) {
            String secret = subscribe(hec, "splunk-hec", "hmac", account, "hec-token-2", 100).getString("secret");
            JsonPath ocsfSubscription = subscribe(ocsf, "ocsf", "ed25519", account, null, 2);
            List<String> made = act(account, 3);
            deliverEvents(3, hec);
            deliverEvents(3, ocsf);

            List<String> lines = new ArrayList<>();
            for (WebhookReceiver.Received stacked : hec.accepted()) {
                assertThat(stacked.authorization()).isEqualTo("Splunk hec-token-2");
                assertThat(stacked.contentType()).isEqualTo("application/json");
                lines.addAll(stacked.body().lines().toList());
            }
            assertThat(hec.accepted().size()).as("stacked: fewer requests than events (unless a seal fell between each)")
                    .isLessThanOrEqualTo(3);
            assertThat(lines).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode event = JSON.readTree(lines.get(i));
                assertThat(event.fieldNames()).toIterable().contains("time", "host", "source", "sourcetype", "event");
                assertThat(event.path("event").path("event").path("correlationId").asText()).isEqualTo(made.get(i));
            }
            for (WebhookReceiver.Received array : ocsf.accepted()) {
                JsonNode batch = JSON.readTree(array.body());
                assertThat(batch.isArray()).isTrue();
                assertThat(batch.size()).isBetween(1, 2);
                assertThat(batch.get(0).path("class_uid").asInt()).isEqualTo(6003);
            }

            Path dir = Files.createTempDirectory("batches");
            Path pub = Files.writeString(dir.resolve("seal.pub"), ocsfSubscription.getString("signingKey.publicKey"));
            StringBuilder printed = new StringBuilder();
            assertThat(verify(printed, "--events", lines(dir.resolve("hec.ndjson"), hec.accepted()).toString(), "--public-key",
                    pub.toString(), "--secret", secret)).isZero();
            assertThat(printed).contains("events checked: 3");
            assertThat(verify(new StringBuilder(), "--events", lines(dir.resolve("ocsf.ndjson"), ocsf.accepted()).toString(),
                    "--public-key", pub.toString())).isZero();
        }
    }

    @Test
    void maxEventsPerRequestOutsideOneToAHundredIsRefusedNamingTheField() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            for (Object value : List.of(0, 101, -5, "many", 2.5, true)) {
                io.restassured.response.Response refused = given().auth().oauth2(auditor).contentType(ContentType.JSON)
                        .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "hmac",
                                "maxEventsPerRequest", value))
                        .post("/v1/event-subscriptions");
                assertThat(refused.statusCode()).as("maxEventsPerRequest %s", value).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.jsonPath().getList("errors.field", String.class)).as("maxEventsPerRequest %s", value)
                        .anyMatch(field -> field.endsWith("maxEventsPerRequest"));
            }
            String subscriptionId = given().auth().oauth2(auditor).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "hmac"))
                    .post("/v1/event-subscriptions").then().statusCode(201)
                    .body("maxEventsPerRequest", org.hamcrest.Matchers.equalTo(1)).extract().path("subscriptionId");
            subscribed.add(subscriptionId);
        }
    }

    @Test
    void aReplayFromACursorRedeliversExactlyTheRange() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = subscribe(receiver, "cloudevents", "ed25519", account, null).getString("subscriptionId");
            act(account, 3);
            deliverAll(3, receiver);
            List<String> firstIds = receiver.accepted().stream().map(WebhookReceiver.Received::webhookId).toList();
            List<Map<String, Object>> deliveries = given().auth().oauth2(auditor)
                    .get("/v1/event-subscriptions/{id}/deliveries", id).then().statusCode(200).extract().jsonPath()
                    .getList("deliveries");
            String afterFirst = (String) deliveries.get(2).get("cursor"); // newest first: [2] is the first event

            given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("fromCursor", afterFirst))
                    .post("/v1/event-subscriptions/{id}/replay", id).then().statusCode(200).body("cursor",
                            org.hamcrest.Matchers.equalTo(afterFirst));
            deliverAll(5, receiver);
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::webhookId)
                    .containsExactly(firstIds.get(0), firstIds.get(1), firstIds.get(2), firstIds.get(1), firstIds.get(2));

            given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("fromCursor", "not-a-cursor"))
                    .post("/v1/event-subscriptions/{id}/replay", id).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("fromCursor"));
        }
    }

    @Test
    void a410DisablesTheSubscriptionAsAnAuditedSystemAction() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(410)) {
            String id = subscribe(receiver, "cloudevents", "hmac", account, null).getString("subscriptionId");
            act(account, 2);
            sealNow();
            for (int round = 0; round < 50 && receiver.received().isEmpty(); round++) {
                deliverer.deliverDue();
            }
            for (int round = 0; round < 5; round++) {
                deliverer.deliverDue();
            }
            assertThat(receiver.received()).as("one attempt, then nothing more").hasSize(1);
            JsonPath subscription = given().auth().oauth2(auditor).get("/v1/event-subscriptions/{id}", id).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(subscription.getString("state")).isEqualTo("DISABLED");
            assertThat(subscription.getString("stateReason")).contains("410");
            List<Map<String, Object>> disabled = given().auth().oauth2(auditor).queryParam("action", "EVENT_SUBSCRIPTION_DISABLE")
                    .queryParam("targetId", id).get("/v1/audit/events").then().statusCode(200).extract().jsonPath()
                    .getList("events");
            assertThat(disabled).hasSize(1);
            assertThat(disabled.get(0)).extractingByKey("actor").extracting("subject").isEqualTo("system:events");
        }
    }

    @Test
    void privateAndLinkLocalEndpointsAreRefusedNamingTheField() {
        for (String endpoint : List.of("https://169.254.169.254/latest/meta-data", "https://10.0.0.1/hook",
                "http://[fd00::1]/hook", "ftp://example.com/hook")) {
            given().auth().oauth2(auditor).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", endpoint, "format", "cloudevents", "signing", "hmac"))
                    .post("/v1/event-subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("INVALID_REQUEST"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("endpoint"));
        }
        given().auth().oauth2(auditor).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "https://example.com/hook", "format", "splunk-hec", "signing", "hmac"))
                .post("/v1/event-subscriptions").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("splunkToken"));
        given().auth().oauth2(auditor).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "https://example.com/hook", "format", "xml", "signing", "hmac"))
                .post("/v1/event-subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnsealedRecordIsNotDeliveredBeforeItsSeal() throws Exception {
        String account = UsersApi.newAccount().accountId();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            subscribe(receiver, "cloudevents", "ed25519", account, null);
            try (Connection sealingHeld = dataSource.getConnection()) {
                sealingHeld.setAutoCommit(false);
                try (PreparedStatement lock = sealingHeld.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, Sealing.LOCK); // no replica seals while this transaction holds it
                    lock.execute();
                }
                act(account, 1);
                for (int round = 0; round < 20; round++) {
                    deliverer.deliverDue(); // every subscription has its turns, this one too
                }
                assertThat(receiver.received()).as("nothing before its seal").isEmpty();
                sealingHeld.commit();
            }
            deliverAll(1, receiver);
            assertThat(receiver.accepted()).hasSize(1);
        }
    }

    private JsonPath subscribe(WebhookReceiver receiver, String format, String signing, String account, String splunkToken) {
        return subscribe(receiver, format, signing, account, splunkToken, null);
    }

    private JsonPath subscribe(WebhookReceiver receiver, String format, String signing, String account, String splunkToken,
            Integer maxEventsPerRequest) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (maxEventsPerRequest != null) {
            body.put("maxEventsPerRequest", maxEventsPerRequest);
        }
        body.put("endpoint", receiver.url());
        body.put("format", format);
        body.put("signing", signing);
        body.put("filter", Map.of("accountIds", List.of(account)));
        if (splunkToken != null) {
            body.put("splunkToken", splunkToken);
        }
        JsonPath created = given().auth().oauth2(auditor).contentType(ContentType.JSON).body(body).post("/v1/event-subscriptions")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.startsWith("/v1/event-subscriptions/"))
                .extract().jsonPath();
        subscribed.add(created.getString("subscriptionId"));
        return created;
    }

    /** {@code n} audited actions on the account, one after the other; their correlation ids in order. */
    private static List<String> act(String account, int n) {
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String correlation = java.util.UUID.randomUUID().toString();
            given().auth().oauth2(viewer).header("X-Request-Id", correlation).get("/v1/accounts/{a}/instances", account)
                    .then().statusCode(200);
            made.add(correlation);
        }
        return made;
    }

    /** Seals (once another replica's seal in progress is done) and delivers until every receiver accepted {@code n}. */
    private void deliverAll(int n, WebhookReceiver... receivers) throws SQLException {
        sealNow();
        for (int round = 0; round < 50 && java.util.Arrays.stream(receivers).anyMatch(r -> r.accepted().size() < n); round++) {
            deliverer.deliverDue();
        }
        for (WebhookReceiver receiver : receivers) {
            assertThat(receiver.accepted()).hasSize(n);
        }
    }

    /** The subscription's row of the console's Event delivery page, as an auditor sees it. */
    private static String consoleRow(String subscriptionId) {
        String page = given().cookies(io.amcfacade.console.ConsoleSignInTest.signIn(Callers.uniqueSubject("console"), "auditor"))
                .get("/console/subscriptions").then().statusCode(200).extract().asString();
        int row = page.indexOf("id=\"subscription-" + subscriptionId + "\"");
        assertThat(row).as("the page lists subscription %s", subscriptionId).isNotNegative();
        return page.substring(row, page.indexOf("</tr>", row));
    }

    /** Each stored delivery of the subscription, oldest first: its status, and whether its body is kept. */
    private List<String> storedBodies(String subscriptionId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT status, body IS NOT NULL FROM event_deliveries "
                        + "WHERE subscription_id = ?::uuid ORDER BY delivery_id")) {
            select.setString(1, subscriptionId);
            try (java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + (rs.getBoolean(2) ? " kept" : " none"));
                }
            }
        }
        return rows;
    }

    /** The seals a CloudEvents batch's events name (each event's {@code data.seal.sealId}). */
    private static java.util.Set<Long> sealsOf(JsonNode batch) {
        java.util.Set<Long> seals = new java.util.TreeSet<>();
        batch.forEach(event -> seals.add(event.path("data").path("seal").path("sealId").asLong()));
        return seals;
    }

    /** Seals and delivers until the receiver accepted {@code n} events, however batched. */
    private void deliverEvents(int n, WebhookReceiver receiver) throws SQLException {
        sealNow();
        for (int round = 0; round < 50 && eventsIn(receiver) < n; round++) {
            deliverer.deliverDue();
        }
        assertThat(eventsIn(receiver)).isEqualTo(n);
    }

    /** The events the receiver accepted: each request's JSON values (an array's elements, or stacked objects). */
    private static int eventsIn(WebhookReceiver receiver) {
        int events = 0;
        for (WebhookReceiver.Received r : receiver.accepted()) {
            try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class)
                    .readValues(r.body())) {
                while (values.hasNext()) {
                    JsonNode value = values.next();
                    events += value.isArray() ? value.size() : 1;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    /** A seal made now: it covers every action finished before it. */
    private void sealNow() throws SQLException {
        for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
            // another replica (the timer) holds the sealing lock for a moment
        }
    }

    private static String correlationOf(String body, String payloadField) {
        try {
            return JSON.readTree(body).path(payloadField).path("event").path("correlationId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A metric without labels (or the sum of its series) in the Prometheus text. */
    private static double metric(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String hmacSha256(byte[] key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path lines(Path file, List<WebhookReceiver.Received> received) throws java.io.IOException {
        return Files.write(file, received.stream().map(WebhookReceiver.Received::line).toList());
    }

    private static int verify(String... args) throws Exception {
        return verify(new StringBuilder(), args);
    }

    /** {@code bin/audit-verify}'s entry point; what it printed is appended to {@code printed}. */
    private static int verify(StringBuilder printed, String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return VerifyCli.run(args);
        } finally {
            System.setOut(out);
            printed.append(captured.toString(StandardCharsets.UTF_8));
        }
    }
}
