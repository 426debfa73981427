package io.amcfacade.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditIntegrityStatus;
import io.amcfacade.api.model.EventFormat;
import io.amcfacade.audit.query.SealedActions.SealedAction;

/**
 * The body of one delivered event in the subscription's format. Every format carries the same payload: the action
 * as {@code GET /v1/audit/events/{eventId}} shows it (event id, outcome, actor, targets, integrity), its
 * {@code type}, its position, and the seal covering its outcome with that seal's digest, key id and Ed25519
 * signature, so a receiver can check the event against the trail ({@code bin/audit-verify --events}).
 */
final class EventBodies {

    static final String OCSF_VERSION = "1.1.0";
    private static final String PRODUCT = "AMC Admin Facade";

    private final ObjectMapper json;
    private final String source;
    private final String productVersion;

    EventBodies(ObjectMapper json, String source, String productVersion) {
        this.json = json;
        this.source = source;
        this.productVersion = productVersion;
    }

    String body(EventFormat format, String type, SealedAction sealed, AuditEvent event, String splunkIndex) {
        Map<String, Object> payload = payload(type, sealed, event);
        Instant time = event.getOccurredAt().toInstant();
        Map<String, Object> body = new LinkedHashMap<>();
        switch (format) {
            case CLOUDEVENTS -> {
                body.put("specversion", "1.0");
                body.put("id", event.getEventId().toString());
                body.put("source", source);
                body.put("type", type);
                body.put("time", event.getOccurredAt().toString());
                if (event.getAccountId() != null) {
                    body.put("subject", event.getAccountId());
                }
                body.put("datacontenttype", "application/json");
                body.put("data", payload);
            }
            case OCSF -> ocsf(body, type, event, time, payload);
            case SPLUNK_HEC -> {
                body.put("time", time.toEpochMilli() / 1000.0);
                body.put("host", source);
                body.put("source", source);
                body.put("sourcetype", "amc:audit:event");
                if (splunkIndex != null) {
                    body.put("index", splunkIndex);
                }
                body.put("event", payload);
            }
        }
        return write(body);
    }

    /**
     * The body of a batch (a subscription's {@code maxEventsPerRequest} above 1): its events' bodies, in order, as the
     * format batches them: CloudEvents' batched mode ({@code application/cloudevents-batch+json}, a JSON array), OCSF
     * as a JSON array, Splunk HEC as stacked event objects, one per line (HEC's own batch format).
     */
    static String batch(EventFormat format, List<String> events) {
        return switch (format) {
            case CLOUDEVENTS, OCSF -> "[" + String.join(",", events) + "]";
            case SPLUNK_HEC -> String.join("\n", events);
        };
    }

    /** The media type a body of this format is sent as: the one-event form ({@link #body}), or a batch ({@link #batch}). */
    static String contentType(EventFormat format, boolean batched) {
        if (format == EventFormat.CLOUDEVENTS) {
            return batched ? "application/cloudevents-batch+json" : "application/cloudevents+json";
        }
        return "application/json";
    }

    private void ocsf(Map<String, Object> body, String type, AuditEvent event, Instant time, Map<String, Object> payload) {
        OcsfClass ocsf = OcsfClass.of(event.getAction());
        boolean rejected = EventTypes.REJECTED.equals(type);
        body.put("class_uid", ocsf.classUid());
        body.put("class_name", ocsf.className());
        body.put("category_uid", ocsf.categoryUid());
        body.put("category_name", ocsf.categoryName());
        body.put("activity_id", ocsf.activityId());
        body.put("activity_name", ocsf.activityName());
        body.put("type_uid", ocsf.typeUid());
        body.put("type_name", ocsf.className() + ": " + ocsf.activityName());
        int severity = OcsfClass.severity(event.getOutcome(), rejected);
        body.put("severity_id", severity);
        body.put("severity", severity == 1 ? "Informational" : severity == 3 ? "Medium" : "Critical");
        body.put("status_id", OcsfClass.status(event.getOutcome()));
        body.put("status", event.getOutcome().toString());
        body.put("time", time.toEpochMilli());
        body.put("message", (rejected ? "NOT GENUINE: " : "") + event.getAction() + " " + event.getOutcome());
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", PRODUCT);
        product.put("vendor_name", PRODUCT);
        product.put("version", productVersion);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", OCSF_VERSION);
        metadata.put("product", product);
        metadata.put("uid", event.getEventId().toString());
        metadata.put("event_code", type);
        metadata.put("correlation_uid", event.getCorrelationId());
        body.put("metadata", metadata);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("uid", event.getActor().getSubject());
        user.put("name", event.getActor().getName() != null ? event.getActor().getName() : event.getActor().getSubject());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("user", user);
        if (event.getActor().getOnBehalfOf() != null) {
            actor.put("invoked_by", event.getActor().getOnBehalfOf());
        }
        body.put("actor", actor);
        body.put("api", Map.of("operation", event.getAction()));
        body.put("unmapped", Map.of("amc", payload));
    }

    private Map<String, Object> payload(String type, SealedAction sealed, AuditEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("position", new Position(sealed.sealId(), sealed.seq()).encode());
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("sealId", sealed.sealId());
        seal.put("sealedAt", sealed.sealedAt().toString());
        seal.put("digest", sealed.sealDigest());
        seal.put("keyId", sealed.keyId());
        seal.put("signature", sealed.signature());
        payload.put("seal", seal);
        payload.put("genuine", event.getIntegrity() != null && event.getIntegrity().getStatus() == AuditIntegrityStatus.VERIFIED);
        payload.put("event", json.convertValue(event, new TypeReference<Map<String, Object>>() {
        }));
        return payload;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
