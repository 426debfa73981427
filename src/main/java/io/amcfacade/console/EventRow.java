package io.amcfacade.console;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditTarget;
import io.quarkus.qute.TemplateData;

/** One action as a line of the Activity and Timeline pages, from the API's own model; {@code userId} is the AMC user it touched. */
@TemplateData
public record EventRow(String eventId, Moment at, String action, String outcome, String actor, String actorName,
        String onBehalfOf, String accountId, String targets, Integer httpStatus, String errorCode, String userId) {

    static EventRow of(AuditEvent event) {
        String actor = event.getActor() == null ? null : event.getActor().getSubject();
        String name = event.getActor() == null ? null : event.getActor().getName();
        String onBehalfOf = event.getActor() == null ? null : event.getActor().getOnBehalfOf();
        return new EventRow(event.getEventId().toString(), Moment.of(event.getOccurredAt()), event.getAction(),
                event.getOutcome() == null ? null : event.getOutcome().toString(), actor,
                Objects.equals(name, actor) ? null : name, onBehalfOf, event.getAccountId(), targets(event.getTargets()),
                event.getHttpStatus(), event.getErrorCode(), user(event.getTargets()));
    }

    static List<EventRow> of(List<AuditEvent> events) {
        return events.stream().map(EventRow::of).toList();
    }

    /** The distinct people and things touched, with the role granted: "EMAIL bob@example.com (viewer)". */
    private static String targets(List<AuditTarget> targets) {
        if (targets == null || targets.isEmpty()) {
            return "";
        }
        return targets.stream().map(t -> t.getKind() + " " + t.getId() + (t.getRole() == null ? "" : " (" + t.getRole() + ")"))
                .distinct().limit(6).collect(Collectors.joining(", "));
    }

    /** The AMC user the action touched, if any: the page links to their access history on the account. */
    private static String user(List<AuditTarget> targets) {
        return targets == null ? null : targets.stream().filter(t -> "USER".equals(t.getKind()) && t.getId() != null)
                .map(AuditTarget::getId).findFirst().orElse(null);
    }

    /** Lower-case outcome for the CSS class of its badge. */
    public String outcomeClass() {
        return outcome == null ? "unknown" : outcome.toLowerCase(java.util.Locale.ROOT);
    }
}
