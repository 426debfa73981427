package io.amcfacade.instances;

import io.amcfacade.upstream.AmcVocabulary;

/**
 * What AMC's status means for a long-running operation: its state and a rough progress. A pure function of
 * the kind and the status, so each case is a plain unit test.
 */
final class OperationProgress {

    /** The state and progress one status of AMC's means. */
    record Reading(OperationState state, int progress) {
    }

    private OperationProgress() {
    }

    static Reading of(OperationKind kind, String amcStatus) {
        if (amcStatus == null) {
            return new Reading(OperationState.RUNNING, 0);
        }
        return switch (kind) {
            case INSTANCE_CREATE -> switch (AmcVocabulary.instanceStatus(amcStatus)) {
                case "REQUESTED" -> new Reading(OperationState.RUNNING, 10);
                case "SUBMITTED" -> new Reading(OperationState.RUNNING, 30);
                case "IN_PROGRESS" -> new Reading(OperationState.RUNNING, 60);
                case "COMPLETED" -> new Reading(OperationState.SUCCEEDED, 100);
                case "FAILED" -> new Reading(OperationState.FAILED, 100);
                default -> new Reading(OperationState.RUNNING, 0);
            };
            case INSTANCE_DELETE -> "DELETED".equals(amcStatus) ? new Reading(OperationState.SUCCEEDED, 100)
                    : new Reading(OperationState.RUNNING, 50);
            case ADVERTISER_UPDATE -> switch (AmcVocabulary.advertiserUpdateStatus(amcStatus)) {
                case "REQUESTED" -> new Reading(OperationState.RUNNING, 10);
                case "AWAITING_APPROVAL" -> new Reading(OperationState.RUNNING, 40);
                case "UPDATING" -> new Reading(OperationState.RUNNING, 70);
                case "COMPLETED" -> new Reading(OperationState.SUCCEEDED, 100);
                case "REJECTED" -> new Reading(OperationState.FAILED, 100);
                default -> new Reading(OperationState.RUNNING, 0);
            };
        };
    }
}
