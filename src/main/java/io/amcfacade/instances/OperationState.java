package io.amcfacade.instances;

/** Where a long-running operation stands for the facade; stored by name. */
enum OperationState {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT
}
