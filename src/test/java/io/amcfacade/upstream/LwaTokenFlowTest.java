package io.amcfacade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/** The Login with Amazon token flow, against the sandbox's token endpoint over real HTTP. */
@QuarkusTest
class LwaTokenFlowTest {

    @Test
    void aCachedTokenServesLaterCallsWithoutAnotherRefresh() {
        String token = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        listAccounts(token);
        long grants = Sandbox.requests(Sandbox.LWA_TOKEN);

        listAccounts(token);
        listAccounts(token);

        assertThat(Sandbox.requests(Sandbox.LWA_TOKEN)).isEqualTo(grants);
    }

    @Test
    void anAccessTokenAmcRejectsIsRefreshedOnceAndTheCallSucceeds() {
        String subject = Callers.uniqueSubject("viewer");
        String token = Callers.token(subject, "amc-viewer");
        listAccounts(token);
        long grants = Sandbox.requests(Sandbox.LWA_TOKEN);
        long accountCalls = Sandbox.requests(Sandbox.ACCOUNTS);

        // North America's token expires (the sandbox's default region, /sandbox/lwa/expire-tokens).
        Sandbox.expireAccessTokens();
        io.restassured.path.json.JsonPath list = io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/v1/accounts").then().statusCode(200).extract().jsonPath();
        int pages = (list.getList("accounts.findAll { it.region == 'na' }").size() + 1) / 2;
        int otherPages = 0;
        for (String region : List.of("eu", "fe")) {
            otherPages += Math.max(1, (list.getList("accounts.findAll { it.region == '" + region + "' }").size() + 1) / 2);
        }

        assertThat(Sandbox.requests(Sandbox.LWA_TOKEN)).isEqualTo(grants + 1);
        // First page: 401, then again with the new token; every further page (two accounts each): once.
        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(accountCalls + pages + 1);
        AuditEvent event = AuditTrail.eventsOf(subject).get(0);
        assertThat(event).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome);
        // The other regions' tokens were not touched: their pages went once each.
        assertThat(event.getUpstream()).returns(pages + 1 + otherPages, AuditUpstream::getAttempts)
                .returns(200, AuditUpstream::getStatus);
    }

    @Test
    void concurrentCallsThatMeetARejectedTokenShareOneRefresh() throws Exception {
        String token = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        listAccounts(token);
        Sandbox.expireAccessTokens();
        long grants = Sandbox.requests(Sandbox.LWA_TOKEN);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                        .get("/v1/accounts").statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(Sandbox.requests(Sandbox.LWA_TOKEN)).isEqualTo(grants + 1);
    }

    /** @return how many accounts were listed (tests may add accounts to the sandbox) */
    private static int listAccounts(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token).get("/v1/accounts").then().statusCode(200)
                .extract().jsonPath().getList("accounts").size();
    }
}
