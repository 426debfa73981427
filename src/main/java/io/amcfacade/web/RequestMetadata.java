package io.amcfacade.web;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;

/** Facts about the current HTTP request that the audit trail and error documents need. */
@RequestScoped
public class RequestMetadata {

    private String correlationId;
    private Instant receivedAt = Instant.now();
    private long startNanos = System.nanoTime();
    private String clientIp;
    private String userAgent;
    private String onBehalfOf;

    void capture(String correlationId, String clientIp, String userAgent, String onBehalfOf) {
        this.correlationId = correlationId;
        this.receivedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        this.onBehalfOf = onBehalfOf;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** {@link System#nanoTime()} when the request arrived: deadlines count from here. */
    public long startNanos() {
        return startNanos;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }
}
