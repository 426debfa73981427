package io.amcfacade.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
 * for as long as the writes last (bench/event-lag measured it).
 */
@QuarkusTest
class EventDeliveryKeepsUpTest {

    @Inject
    EventDeliverer deliverer;
    @Inject
    AuditSealer sealer;
    @Inject
    EventsConfig config;

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
