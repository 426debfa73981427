package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Problem;
import io.amcfacade.audit.storage.AuditUnavailableException;
import io.amcfacade.ops.Tracing;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.UpstreamExchange;
import io.amcfacade.web.ApiPaths;
import io.amcfacade.web.RequestMetadata;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.recording.Actor;
import io.amcfacade.audit.recording.AuditRecorder;
import io.amcfacade.audit.recording.Outcomes;
import io.amcfacade.audit.recording.Replays;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Audits every {@link Audited} resource method: prepares the intent before the method runs, which
 * {@link AuditTrail} commits before the action touches anything (its failure refuses the request with
 * 503), and appends the outcome once the response is decided. An action that touched nothing (an audit
 * query, a refusal before any AMC call) is committed whole with its outcome, and its answer leaves only
 * once that commit holds: if it fails, the answer is replaced by the 503. Requests denied before the
 * method could run (401/403) are recorded whole.
 */
public class AuditFilter {

    private static final int MAX_DETAIL = 1000;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    AuditRecorder recorder;
    @Inject
    AuditContext audit;
    @Inject
    AuditTrail trail;
    @Inject
    AuditQueries queries;
    @Inject
    RequestMetadata request;
    @Inject
    Tracing tracing;
    @Inject
    UpstreamExchange upstream;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public void recordIntent(ResourceInfo resource, UriInfo uri, ContainerRequestContext context) {
        Audited audited = auditedOf(resource);
        if (audited == null) {
            return;
        }
        TrailRecord intent = intent(audited, uri, context, Actor.of(identity));
        audit.begun(intent.eventId, withPathTarget(audited, intent));
        upstream.beforeEachCall(trail::commitIntent);
    }

    @ServerResponseFilter
    public Uni<Void> recordOutcome(ResourceInfo resource, UriInfo uri, ContainerRequestContext context,
            ContainerResponseContext response) {
        Audited audited = auditedOf(resource);
        if (audited == null) {
            return isRefusalOfTheApi(uri, response) ? recordRefusal(uri, context, response) : Uni.createFrom().voidItem();
        }
        List<TrailRecord> records = new ArrayList<>();
        UUID eventId = audit.eventId();
        if (eventId == null) {
            // Refused before the intent filter ran (401/403): the whole action is recorded now.
            TrailRecord intent = intent(audited, uri, context, unauthenticated(response) ? Actor.ANONYMOUS : Actor.of(identity));
            eventId = intent.eventId;
            records.addAll(withPathTarget(audited, intent));
        }
        List<TrailRecord> uncommitted = audit.uncommittedIntent();
        records.addAll(uncommitted);
        records.addAll(AuditRecords.targets(eventId, audit.results(), 200));
        records.add(outcome(eventId, response));
        if (!uncommitted.isEmpty() && !databaseWasUnreachable(records)) {
            return answerOnlyOnceRecorded(records, response);
        }
        return write(records);
    }

    /**
     * The action touched nothing before its answer, so its intent was never committed: the whole action
     * is committed now, and the answer goes out only if that holds (fail closed, like an intent).
     */
    private Uni<Void> answerOnlyOnceRecorded(List<TrailRecord> records, ContainerResponseContext response) {
        return blocking(() -> commitWholeOrRefuse(records, response));
    }

