package io.amcfacade.access.reconcile;

/** AMC (or the reconciler's own share of its budget) says "not now": the pass backs off. */
public class ReconcileThrottled extends RuntimeException {

    public ReconcileThrottled(String message) {
        super(message);
    }
}
