package io.amcfacade.instances;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each of AMC's statuses means for an operation, both spellings of the advertiser update's included. */
class OperationProgressTest {

    @Test
    void aCreateRunsUntilCompletedOrFailedAndTheDeprecatedSucceededMeansCompleted() {
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, "REQUESTED").state()).isEqualTo(OperationState.RUNNING);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, "IN_PROGRESS").progress()).isEqualTo(60);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, "COMPLETED").state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, "SUCCEEDED").state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, "FAILED").state()).isEqualTo(OperationState.FAILED);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_CREATE, null))
                .isEqualTo(new OperationProgress.Reading(OperationState.RUNNING, 0));
    }

    @Test
    void anAdvertiserUpdateReadsBothOfAmazonsStatusListsAndEndsCompletedOrRejected() {
        assertThat(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "PENDING"))
                .isEqualTo(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "REQUESTED"));
        assertThat(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "AWAITING_APPROVAL").state())
                .isEqualTo(OperationState.RUNNING);
        assertThat(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "UPDATING").progress()).isEqualTo(70);
        assertThat(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "COMPLETED").state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(OperationProgress.of(OperationKind.ADVERTISER_UPDATE, "REJECTED").state()).isEqualTo(OperationState.FAILED);
    }

    @Test
    void aDeleteEndsWhenAmcNoLongerHasTheInstance() {
        assertThat(OperationProgress.of(OperationKind.INSTANCE_DELETE, "DELETING").state()).isEqualTo(OperationState.RUNNING);
        assertThat(OperationProgress.of(OperationKind.INSTANCE_DELETE, "DELETED").state()).isEqualTo(OperationState.SUCCEEDED);
    }
}
