package io.amcfacade.idempotency;

import jakarta.enterprise.context.RequestScoped;

/** The idempotency key the current request claimed, if any. */
@RequestScoped
public class IdempotencyContext {

    private String caller;
    private String key;

    void own(String caller, String key) {
        this.caller = caller;
        this.key = key;
    }

    boolean isOwned() {
        return key != null;
    }

    String caller() {
        return caller;
    }

    String key() {
        return key;
    }
}
