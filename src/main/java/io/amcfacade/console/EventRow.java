package io.amcfacade.console;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditFinding;
import io.amcfacade.api.model.AuditIntegrity;
import io.amcfacade.api.model.AuditTarget;
import io.quarkus.qute.TemplateData;

/**
 * One action as a line of the Activity and Timeline pages, from the API's own model; {@code userId} is the AMC user it touched,
 * {@code integrity} what the seals say of it ({@code AuditIntegrity}): any other status than VERIFIED is marked on the line.
 */
@TemplateData
public record EventRow(String eventId, Moment at, String action, String outcome, String actor, String actorName,
        String onBehalfOf, String accountId, String targets, Integer httpStatus, String errorCode, String userId,
        String integrity, String integrityNote) {

    static EventRow of(AuditEvent event) {
        String actor = event.getActor() == null ? null : event.getActor().getSubject();
        String name = event.getActor() == null ? null : event.getActor().getName();
        String onBehalfOf = event.getActor() == null ? null : event.getActor().getOnBehalfOf();
        return new EventRow(event.getEventId().toString(), Moment.of(event.getOccurredAt()), event.getAction(),
                event.getOutcome() == null ? null : event.getOutcome().toString(), actor,
                Objects.equals(name, actor) ? null : name, onBehalfOf, event.getAccountId(), targets(event.getTargets()),
                event.getHttpStatus(), event.getErrorCode(), user(event.getTargets()),
                event.getIntegrity() == null ? null : event.getIntegrity().getStatus().toString(), note(event.getIntegrity()));
    }

    /** The findings in one line, for the mark's title and the Action page. */
    private static String note(AuditIntegrity integrity) {
        if (integrity == null) {
            return "No seal verdict was read for this action.";
        }
        if (integrity.getFindings() == null || integrity.getFindings().isEmpty()) {
            return "UNSEALED".equals(integrity.getStatus().toString())
                    ? "Some records are newer than the newest seal; they are sealed within seconds." : "";
        }
        return integrity.getFindings().stream().map(AuditFinding::getDetail).collect(Collectors.joining(" "));
    }

    /** Whether the seals do not vouch for this action as it reads: it carries a mark on every page. */
    public boolean marked() {
        return !"VERIFIED".equals(integrity);
    }

    /** Whether a seal names a record of it (forged, replayed, back-dated, wrongly timed): never genuine. */
    public boolean rejected() {
        return "REJECTED".equals(integrity) || "SEAL_INVALID".equals(integrity);
    }

    /** The mark's words. */
    public String integrityLabel() {
        if (integrity == null) {
            return "not checked";
        }
        return switch (integrity) {
            case "REJECTED" -> "NOT GENUINE";
            case "SEAL_INVALID" -> "SEAL INVALID";
            case "UNSEALED" -> "not yet sealed";
            default -> "sealed";
        };
    }

    /** Lower-case status for the CSS class of the mark. */
    public String integrityClass() {
        return integrity == null ? "unsealed" : integrity.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
