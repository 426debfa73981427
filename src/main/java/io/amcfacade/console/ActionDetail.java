package io.amcfacade.console;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.AuditUpstream;
import io.quarkus.qute.TemplateData;

/**
 * One action as its Action page tells it, from the API's own model, which leaves out what an action does
 * not have (no targets, no client, no AMC call, no outcome yet). Here every list is empty rather than
 * absent and every optional part is {@code null} on purpose, so an action of any kind renders: reading
 * {@code event.targets.isEmpty} straight off the model failed for every action without targets.
 */
@TemplateData
public record ActionDetail(EventRow row, List<String> roles, String request, String clientIp, String userAgent,
        String correlationId, String idempotencyKey, String details, List<Target> targets, Moment completedAt,
        Integer httpStatus, String errorCode, String problem, Upstream upstream, Long latencyMs, String traceId) {

    /** A person or thing the action named, and how it went for that one. */
    @TemplateData
    public record Target(String kind, String id, String role, String outcome, String errorCode) {

        public boolean isInvitation() {
            return "INVITATION".equals(kind);
        }

        /** An email or an AMC user id: someone with a Timeline of their own. */
        public boolean isPerson() {
            return "EMAIL".equals(kind) || "USER".equals(kind);
        }

        /** An AMC instance: it has a page of its own, with its operations, under the action's account. */
        public boolean isInstance() {
            return "INSTANCE".equals(kind);
        }
    }

    /** What AMC answered, when the action called it. */
    @TemplateData
    public record Upstream(Integer status, String requestId, int attempts, String region) {
    }

    public ActionDetail {
        roles = roles == null ? List.of() : List.copyOf(roles);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    static ActionDetail of(AuditEvent event) {
        AuditActor actor = event.getActor();
        AuditClient client = event.getClient();
        AuditUpstream upstream = event.getUpstream();
        String request = Stream.of(event.getMethod(), event.getPath()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return new ActionDetail(EventRow.of(event), actor == null ? null : actor.getRoles(), request,
                client == null ? null : client.getIp(), client == null ? null : client.getUserAgent(),
                event.getCorrelationId(), event.getIdempotencyKey(), event.getRequestSummary(), targets(event.getTargets()),
                Moment.of(event.getCompletedAt()), event.getHttpStatus(), event.getErrorCode(), event.getDetail(),
                upstream == null ? null : new Upstream(upstream.getStatus(), upstream.getRequestId(),
                        upstream.getAttempts() == null ? 0 : upstream.getAttempts(),
                        upstream.getRegion() == null ? null : upstream.getRegion().toString()),
                event.getLatencyMs(), event.getTraceId());
    }

    private static List<Target> targets(List<AuditTarget> targets) {
        return targets == null ? List.of() : targets.stream()
                .map(t -> new Target(t.getKind(), t.getId(), t.getRole(), t.getOutcome(), t.getErrorCode())).toList();
    }

    /** Whether the request came with a client address or user agent (system actions have neither). */
    public boolean hasClient() {
        return clientIp != null || userAgent != null;
    }
}
