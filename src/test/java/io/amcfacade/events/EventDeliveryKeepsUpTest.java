package io.amcfacade.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.support.Callers;
import io.amcfacade.support.UsersApi;
import io.amcfacade.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A subscription with more sealed events than one turn ({@code amc.events.events-per-turn}) gets all of them in the
 * poll that gives it its turn, not one turn's worth a poll: with one poll a second, a cap per poll would hold one
 * subscription to about 100 events/s, below the 200 audited writes/s the facade sustains, and its lag would grow
 * for as long as the writes last (bench/event-lag measured it). And a page of sealed events is sent with one
 * transaction at its end, not three per event: the subscription's position moves once per page.
 */
@QuarkusTest
class EventDeliveryKeepsUpTest {

    @Inject
    EventDeliverer deliverer;
    @Inject
    AuditSealer sealer;
    @Inject
    EventsConfig config;
    @Inject
    AgroalDataSource dataSource;

    /**
     * While a page is being sent nothing is written: each event arrives with the subscription's position where the
     * page began (before the change the position moved after each event, so each arrival saw another one). A crash
     * in the middle of a page sends the page again from there, each event under its same {@code webhook-id}.
     */
    @Test
    void thePositionMovesOncePerPageNotOncePerEvent() throws Exception {
        int n = config.eventsPerTurn() + 30;
        String account = UsersApi.newAccount().accountId();
        String auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
        Set<String> positionsSeen = ConcurrentHashMap.newKeySet();
        UUID[] subscription = new UUID[1];
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)
                .onEach(r -> positionsSeen.add(position(subscription[0])))) {
            String id = given().auth().oauth2(auditor).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "hmac", "filter",
                            Map.of("accountIds", List.of(account))))
                    .post("/v1/event-subscriptions").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
            subscription[0] = UUID.fromString(id);
            try {
                String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
                for (int i = 0; i < n; i++) {
                    given().auth().oauth2(viewer).get("/v1/accounts/{a}/instances", account).then().statusCode(200);
                }
                for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
                    // another replica (the timer) holds the sealing lock for a moment
                }
                for (int round = 0; round < 50 && receiver.accepted().size() < n; round++) {
                    deliverer.deliverDue();
                }
                assertThat(receiver.accepted()).hasSize(n);
                assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates();
                assertThat(positionsSeen).as("the positions the subscription had while %d events arrived (pages of at most %d)",
                        n, config.eventsPerTurn()).hasSizeLessThanOrEqualTo(3);
            } finally {
                given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id);
            }
        }
    }

    private String position(UUID subscriptionId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT cursor_seal || ':' || cursor_seq FROM event_subscriptions WHERE subscription_id = ?")) {
            statement.setObject(1, subscriptionId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onePollDeliversEverythingSealedNotOneTurn() throws Exception {
        int n = config.eventsPerTurn() + 30;
        String account = UsersApi.newAccount().accountId();
        String auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = given().auth().oauth2(auditor).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "hmac", "filter",
                            Map.of("accountIds", List.of(account))))
                    .post("/v1/event-subscriptions").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
            try {
                String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
                for (int i = 0; i < n; i++) {
                    given().auth().oauth2(viewer).get("/v1/accounts/{a}/instances", account).then().statusCode(200);
                }
                for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
                    // another replica (the timer) holds the sealing lock for a moment
                }
                // The poll in which this subscription had its turn (a poll leases ten subscriptions, oldest first).
                for (int round = 0; round < 50 && receiver.accepted().isEmpty(); round++) {
                    deliverer.deliverDue();
                }
                assertThat(receiver.accepted()).as("delivered by the poll that gave the subscription its turn (a turn is %d)",
                        config.eventsPerTurn()).hasSize(n);
            } finally {
                given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id);
            }
        }
    }
}
