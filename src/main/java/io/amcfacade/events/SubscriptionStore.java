package io.amcfacade.events;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.EventDeliveryStatus;
import io.amcfacade.api.model.EventFormat;
import io.amcfacade.api.model.EventSigning;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.db.Statements;

/**
 * {@code event_subscriptions} and {@code event_deliveries}. A replica takes subscriptions with something due with a
 * lease ({@code FOR UPDATE SKIP LOCKED}, as {@code instances.OperationStore} does; a lease not given back lapses, and
 * another replica takes over), and moves a subscription's position on only while it holds the lease and the position
 * is still the one it started from (a replay or pause in between wins).
 */
@ApplicationScoped
class SubscriptionStore {

    private static final String COLUMNS = "subscription_id, endpoint, format, signing, secret_sealed, splunk_token_sealed, "
            + "splunk_index, description, filter_actions, filter_accounts, filter_outcomes, state, state_reason, cursor_seal, "
            + "cursor_seq, created_at, created_by, updated_at, last_delivered_at, lag_ms, max_events_per_request";
    private static final String DELIVERY_COLUMNS = "delivery_id, subscription_id, webhook_id, event_id, type, seal_id, seq, "
            + "body, status, attempts, created_at, first_attempt_at, last_attempt_at, next_attempt_at, last_status, "
            + "last_error, latency_ms, delivered_at, event_count, last_event_id";

    private static final String UNAVAILABLE = "The event subscriptions could not be reached; nothing was changed.";

    private final AgroalDataSource dataSource;

    SubscriptionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(Subscription s) {
        run("INSERT INTO event_subscriptions (" + COLUMNS + ", next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setObject(1, s.id());
                    statement.setString(2, s.endpoint());
                    statement.setString(3, s.format().toString());
                    statement.setString(4, s.signing().toString());
                    statement.setString(5, s.secretSealed());
                    statement.setString(6, s.splunkTokenSealed());
                    statement.setString(7, s.splunkIndex());
                    statement.setString(8, s.description());
                    statement.setArray(9, texts(statement.getConnection(), s.actions()));
                    statement.setArray(10, texts(statement.getConnection(), s.accounts()));
                    statement.setArray(11, texts(statement.getConnection(), s.outcomes()));
                    statement.setString(12, s.state().toString());
                    statement.setString(13, s.stateReason());
                    statement.setLong(14, s.position().sealId());
                    statement.setLong(15, s.position().seq());
                    statement.setTimestamp(16, Timestamp.from(s.createdAt()));
                    statement.setString(17, s.createdBy());
                    statement.setTimestamp(18, Timestamp.from(s.updatedAt()));
                    statement.setTimestamp(19, null);
                    statement.setObject(20, null);
                    statement.setInt(21, s.maxEventsPerRequest());
                    statement.setTimestamp(22, Timestamp.from(s.createdAt()));
                    statement.executeUpdate();
                    return null;
                });
    }

    /** The subscription unless it is deleted. */
    Optional<Subscription> find(UUID id) {
        return run("SELECT " + COLUMNS + " FROM event_subscriptions WHERE subscription_id = ? AND state <> 'DELETED'",
                statement -> {
                    statement.setObject(1, id);
                    List<Subscription> found = subscriptions(statement);
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
    }

    List<Subscription> list() {
        return run("SELECT " + COLUMNS + " FROM event_subscriptions WHERE state <> 'DELETED' ORDER BY created_at, subscription_id",
                SubscriptionStore::subscriptions);
    }

    /** Moves the state; an ACTIVE one is due at once. {@code false} when it is deleted (or gone). */
    boolean setState(UUID id, EventSubscriptionState state, String reason, Instant now) {
        return run("UPDATE event_subscriptions SET state = ?, state_reason = ?, updated_at = ?, next_attempt_at = ? "
                + "WHERE subscription_id = ? AND state <> 'DELETED'", statement -> {
                    statement.setString(1, state.toString());
                    statement.setString(2, reason);
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setTimestamp(4, Timestamp.from(now));
                    statement.setObject(5, id);
                    return statement.executeUpdate() == 1;
                });
    }

    /** Moves the position back for a replay, abandoning the delivery being retried; one transaction. */
    void replayFrom(UUID id, Position position, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement move = connection.prepareStatement("UPDATE event_subscriptions SET cursor_seal = ?, "
                    + "cursor_seq = ?, updated_at = ?, next_attempt_at = ? WHERE subscription_id = ?");
                    PreparedStatement abandon = connection.prepareStatement("UPDATE event_deliveries SET status = 'ABANDONED', "
                            + "next_attempt_at = NULL WHERE subscription_id = ? AND status = 'PENDING'")) {
                move.setLong(1, position.sealId());
                move.setLong(2, position.seq());
                move.setTimestamp(3, Timestamp.from(now));
                move.setTimestamp(4, Timestamp.from(now));
                move.setObject(5, id);
                move.executeUpdate();
                abandon.setObject(1, id);
                abandon.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Statements.unavailable(UNAVAILABLE, e);
        }
    }

    /** Takes up to {@code batch} active subscriptions that are due and not held by a live lease of another replica. */
    List<Subscription> lease(String owner, Instant now, Instant until, int batch) {
        return run("UPDATE event_subscriptions SET lease_owner = ?, lease_until = ? WHERE subscription_id IN (SELECT "
                + "subscription_id FROM event_subscriptions WHERE state = 'ACTIVE' AND next_attempt_at <= ? AND (lease_until IS "
                + "NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
                statement -> {
                    statement.setString(1, owner);
                    statement.setTimestamp(2, Timestamp.from(until));
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setTimestamp(4, Timestamp.from(now));
                    statement.setInt(5, batch);
                    return subscriptions(statement);
                });
    }

    /**
     * Moves the position from {@code from} to {@code to} while {@code owner} holds the lease and the subscription is
     * active; {@code false} when a replay, a pause or another replica came first.
     */
    boolean advance(UUID id, String owner, Position from, Position to, Instant deliveredAt, Long lagMs) {
        return deliveredThrough(id, owner, from, to, List.of(), deliveredAt, lagMs);
    }

    /**
     * One batch's end, in one transaction: the deliveries the receiver accepted (each stored as delivered, with its
     * attempt) and the position moved from {@code from} to {@code to}, both only while {@code owner} holds the lease,
     * the subscription is active and its position is still {@code from}; {@code false} (nothing written) when a
     * replay, a pause or another replica came first. Nothing is written per event while a batch is sent: a crash
     * before this sends the batch again from {@code from}, each event under its same {@code webhook-id}.
     */
    boolean deliveredThrough(UUID id, String owner, Position from, Position to, List<Delivery> delivered, Instant deliveredAt,
            Long lagMs) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement move = connection.prepareStatement("UPDATE event_subscriptions SET cursor_seal = ?, "
                    + "cursor_seq = ?, last_delivered_at = coalesce(?, last_delivered_at), lag_ms = coalesce(?, lag_ms) "
                    + "WHERE subscription_id = ? AND lease_owner = ? AND state = 'ACTIVE' AND cursor_seal = ? AND cursor_seq = ?")) {
                move.setLong(1, to.sealId());
                move.setLong(2, to.seq());
                move.setTimestamp(3, time(deliveredAt));
                move.setObject(4, lagMs);
                move.setObject(5, id);
                move.setString(6, owner);
                move.setLong(7, from.sealId());
                move.setLong(8, from.seq());
                if (move.executeUpdate() != 1) {
                    connection.rollback();
                    return false;
                }
                if (!delivered.isEmpty()) {
                    insertDelivered(connection, delivered);
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Statements.unavailable(UNAVAILABLE, e);
        }
    }

    /** What a delivery's content is, the columns {@link #bindEvent} sets first, in its order. */
    private static final String EVENT_COLUMNS = "subscription_id, webhook_id, event_id, event_count, last_event_id, type, "
            + "seal_id, seq, body";

    /**
     * A delivery's first nine columns ({@link #EVENT_COLUMNS}): subscription, webhook id, events, type, position, body
     * (none once delivered: V92).
     */
    private static void bindEvent(PreparedStatement statement, Delivery d) throws SQLException {
        statement.setObject(1, d.subscriptionId());
        statement.setString(2, d.webhookId());
        statement.setObject(3, d.eventId());
        statement.setInt(4, d.events());
        statement.setObject(5, d.lastEventId());
        statement.setString(6, d.type());
        statement.setLong(7, d.position().sealId());
        statement.setLong(8, d.position().seq());
        statement.setString(9, d.status() == EventDeliveryStatus.DELIVERED ? null : d.body());
    }

    /** The deliveries of a page, as delivered with their one attempt (their bodies not kept), in one round trip. */
    private static void insertDelivered(Connection connection, List<Delivery> delivered) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_deliveries (" + EVENT_COLUMNS
                + ", status, attempts, created_at, first_attempt_at, last_attempt_at, last_status, latency_ms, delivered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Delivery d : delivered) {
                bindEvent(insert, d);
                insert.setString(10, d.status().toString());
                insert.setInt(11, d.attempts());
                insert.setTimestamp(12, time(d.createdAt()));
                insert.setTimestamp(13, time(d.firstAttemptAt()));
                insert.setTimestamp(14, time(d.lastAttemptAt()));
                insert.setObject(15, d.lastStatus());
                insert.setObject(16, d.latencyMs());
                insert.setTimestamp(17, time(d.deliveredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Gives the lease back, due again at {@code next}. */
    void release(UUID id, String owner, Instant next) {
        run("UPDATE event_subscriptions SET lease_owner = NULL, lease_until = NULL, next_attempt_at = ? WHERE subscription_id = ? "
                + "AND lease_owner = ?", statement -> {
                    statement.setTimestamp(1, Timestamp.from(next));
                    statement.setObject(2, id);
                    statement.setString(3, owner);
                    return statement.executeUpdate();
                });
    }

    /** The delivery of this subscription being retried, if any. */
    Optional<Delivery> open(UUID subscriptionId) {
        return run("SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries WHERE subscription_id = ? AND status = 'PENDING' "
                + "ORDER BY delivery_id LIMIT 1", statement -> {
                    statement.setObject(1, subscriptionId);
                    List<Delivery> found = deliveries(statement);
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
    }

    Delivery insert(Delivery d) {
        return run("INSERT INTO event_deliveries (" + EVENT_COLUMNS + ", status, attempts, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING " + DELIVERY_COLUMNS, statement -> {
                    bindEvent(statement, d);
                    statement.setString(10, EventDeliveryStatus.PENDING.toString());
                    statement.setTimestamp(11, Timestamp.from(d.createdAt()));
                    return deliveries(statement).get(0);
                });
    }

    /**
     * Writes an attempt's result, unless a replay abandoned the delivery meanwhile; once delivered, its body is no longer
     * kept (V92).
     */
    void attempted(Delivery d) {
        run("UPDATE event_deliveries SET status = ?, attempts = ?, first_attempt_at = ?, last_attempt_at = ?, next_attempt_at = ?, "
                + "last_status = ?, last_error = ?, latency_ms = ?, delivered_at = ?, body = CASE WHEN ? = 'DELIVERED' "
                + "THEN NULL ELSE body END WHERE delivery_id = ? AND status = 'PENDING'",
                statement -> {
                    statement.setString(1, d.status().toString());
                    statement.setInt(2, d.attempts());
                    statement.setTimestamp(3, time(d.firstAttemptAt()));
                    statement.setTimestamp(4, time(d.lastAttemptAt()));
                    statement.setTimestamp(5, time(d.nextAttemptAt()));
                    statement.setObject(6, d.lastStatus());
                    statement.setString(7, d.lastError());
                    statement.setObject(8, d.latencyMs());
                    statement.setTimestamp(9, time(d.deliveredAt()));
                    statement.setString(10, d.status().toString());
                    statement.setLong(11, d.id());
                    return statement.executeUpdate();
                });
    }

    List<Delivery> deliveries(UUID subscriptionId, int limit) {
        return run("SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries WHERE subscription_id = ? ORDER BY delivery_id DESC "
                + "LIMIT ?", statement -> {
                    statement.setObject(1, subscriptionId);
                    statement.setInt(2, limit);
                    return deliveries(statement);
                });
    }

    /** How many subscriptions are in each state (for the gauges). */
    long count(EventSubscriptionState state) {
        return run("SELECT count(*) FROM event_subscriptions WHERE state = ?", statement -> {
            statement.setString(1, state.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private <T> T run(String sql, Statements.Work<T> work) {
        return Statements.run(dataSource, sql, work, UNAVAILABLE);
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Subscription> subscriptions(PreparedStatement statement) throws SQLException {
        return Statements.rows(statement, SubscriptionStore::subscription);
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        long lag = rs.getLong("lag_ms");
        Long lagMs = rs.wasNull() ? null : lag;
        return new Subscription(rs.getObject("subscription_id", UUID.class), rs.getString("endpoint"),
                EventFormat.fromValue(rs.getString("format")), EventSigning.fromValue(rs.getString("signing")),
                rs.getString("secret_sealed"), rs.getString("splunk_token_sealed"), rs.getString("splunk_index"),
                rs.getString("description"), texts(rs, "filter_actions"), texts(rs, "filter_accounts"),
                texts(rs, "filter_outcomes"), EventSubscriptionState.fromValue(rs.getString("state")),
                rs.getString("state_reason"), new Position(rs.getLong("cursor_seal"), rs.getLong("cursor_seq")),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                instant(rs, "last_delivered_at"), lagMs, rs.getInt("max_events_per_request"));
    }

    private static List<Delivery> deliveries(PreparedStatement statement) throws SQLException {
        return Statements.rows(statement, SubscriptionStore::delivery);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int last = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : last;
        long latency = rs.getLong("latency_ms");
        Long latencyMs = rs.wasNull() ? null : latency;
        return new Delivery(rs.getLong("delivery_id"), rs.getObject("subscription_id", UUID.class),
                rs.getString("webhook_id"), rs.getObject("event_id", UUID.class), rs.getString("type"),
                new Position(rs.getLong("seal_id"), rs.getLong("seq")), rs.getString("body"),
                EventDeliveryStatus.fromValue(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "first_attempt_at"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
                lastStatus, rs.getString("last_error"), latencyMs, instant(rs, "delivered_at"), rs.getInt("event_count"),
                rs.getObject("last_event_id", UUID.class));
    }
}
