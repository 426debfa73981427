package io.amcfacade.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.sealing.Sealing;
import io.amcfacade.support.Callers;
import io.amcfacade.support.NonDefaultSettings;
import io.amcfacade.support.OwnerDatabase;
import io.amcfacade.support.UsersApi;
import io.amcfacade.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The deliverer runs on its own here, as on a replica, with its poll ({@code amc.events.poll-interval}) at
 * {@link NonDefaultSettings#EVENTS_POLL_INTERVAL}, far longer than this test waits: an event that arrives within
 * seconds of its seal was sent because the seal's commit woke the deliverer. The wake-up comes through PostgreSQL (the
 * seal table's trigger announces each seal, every replica listens), not from the sealer in this process, so a seal
 * made by another replica wakes this one the same way. Before the change the deliverer looked only on its poll: the
 * event waited up to the whole interval (here: past the test).
 */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class EventDeliveryWakesOnSealTest {

    /** Well above the path from a seal's commit to its arrival (a lease, a read, one request), far below the poll. */
    private static final Duration SOON = Duration.ofSeconds(5);

    @Inject
    AuditSealer sealer;
    @Inject
    AgroalDataSource dataSource;
    /** The channel seals are announced on (V82), as a NOTIFY from anyone holding the service's credentials names it. */
    private static final String SEALED_CHANNEL = "amc_audit_sealed";

    @Test
    void anEventArrivesWithinSecondsOfItsSealNotAtTheNextPoll() throws Exception {
        awaitListening();
        String account = UsersApi.newAccount().accountId();
        String auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = subscribe(auditor, receiver, account);
            try {
                for (int round = 1; round <= 3; round++) {
                    act(account);
                    long sealed = sealNow();
                    int expected = round;
                    assertThat(arrivalAfter(receiver, expected, sealed)).as("round %d: the event's arrival after its seal "
                            + "(poll every %s)", round, NonDefaultSettings.EVENTS_POLL_INTERVAL).isLessThan(SOON.toMillis());
                }
            } finally {
                given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id);
            }
        }
    }

    /**
     * NOTIFY needs no privilege: whoever holds the service's credentials can announce a seal that was never made. The
     * deliverer reads the sealed trail itself, so the false announcement sends nothing (the action is not sealed yet)
     * and moves the position no further than the seals there are; the real seal then delivers the action as usual.
     */
    @Test
    void aFalseAnnouncementSendsNothingAndSkipsNothing() throws Exception {
        awaitListening();
        String account = UsersApi.newAccount().accountId();
        String auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = subscribe(auditor, receiver, account);
            try {
                try (Connection sealingHeld = dataSource.getConnection()) {
                    sealingHeld.setAutoCommit(false);
                    try (PreparedStatement lock = sealingHeld.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, Sealing.LOCK); // no seal is made while this transaction holds it
                        lock.execute();
                    }
                    act(account);
                    try (Connection app = dataSource.getConnection(); Statement statement = app.createStatement()) {
                        statement.execute("NOTIFY " + SEALED_CHANNEL + ", '" + Long.MAX_VALUE + "'");
                    }
                    Thread.sleep(1500);
                    assertThat(receiver.received()).as("sent on an announcement with no seal behind it").isEmpty();
                    assertThat(positionSeal(id)).as("the position after a false announcement: within the seals there are")
                            .isLessThanOrEqualTo(newestSeal());
                    sealingHeld.commit();
                }
                long sealed = sealNow();
                assertThat(arrivalAfter(receiver, 1, sealed)).as("the action's arrival after its real seal")
                        .isLessThan(SOON.toMillis());
            } finally {
                given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id);
            }
        }
    }

    /**
     * The listening connection lost (its backend ended, as a PostgreSQL restart or a proxy would end it): the replica
     * connects again by itself and is woken by the next seal as before, not left on its poll.
     */
    @Test
    void aLostListeningConnectionIsMadeAgainAndSealsWakeTheDelivererAsBefore() throws Exception {
        awaitListening();
        List<Integer> ended = new java.util.ArrayList<>();
        try (Connection owner = OwnerDatabase.connect(); Statement statement = owner.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = "
                    + "'amc-events-seal-listener'")) {
                while (rs.next()) {
                    ended.add(rs.getInt(1));
                }
            }
            assertThat(ended).as("listening connections").hasSize(1);
            try (ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(" + ended.get(0) + ")")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the listening connection ended").isTrue();
            }
        }
        for (int i = 0; i < 200 && !listeningOtherThan(ended.get(0)); i++) {
            Thread.sleep(50);
        }
        assertThat(listeningOtherThan(ended.get(0))).as("listening again, on a new connection").isTrue();
        String account = UsersApi.newAccount().accountId();
        String auditor = Callers.token(Callers.uniqueSubject("events"), "auditor");
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = subscribe(auditor, receiver, account);
            try {
                act(account);
                long sealed = sealNow();
                assertThat(arrivalAfter(receiver, 1, sealed)).as("the event's arrival after its seal, listening again")
                        .isLessThan(SOON.toMillis());
            } finally {
                given().auth().oauth2(auditor).delete("/v1/event-subscriptions/{id}", id);
            }
        }
    }

    /**
     * Waits (ten seconds at most) until this replica's listening connection is there: it connects at start, beside
     * the deliverer. Not asserted: the arrivals are what this test is about.
     */
    private void awaitListening() throws Exception {
        for (int i = 0; i < 200 && !listening(); i++) {
            Thread.sleep(50);
        }
    }

    private boolean listening() throws SQLException {
        return listeningOtherThan(0);
    }

    private boolean listeningOtherThan(int pid) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                        + "'amc-events-seal-listener' AND query ILIKE 'LISTEN%' AND pid <> " + pid)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static String subscribe(String auditor, WebhookReceiver receiver, String account) {
        return given().auth().oauth2(auditor).contentType(ContentType.JSON)
                .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "hmac", "filter",
                        Map.of("accountIds", List.of(account))))
                .post("/v1/event-subscriptions").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
    }

    /** One audited action on the account. */
    private static void act(String account) {
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/instances", account).then().statusCode(200);
    }

    /** Makes a seal covering everything finished so far (or waits for the timer's, in progress); when, in ms. */
    private long sealNow() throws SQLException {
        for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
            // the timer is sealing right now; its seal covers the action too, or the next one here does
        }
        return System.currentTimeMillis();
    }

    /** Milliseconds from {@code sealedAt} until the receiver accepted {@code n} events; waits twice {@link #SOON} at most. */
    private static long arrivalAfter(WebhookReceiver receiver, int n, long sealedAt) throws InterruptedException {
        long deadline = sealedAt + 2 * SOON.toMillis();
        while (receiver.accepted().size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(receiver.accepted()).as("accepted within %s of the seal", SOON.multipliedBy(2)).hasSize(n);
        return System.currentTimeMillis() - sealedAt;
    }

    private long positionSeal(String subscriptionId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT cursor_seal FROM event_subscriptions WHERE subscription_id = ?")) {
            statement.setObject(1, UUID.fromString(subscriptionId));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long newestSeal() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(seal_id), 0) FROM audit_seals")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
