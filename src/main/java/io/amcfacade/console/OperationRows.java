package io.amcfacade.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.Operation;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.instances.InstanceQueries;
import io.quarkus.qute.TemplateData;

/**
 * The long-running operations of an account or of one instance as the Instances pages show them: each with the
 * action that started it and the transitions the facade recorded as {@code OPERATION_TRANSITION} system actions,
 * found in the trail by the operation id their summary names.
 */
@ApplicationScoped
class OperationRows {

    /** The newest transitions read for one page; each operation moves at most six times. */
    private static final int TRANSITIONS = 500;

    private final InstanceQueries instances;
    private final AuditQueries trail;
    private final ObjectMapper json;

    OperationRows(InstanceQueries instances, AuditQueries trail, ObjectMapper json) {
        this.instances = instances;
        this.trail = trail;
        this.json = json;
    }

    /** One operation: where it stands, who started it (their action's event id), and each transition, oldest first. */
    @TemplateData
    public record Row(String operationId, String kind, String state, String amcStatus, int progress, String instanceId,
            Moment createdAt, Moment updatedAt, Moment finishedAt, Moment deadline, String startedEventId, String actor,
            String onBehalfOf, String problem, List<Transition> transitions) {

        /** The badge of its state. */
        public String stateClass() {
            return switch (state) {
                case "SUCCEEDED" -> "succeeded";
                case "FAILED" -> "failed";
                case "TIMED_OUT" -> "rejected";
                default -> "pending";
            };
        }
    }

    /** One recorded transition: AMC's status before and after, the facade's state after, and its sealed action. */
    @TemplateData
    public record Transition(String eventId, Moment at, String from, String to, String state) {
    }

    /** The newest {@code limit} operations of {@code accountId}, without their transitions (the account's page). */
    List<Row> ofAccount(String accountId, int limit) {
        return rows(instances.operations(accountId, null, limit), Map.of());
    }

    /** The newest {@code limit} operations on one instance, each with its transitions. */
    List<Row> ofInstance(String accountId, String instanceId, int limit) {
        List<Operation> operations = instances.operations(accountId, instanceId, limit);
        if (operations.isEmpty()) {
            return List.of();
        }
        AuditCriteria transitions = AuditCriteria.all().action(AuditAction.OPERATION_TRANSITION.name())
                .accountId(accountId).targetId(instanceId);
        Map<String, List<Transition>> byOperation = new LinkedHashMap<>();
        for (AuditEvent event : trail.page(transitions, TRANSITIONS, null).getEvents()) {
            JsonNode summary = summary(event.getRequestSummary());
            if (summary != null && summary.hasNonNull("operationId")) {
                byOperation.computeIfAbsent(summary.get("operationId").asText(), id -> new ArrayList<>())
                        .add(new Transition(event.getEventId().toString(), Moment.of(event.getOccurredAt()),
                                text(summary, "from"), text(summary, "to"), text(summary, "state")));
            }
        }
        byOperation.values().forEach(Collections::reverse); // the trail answers newest first
        return rows(operations, byOperation);
    }

    private static List<Row> rows(List<Operation> operations, Map<String, List<Transition>> byOperation) {
        return operations.stream().map(o -> new Row(o.getOperationId().toString(), o.getKind().toString(),
                o.getState().toString(), o.getAmcStatus(), o.getProgress() == null ? 0 : o.getProgress(), o.getInstanceId(),
                Moment.of(o.getCreatedAt()), Moment.of(o.getUpdatedAt()), Moment.of(o.getFinishedAt()),
                Moment.of(o.getDeadline()), o.getStartedBy() == null || o.getStartedBy().getEventId() == null ? null
                        : o.getStartedBy().getEventId().toString(),
                o.getStartedBy() == null ? null : o.getStartedBy().getActor(),
                o.getStartedBy() == null ? null : o.getStartedBy().getOnBehalfOf(),
                o.getProblem() == null ? null : o.getProblem().getDetail(),
                byOperation.getOrDefault(o.getOperationId().toString(), List.of()))).toList();
    }

    private JsonNode summary(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null; // not a transition's summary: nothing to link
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
