package io.amcfacade.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests the HTTP codec refuses before the facade sees them, sent as a fuzzer sends them (over a socket:
 * HTTP clients refuse to write such bytes). Each is answered with a bare status that echoes nothing, counted
 * by status and reason, logged in one line with a correlation id and never with what was sent, and the next
 * request is served as usual.
 */
@QuarkusTest
class CodecRefusalsTest {

    private static final String METRIC = "amc_http_codec_refusals_total";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(CodecRefusals.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(CodecRefusals.class.getName()).removeHandler(capture);
    }

    @Test
    void eachKindTheCodecRefusesIsCountedLoggedWithACorrelationIdAndEchoesNothing() {
        String marker = "fuzz" + UUID.randomUUID().toString().substring(0, 8);
        String token = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
        String valid = "GET /v1/audit/events?limit=1&" + marker + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n";
        List<Refusal> refusals = List.of(
                new Refusal(valid + "X-Probe: " + marker + "\u0000b\r\n", 400, "invalid-header"),
                new Refusal(valid + "X-Probe: " + marker + "\u0001b\r\n", 400, "invalid-header"),
                new Refusal(valid + "X-Probe: " + marker + "\u007fb\r\n", 400, "invalid-header"),
                new Refusal(valid + "X-Probe: " + marker + "\u001b[31m\r\n", 400, "invalid-header"),
                new Refusal(valid + "X-Pr\u0001obe: " + marker + "\r\n", 400, "invalid-header"),
                new Refusal("GET /v1/audit/events?" + marker + "=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n", 414,
                        "line-too-long"),
                new Refusal(valid + "X-Pad: " + marker + "p".repeat(70_000) + "\r\n", 431, "headers-too-large"),
                new Refusal("G(T /v1/" + marker + " HTTP/1.1\r\nHost: localhost\r\n", 400, "malformed"),
                new Refusal("GET /v1/" + marker + "/%zz HTTP/1.1\r\nHost: localhost\r\n", 400, "bad-target"),
                new Refusal("GET /v1/audit/events?action=%zz&" + marker + " HTTP/1.1\r\nHost: localhost\r\n", 400, "bad-target"),
                new Refusal("GET /v1/" + marker + "\u0001b HTTP/1.1\r\nHost: localhost\r\n", 400, "bad-target"),
                new Refusal("GET http://[::1/v1/" + marker + " HTTP/1.1\r\nHost: localhost\r\n", 400, "bad-target"));
        String before = metrics();

        for (Refusal refusal : refusals) {
            RawHttp.Answer answer = RawHttp.exchange((refusal.request() + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(answer.status()).as(refusal.reason() + " " + refusal.status()).isEqualTo(refusal.status());
            assertThat(answer.text()).as("the answer echoes nothing that was sent").doesNotContain(marker);
            assertThat(answer.body()).isEmpty();
        }

        String after = metrics();
        for (int status : List.of(400, 414, 431)) {
            for (String reason : List.of("invalid-header", "line-too-long", "headers-too-large", "malformed", "bad-target")) {
                long sent = refusals.stream().filter(r -> r.status() == status && r.reason().equals(reason)).count();
                String labels = "reason=\"" + reason + "\",status=\"" + status + "\"";
                assertThat(Metrics.sum(after, METRIC, labels) - Metrics.sum(before, METRIC, labels))
                        .as(METRIC + "{" + labels + "}").isEqualTo(sent);
            }
        }
        List<String> lines = logged.stream().filter(line -> line.contains("HTTP codec refused")).toList();
        assertThat(lines).hasSize(refusals.size());
        assertThat(lines).allSatisfy(line -> assertThat(line).containsPattern("correlation id [0-9a-f-]{36}").doesNotContain(marker));
        given().auth().oauth2(token).get("/v1/audit/events?limit=1").then().statusCode(200);
    }

    @Test
    void aWellFormedRequestIdReadBeforeTheBadHeaderIsTheLoggedCorrelationId() {
        String correlationId = "fuzz-" + UUID.randomUUID();

        RawHttp.Answer answer = RawHttp.exchange(("GET /v1/accounts HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + correlationId
                + "\r\nX-Probe: a\u0000b\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("HTTP codec refused").contains("correlation id " + correlationId));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private record Refusal(String request, int status, String reason) {
    }
}
