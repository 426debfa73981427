package io.amcfacade.audit;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Problem;
import io.amcfacade.upstream.UpstreamExchange;
import io.amcfacade.web.RequestMetadata;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Audits every {@link Audited} resource method: commits the intent before the method runs (its
 * failure refuses the request with 503) and appends the outcome once the response is decided.
 * Requests denied before the method could run (401/403) are recorded whole.
 */
public class AuditFilter {

    private static final int MAX_DETAIL = 1000;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    AuditRecorder recorder;
    @Inject
    AuditContext audit;
    @Inject
    RequestMetadata request;
    @Inject
    UpstreamExchange upstream;
    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void recordIntent(ResourceInfo resource, UriInfo uri, ContainerRequestContext context) {
        Audited audited = auditedOf(resource);
        if (audited == null) {
            return;
        }
        AuditEventEntity intent = event(audited, uri, context, Actor.of(identity));
        recorder.begin(intent, pathTargets(audited, intent));
        audit.begun(intent.eventId);
    }

    @ServerResponseFilter
    public Uni<Void> recordOutcome(ResourceInfo resource, UriInfo uri, ContainerRequestContext context,
            ContainerResponseContext response) {
        Audited audited = auditedOf(resource);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        AuditOutcomeEntity outcome = outcome(response);
        Runnable write;
        if (audit.eventId() != null) {
            outcome.eventId = audit.eventId();
            List<AuditTargetEntry> results = List.copyOf(audit.results());
            write = () -> recorder.complete(outcome, results);
        } else {
            Actor actor = response.getStatus() == 401 ? Actor.ANONYMOUS : Actor.of(identity);
            AuditEventEntity event = event(audited, uri, context, actor);
            outcome.eventId = event.eventId;
            write = () -> recorder.recordEnded(event, pathTargets(audited, event), outcome);
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
            return Uni.createFrom().voidItem();
        }
        // Denials can be decided on the I/O thread; the database write must not run there.
        return Uni.createFrom().item(() -> {
            write.run();
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private AuditEventEntity event(Audited audited, UriInfo uri, ContainerRequestContext context, Actor actor) {
        AuditEventEntity event = new AuditEventEntity();
        event.eventId = UUID.randomUUID();
        event.occurredAt = request.receivedAt();
        event.actorSubject = actor.subject();
        event.actorName = actor.name();
        event.actorRoles = actor.roles();
        event.onBehalfOf = request.onBehalfOf();
        event.clientIp = request.clientIp();
        event.userAgent = request.userAgent();
        event.correlationId = request.correlationId();
        event.action = audited.action();
        event.httpMethod = context.getMethod();
        event.path = truncate(uri.getPath());
        event.accountId = truncate(uri.getPathParameters().getFirst(audited.accountParam()));
        event.targetId = audited.targetParam().isEmpty() ? null
                : truncate(uri.getPathParameters().getFirst(audited.targetParam()));
        event.idempotencyKey = truncate(context.getHeaderString(IDEMPOTENCY_KEY));
        return event;
    }

    private AuditOutcomeEntity outcome(ContainerResponseContext response) {
        AuditOutcomeEntity outcome = new AuditOutcomeEntity();
        outcome.completedAt = Instant.now();
        outcome.httpStatus = response.getStatus();
        if (response.getEntity() instanceof Problem problem) {
            outcome.errorCode = problem.getCode();
            outcome.detail = truncate(problem.getDetail());
        }
        AuditOutcome reported = audit.reportedOutcome();
        outcome.outcome = (reported != null && response.getStatus() < 400 ? reported
                : Outcomes.of(response.getStatus(), outcome.errorCode)).toString();
        outcome.upstreamAttempts = upstream.attempts();
        outcome.upstreamStatus = upstream.lastStatus();
        outcome.upstreamRequestId = upstream.lastRequestId();
        outcome.latencyMs = request.elapsedMillis();
        return outcome;
    }

    private static List<AuditTargetEntry> pathTargets(Audited audited, AuditEventEntity event) {
        return event.targetId == null ? List.of()
                : List.of(new AuditTargetEntry(audited.targetKind(), event.targetId, null, null, null));
    }

    private static Audited auditedOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(Audited.class);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_DETAIL ? value : value.substring(0, MAX_DETAIL);
    }
}
