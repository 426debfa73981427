package io.amcfacade.console;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.audit.TargetResult;
import io.quarkus.qute.TemplateData;

/**
 * One {@code OUT_OF_BAND_CHANGE} or {@code ACCESS_BASELINE} action as a line of the out-of-band page:
 * the before and after the reconciler put in its request summary, in words, and when it was seen
 * (the change happened between the pass before, {@code previous}, and {@code seen}).
 */
@TemplateData
public record ChangeRow(String eventId, Moment seen, Moment previous, String accountId, String change, String userId,
        String emailAddress, String invitationId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ChangeRow of(AuditEvent event) {
        Map<String, Object> s = summary(event.getRequestSummary());
        String previous = text(s, "previousObservationAt");
        return new ChangeRow(event.getEventId().toString(), Moment.of(event.getOccurredAt()),
                previous == null ? null : Moment.of(java.time.OffsetDateTime.parse(previous)), event.getAccountId(),
                words(event.getAction(), s), text(s, "userId"), text(s, "emailAddress"), text(s, "invitationId"));
    }

    /**
     * The change in words: "role viewer → admin", "user added as viewer", "user added as admin via manager account
     * amzn1…", "baseline: 12 users, 1 invitation".
     */
    static String words(String action, Map<String, Object> s) {
        if ("ACCESS_BASELINE".equals(action)) {
            return "baseline: " + s.get("users") + " user(s), " + s.get("invitations") + " invitation(s) already there";
        }
        String otherwise = s.isEmpty() ? "(no details recorded)" : s.toString();
        // Access through a manager account says which; a direct change (or one recorded before issue 25) says nothing more.
        String via = text(s, "managerAccountId") == null ? "" : " via manager account " + text(s, "managerAccountId");
        return TargetResult.ofStored(text(s, "change")).map(change -> switch (change) {
            case USER_ADDED -> "user added as " + text(s, "toRole") + via;
            case USER_REMOVED -> "user removed (was " + text(s, "fromRole") + ")" + via;
            case ROLE_CHANGED -> "role " + text(s, "fromRole") + " → " + text(s, "toRole") + via;
            case INVITATION_ADDED -> "invitation created (" + text(s, "role") + ", " + text(s, "toState") + ")";
            case INVITATION_STATE -> "invitation " + text(s, "fromState") + " → " + text(s, "toState");
            default -> otherwise;
        }).orElse(otherwise);
    }

    private static Map<String, Object> summary(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("details", json); // a truncated summary is still worth showing as it is
        }
    }

    private static String text(Map<String, Object> s, String key) {
        Object value = s.get(key);
        return value == null ? null : value.toString();
    }
}
