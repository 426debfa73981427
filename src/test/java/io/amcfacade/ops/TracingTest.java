package io.amcfacade.ops;

import static io.amcfacade.support.InvitationsApi.ACCOUNT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.sandbox.SandboxStats;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.OtlpReceiver;
import io.amcfacade.support.OtlpReceiver.ReceivedSpan;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One invite's trace, as an OTLP collector receives it (the in-build {@link OtlpReceiver}): the caller's request span
 * continues the caller's {@code traceparent}; each AMC attempt and each audit commit is a child of it, with the AMC
 * operation, attempt number, status and request id; the action's audit record holds the trace id; and the simulated
 * AMC received no trace context.
 */
@QuarkusTest
@QuarkusTestResource(OtlpReceiver.class) // for every @QuarkusTest: a receiver started once, no profile of its own
class TracingTest {

    private static final int SERVER = 2;
    private static final int CLIENT = 3;

    @Inject
    SandboxStats sandbox;

    @Test
    void oneInvitesTraceRunsFromTheCallerToEachAmcAttemptAndAuditCommit() throws InterruptedException {
        String admin = Callers.uniqueSubject("tracing");
        String token = Callers.token(admin, "amc-admin");
        String traceId = hex(16);
        String callerSpan = hex(8);
        long traceContextBefore = sandbox.requestsWithTraceContext();

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("invitations", List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("trace"), "viewer"))))
                .post("/v1/accounts/{account}/invitations", ACCOUNT)
                .then().statusCode(200);

        List<ReceivedSpan> spans = awaitSpans(traceId);
        List<ReceivedSpan> served = spans.stream().filter(s -> s.kind() == SERVER).toList();
        assertThat(served).as("one server span in the trace: the simulated AMC's requests do not continue it, "
                + "which they would if trace context were sent to it").hasSize(1);
        ReceivedSpan request = served.get(0);
        assertThat(request.parentSpanId()).as("the caller's span is the request's parent").isEqualTo(callerSpan);

        List<ReceivedSpan> attempts = spans.stream().filter(s -> s.name().equals("AMC POST /user-invitations")).toList();
        assertThat(attempts).as("the invite's AMC attempt").hasSize(1);
        ReceivedSpan attempt = attempts.get(0);
        assertThat(attempt.kind()).isEqualTo(CLIENT);
        assertThat(attempt.parentSpanId()).as("an AMC attempt is a child of the request").isEqualTo(request.spanId());
        assertThat(attempt.attributes()).containsEntry("amc.operation", "POST /user-invitations")
                .containsEntry("amc.attempt", 1L)
                .containsKey("amc.request_id");
        assertThat(((Number) attempt.attributes().get("http.response.status_code")).intValue()).isBetween(200, 299);

        List<ReceivedSpan> commits = spans.stream().filter(s -> s.name().equals("audit commit")).toList();
        assertThat(commits).as("the intent (with its targets) and the outcome are committed").hasSizeGreaterThanOrEqualTo(2);
        assertThat(commits).allSatisfy(commit -> assertThat(commit.parentSpanId()).isEqualTo(request.spanId()));
        assertThat(commits).anySatisfy(commit -> assertThat(commit.attributes()).containsEntry("audit.durable", true));

        String recorded = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .get("/v1/audit/events?actor={actor}&action=INVITATIONS_CREATE", admin)
                .then().statusCode(200).extract().path("events[0].traceId");
        assertThat(recorded).as("the trace id in the action's audit record").isEqualTo(traceId);

        assertThat(sandbox.requestsWithTraceContext() - traceContextBefore)
                .as("requests that reached the simulated AMC or Login with Amazon with trace context").isZero();
    }

    /** The spans of one trace once the request's own span has come (the last to end), and a little after. */
    private static List<ReceivedSpan> awaitSpans(String traceId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            if (OtlpReceiver.spans(traceId).stream().anyMatch(s -> s.kind() == SERVER)) {
                Thread.sleep(500);
                return OtlpReceiver.spans(traceId);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no request span of trace " + traceId + " reached the receiver; got "
                + OtlpReceiver.spans(traceId));
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which W3C trace context treats as invalid
        return HexFormat.of().formatHex(id);
    }
}
