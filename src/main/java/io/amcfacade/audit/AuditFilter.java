package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;

import java.lang.reflect.Method;
import java.util.ArrayList;
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
        TrailRecord intent = intent(audited, uri, context, Actor.of(identity));
        recorder.commitIntent(withPathTarget(audited, intent));
        audit.begun(intent.eventId);
    }

    @ServerResponseFilter
    public Uni<Void> recordOutcome(ResourceInfo resource, UriInfo uri, ContainerRequestContext context,
            ContainerResponseContext response) {
        Audited audited = auditedOf(resource);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        List<TrailRecord> records = new ArrayList<>();
        UUID eventId = audit.eventId();
        if (eventId == null) {
            // Refused before the intent filter ran (401/403): the whole action is recorded now.
            TrailRecord intent = intent(audited, uri, context, response.getStatus() == 401 ? Actor.ANONYMOUS : Actor.of(identity));
            eventId = intent.eventId;
            records.addAll(withPathTarget(audited, intent));
        }
        records.addAll(AuditRecords.targets(eventId, audit.results(), 200));
        records.add(outcome(eventId, response));
        if (BlockingOperationControl.isBlockingAllowed()) {
            recorder.append(records);
            return Uni.createFrom().voidItem();
        }
        // Denials can be decided on the I/O thread; the database write must not run there.
        return Uni.createFrom().item(() -> {
            recorder.append(records);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private TrailRecord intent(Audited audited, UriInfo uri, ContainerRequestContext context, Actor actor) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
        intent.occurredAt = TrailRecord.micros(request.receivedAt());
        intent.actorSubject = actor.subject();
        intent.actorName = actor.name();
        intent.actorRoles = String.join(",", actor.roles());
        intent.onBehalfOf = request.onBehalfOf();
        intent.clientIp = request.clientIp();
        intent.userAgent = request.userAgent();
        intent.correlationId = request.correlationId();
        intent.action = audited.action().name();
        intent.httpMethod = context.getMethod();
        intent.path = truncate(uri.getPath());
        intent.accountId = truncate(uri.getPathParameters().getFirst(audited.accountParam()));
        intent.targetKind = audited.targetParam().isEmpty() ? null : audited.targetKind().name();
        intent.targetId = audited.targetParam().isEmpty() ? null
                : truncate(uri.getPathParameters().getFirst(audited.targetParam()));
        intent.idempotencyKey = truncate(context.getHeaderString(IDEMPOTENCY_KEY));
        return intent;
    }

    private TrailRecord outcome(UUID eventId, ContainerResponseContext response) {
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, eventId);
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

    /** The intent, and the target named in the path as a target record so target queries find it. */
    private static List<TrailRecord> withPathTarget(Audited audited, TrailRecord intent) {
        List<TrailRecord> records = new ArrayList<>(2);
        records.add(intent);
        if (intent.targetId != null) {
            records.addAll(AuditRecords.targets(intent.eventId,
                    List.of(new AuditTargetEntry(audited.targetKind(), intent.targetId, null, null, null)), 0));
        }
        return records;
    }

    private static Audited auditedOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(Audited.class);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_DETAIL ? value : value.substring(0, MAX_DETAIL);
    }
}
