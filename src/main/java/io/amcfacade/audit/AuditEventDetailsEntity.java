package io.amcfacade.audit;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The redacted request summary, appended beside an intent once the body has been read. */
@Entity
@Table(name = "audit_event_details")
public class AuditEventDetailsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "request_summary", nullable = false)
    public String requestSummary;
}