    private void commitWholeOrRefuse(List<TrailRecord> records, ContainerResponseContext response) {
        try {
            recorder.commitIntent(records);
            audit.intentCommitted();
        } catch (AuditUnavailableException refused) {
            Problem problem = refused.problem();
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.getHeaders().remove(HttpHeaders.ETAG);
            refused.headers().forEach(response.getHeaders()::putSingle);
            response.setStatus(problem.getStatus());
            response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problems.MEDIA_TYPE));
        }
    }

    /**
     * A request the facade refused before any action could take it (no such path or method, a body too
     * large, a URI too long, a console session it cannot read): recorded whole as
     * {@link AuditAction#REQUEST_REFUSED}, so that no request to the API goes unrecorded. The sandbox and the
     * framework's own endpoints ({@code /q}) are not the API.
     */
    private Uni<Void> recordRefusal(UriInfo uri, ContainerRequestContext context, ContainerResponseContext response) {
        TrailRecord intent = intent(AuditAction.REQUEST_REFUSED, null, null, context, uri, Actor.ANONYMOUS);
        List<TrailRecord> records = List.of(intent, outcome(intent.eventId, response));
        if (unauthenticated(response)) {
            return write(records);
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            describe(intent, Actor.of(identity));
            return write(records);
        }
        // Refused on the I/O thread before anything resolved the caller: resolve them without blocking it.
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .invoke(caller -> describe(intent, Actor.of(caller)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(caller -> recorder.append(records))
                .replaceWithVoid();
    }

    private static void describe(TrailRecord intent, Actor actor) {
        intent.actorSubject = actor.subject();
        intent.actorName = actor.name();
        intent.actorRoles = String.join(",", actor.roles());
    }

    /**
     * Refused for want of a caller it could identify: a 401, or the console's redirect to sign in again, which
     * keeps the 401's problem. The identity is not asked: it is the very thing that could not be resolved.
     */
    private static boolean unauthenticated(ContainerResponseContext response) {
        return response.getStatus() == 401
                || response.getEntity() instanceof Problem problem && ProblemCode.UNAUTHORIZED.name().equals(problem.getCode());
    }

    private static boolean isRefusalOfTheApi(UriInfo uri, ContainerResponseContext response) {
        return (response.getStatus() >= 400 || unauthenticated(response)) && ApiPaths.isApi(uri.getPath());
    }

    private Uni<Void> write(List<TrailRecord> records) {
        if (databaseWasUnreachable(records)) {
            // The answer already says the database cannot be reached: trying to record it too must not
            // hold the answer back by another connection timeout. The attempt goes on in the background.
            Infrastructure.getDefaultWorkerPool().execute(() -> recorder.append(records));
            return Uni.createFrom().voidItem();
        }
        return blocking(() -> recorder.append(records));
    }

    /**
     * Runs a database write here when this thread may block, else on a worker: denials can be decided on
     * the I/O thread, and the write must not run there.
     */
    private static Uni<Void> blocking(Runnable write) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            write.run();
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static boolean databaseWasUnreachable(List<TrailRecord> records) {
        String code = records.get(records.size() - 1).errorCode;
        return ProblemCode.AUDIT_UNAVAILABLE.name().equals(code) || ProblemCode.RATE_LIMIT_UNAVAILABLE.name().equals(code);
    }

    private TrailRecord intent(Audited audited, UriInfo uri, ContainerRequestContext context, Actor actor) {
        TrailRecord intent = intent(audited.action(), uri.getPathParameters().getFirst(audited.accountParam()),
                audited.targetParam().isEmpty() ? null : audited.targetKind(), context, uri, actor);
        intent.targetId = audited.targetParam().isEmpty() ? null
                : truncate(uri.getPathParameters().getFirst(audited.targetParam()));
        return intent;
    }

    private TrailRecord intent(AuditAction action, String accountId, TargetKind targetKind, ContainerRequestContext context,
            UriInfo uri, Actor actor) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
        intent.occurredAt = TrailRecord.micros(request.receivedAt());
        describe(intent, actor);
        intent.onBehalfOf = request.onBehalfOf();
        intent.clientIp = request.clientIp();
        intent.userAgent = request.userAgent();
        intent.correlationId = request.correlationId();
        intent.traceId = tracing.currentTraceId();
        intent.action = action.name();
        intent.httpMethod = truncate(context.getMethod());
        intent.path = truncate(uri.getPath());
        intent.accountId = truncate(accountId);
        intent.targetKind = targetKind == null ? null : targetKind.name();
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
        if (audit.isReplay()) {
            UUID original = audit.replayOf();
            Replays.mark(outcome, original, original == null ? java.util.Optional.empty() : queries.find(original));
            outcome.detail = truncate(outcome.detail);
        }
        outcome.upstreamAttempts = upstream.attempts();
        outcome.upstreamStatus = upstream.lastStatus();
        outcome.upstreamRequestId = upstream.lastRequestId();
        outcome.upstreamRegion = upstream.lastRegion();
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
