package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When an action's intent is committed, and with what (decision 0021): with the targets a feature names
 * before it calls AMC, so a revoke writes its intent once rather than the intent and then its targets;
 * and an action that touches nothing (an audit query) in one transaction with its outcome. The rows'
 * {@code txid} (the database's own transaction id, set on insert) says which records went together.
 */
@QuarkusTest
class IntentCommitTest {

    /** One audit record of an event: its kind and the transaction that wrote it. */
    private record Row(String kind, Integer position, long txid) {
    }

    @Test
    void aRevokeCommitsItsIntentWithItsTargetsAndItsOutcomeAfterAmcAnswered() throws SQLException {
        String admin = Callers.uniqueSubject("intent-commit-admin");
        String token = Callers.token(admin, "amc-admin");
        String invitationId = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("intent-commit"), "viewer");

        InvitationsApi.change(token, invitationId, "revoke").statusCode(200);

        List<Row> rows = rowsOf(admin, "INVITATION_REVOKE");
        long intent = txidOf(rows, "INTENT");
        // Targets named before the action (the path's, the feature's: positions below 200) go with the intent;
        // per-target results (200 on) go with the outcome.
        assertThat(rows).filteredOn(row -> row.kind().equals("TARGET") && row.position() < 200).hasSizeGreaterThan(1)
                .allSatisfy(target -> assertThat(target.txid()).as("targets committed with the intent").isEqualTo(intent));
        assertThat(rows).filteredOn(row -> row.kind().equals("DETAILS"))
                .allSatisfy(details -> assertThat(details.txid()).isEqualTo(intent));
        assertThat(txidOf(rows, "OUTCOME")).as("the outcome is written after AMC answered").isNotEqualTo(intent);
        assertThat(rows.stream().map(Row::txid).distinct()).hasSize(2);
    }

    @Test
    void anActionThatTouchesNothingIsCommittedWholeWithItsOutcome() throws SQLException {
        String auditor = Callers.uniqueSubject("intent-commit-auditor");
        Callers.as(auditor, "auditor").queryParam("limit", 1).get("/v1/audit/events").then().statusCode(200);

        List<Row> rows = rowsOf(auditor, "AUDIT_QUERY");
        assertThat(rows).extracting(Row::kind).contains("INTENT", "OUTCOME");
        assertThat(rows.stream().map(Row::txid).distinct()).as("one transaction for the whole query").hasSize(1);
    }

    @Test
    void aReadCommitsItsIntentBeforeItCallsAmc() throws SQLException {
        String viewer = Callers.uniqueSubject("intent-commit-viewer");
        Callers.as(viewer, "amc-viewer").get("/v1/accounts").then().statusCode(200);

        List<Row> rows = rowsOf(viewer, "ACCOUNTS_LIST");
        assertThat(txidOf(rows, "OUTCOME")).as("intent before the AMC call, outcome after it")
                .isNotEqualTo(txidOf(rows, "INTENT"));
    }

    private static long txidOf(List<Row> rows, String kind) {
        return rows.stream().filter(row -> row.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " record in " + rows)).txid();
    }

    /** Every record of the one event of {@code action} by {@code actor}. */
    private static List<Row> rowsOf(String actor, String action) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT r.kind, r.position, r.txid FROM audit_records r
                        WHERE r.event_id = (SELECT i.event_id FROM audit_records i
                                            WHERE i.kind = 'INTENT' AND i.actor_subject = ? AND i.action = ?)
                        ORDER BY r.seq""")) {
            query.setString(1, actor);
            query.setString(2, action);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), (Integer) result.getObject(2), result.getLong(3)));
                }
            }
            return rows;
        }
    }
}
