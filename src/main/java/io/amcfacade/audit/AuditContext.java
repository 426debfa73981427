package io.amcfacade.audit;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** The audited action of the current request, once its intent is committed. */
@RequestScoped
public class AuditContext {

    private UUID eventId;

    void begun(UUID eventId) {
        this.eventId = eventId;
    }

    /** The committed intent's id, or {@code null} when no intent was recorded for this request. */
    public UUID eventId() {
        return eventId;
    }
}
