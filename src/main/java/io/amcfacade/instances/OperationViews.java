package io.amcfacade.instances;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AdvertiserUpdate;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.Operation;
import io.amcfacade.api.model.OperationStart;
import io.amcfacade.api.model.Problem;

/** A stored operation as {@code GET /v1/operations/{operationId}} shows it, and its parts to and from JSON. */
@ApplicationScoped
class OperationViews {

    private final ObjectMapper json;

    OperationViews(ObjectMapper json) {
        this.json = json;
    }

    Operation toApi(OperationRecord record) {
        Operation operation = new Operation()
                .operationId(record.operationId())
                .kind(io.amcfacade.api.model.OperationKind.fromValue(record.kind().name()))
                .state(io.amcfacade.api.model.OperationState.fromValue(record.state().name()))
                .amcStatus(record.amcStatus())
                .progress(record.progress())
                .accountId(record.accountId())
                .instanceId(record.instanceId())
                .updateId(record.updateId())
                .createdAt(time(record.createdAt()))
                .updatedAt(time(record.updatedAt()))
                .finishedAt(time(record.finishedAt()))
                .deadline(time(record.deadline()))
                .startedBy(new OperationStart().eventId(record.startedEventId()).actor(record.startedBy())
                        .onBehalfOf(record.onBehalfOf()));
        if (record.result() != null) {
            if (record.kind() == OperationKind.ADVERTISER_UPDATE) {
                operation.advertiserUpdate(read(record.result(), AdvertiserUpdate.class));
            } else {
                operation.instance(read(record.result(), Instance.class));
            }
        }
        if (record.problem() != null) {
            operation.problem(read(record.problem(), Problem.class));
        }
        return operation;
    }

    String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An operation's part could not be written as JSON", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored operation's part could not be read", e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
