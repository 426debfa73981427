package io.amcfacade.instances;

import java.time.Instant;
import java.util.UUID;

/**
 * One long-running operation as {@code instance_operations} keeps it. {@code request} is what AMC was asked,
 * as JSON; {@code result} the instance or advertiser update last seen and {@code problem} why it failed, as the
 * public API's JSON.
 */
record OperationRecord(UUID operationId, OperationKind kind, OperationState state, String accountId, String instanceId,
        Long updateId, String request, String idempotencyToken, String amcStatus, int progress, String result,
        String problem, UUID startedEventId, String startedBy, String onBehalfOf, Instant createdAt, Instant updatedAt,
        Instant finishedAt, Instant deadline, int checks) {

    OperationRecord seen(String instanceId, Long updateId, String amcStatus, int progress, String result, Instant now) {
        return new OperationRecord(operationId, kind, state, accountId, instanceId, updateId, request, idempotencyToken,
                amcStatus, progress, result, problem, startedEventId, startedBy, onBehalfOf, createdAt, now, finishedAt,
                deadline, checks);
    }

    OperationRecord ended(OperationState ending, String problem, Instant now) {
        return new OperationRecord(operationId, kind, ending, accountId, instanceId, updateId, request, idempotencyToken,
                amcStatus, ending == OperationState.SUCCEEDED ? 100 : progress, result, problem, startedEventId,
                startedBy, onBehalfOf, createdAt, now, now, deadline, checks);
    }

    OperationRecord checked() {
        return new OperationRecord(operationId, kind, state, accountId, instanceId, updateId, request, idempotencyToken,
                amcStatus, progress, result, problem, startedEventId, startedBy, onBehalfOf, createdAt, updatedAt,
                finishedAt, deadline, checks + 1);
    }

    boolean running() {
        return state == OperationState.RUNNING;
    }
}
