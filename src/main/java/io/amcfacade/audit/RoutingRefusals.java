package io.amcfacade.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.Problem;
import io.amcfacade.audit.recording.Actor;
import io.amcfacade.audit.recording.AuditRecorder;
import io.amcfacade.audit.recording.Outcomes;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.Problems;
import io.amcfacade.web.ApiPaths;
import io.amcfacade.web.CorrelationIdFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers the requests Vert.x's router refuses before any route takes them — no {@code Host} header or one
 * that names no host, a request target that is not a path — with a problem
 * document, audited as {@link AuditAction#REQUEST_REFUSED} like the facade's own refusals. Left to Quarkus's
 * error handler they were a bare status or its own JSON (with a stack trace in dev and test), each logged at
 * ERROR — one error line per stranger's request — and recorded nowhere. It is a failure handler: a request the
 * router takes never reaches it.
 */
@ApplicationScoped
public class RoutingRefusals {

    private static final int MAX_TEXT = 1000;

    @Inject
    AuditRecorder recorder;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuse);
    }

    void refuse(RoutingContext context) {
        HttpServerRequest request = context.request();
        String defect = defect(request);
        if (defect == null || context.response().headWritten()) {
            context.next();
            return;
        }
        Instant received = Instant.now();
        String correlationId = CorrelationIdFilter.offeredOrNew(request.getHeader(CorrelationIdFilter.HEADER));
        Problem problem = Problems.of(ProblemCode.BAD_REQUEST, defect);
        problem.setCorrelationId(correlationId);
        if (!ApiPaths.isApi(request.path())) {
            answer(context, problem);
            return;
        }
        List<TrailRecord> records = records(request, problem, correlationId, received);
        context.vertx().executeBlocking(() -> {
            recorder.append(records);
            return null;
        }, false).onComplete(recorded -> answer(context, problem));
    }

    /** What is wrong with a request the router refused, in words that quote nothing it sent; null if none of these. */
    static String defect(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            return "The request names no valid host: HTTP/1.1 requires a Host header with a host name.";
        }
        String path = request.path();
        if (path == null || !path.startsWith("/")) {
            return "The request target is not a path (it must start with /).";
        }
        return null;
    }

    private static List<TrailRecord> records(HttpServerRequest request, Problem problem, String correlationId, Instant received) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
        intent.occurredAt = TrailRecord.micros(received);
        intent.actorRoles = String.join(",", Actor.ANONYMOUS.roles());
        intent.clientIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        intent.userAgent = truncate(request.getHeader("User-Agent"));
        intent.correlationId = correlationId;
        intent.action = AuditAction.REQUEST_REFUSED.name();
        intent.httpMethod = truncate(request.method().name());
        intent.path = truncate(request.path());
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, intent.eventId);
        outcome.httpStatus = problem.getStatus();
        outcome.errorCode = problem.getCode();
        outcome.detail = problem.getDetail();
        outcome.outcome = Outcomes.of(problem.getStatus(), problem.getCode()).toString();
        outcome.latencyMs = Math.max(0, Instant.now().toEpochMilli() - received.toEpochMilli());
        return List.of(intent, outcome);
    }

    private void answer(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.next();
            return;
        }
        context.response().setStatusCode(problem.getStatus())
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader(CorrelationIdFilter.HEADER, problem.getCorrelationId())
                .putHeader("Connection", "close")
                .end(body);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }
}
