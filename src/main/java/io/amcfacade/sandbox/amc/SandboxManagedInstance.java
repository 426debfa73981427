package io.amcfacade.sandbox.amc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated AMC instance as the sandbox keeps it: its wire fields, how far its creation has come
 * (REQUESTED → SUBMITTED → IN_PROGRESS → COMPLETED, one step every {@code amc.sandbox.instance-step},
 * read at the moment of asking like an invitation's expiry), the advertisers linked to it and its
 * advertiser updates. Instances made through AMC's instant self-service access refuse every write.
 * Guarded by its account's lock in {@link SandboxInstanceStore}.
 */
final class SandboxManagedInstance {

    static final List<String> CREATION_STEPS = List.of("REQUESTED", "SUBMITTED", "IN_PROGRESS", "COMPLETED");

    private SandboxInstance wire;
    private final Instant requestedAt;
    private final boolean instantAccess;
    /** A status a control pinned (FAILED, or IN_PROGRESS held); {@code null} when the clock decides. */
    private String pinnedStatus;
    final String idempotencyToken;
    final Map<String, Object> createParameters;
    final Instant tokenExpiresAt;
    final Map<String, SandboxAdvertiser> advertisers = new LinkedHashMap<>();
    final List<SandboxAdvertiserUpdate> updates = new ArrayList<>();

    SandboxManagedInstance(SandboxInstance wire, Instant requestedAt, boolean instantAccess, String idempotencyToken,
            Map<String, Object> createParameters, Instant tokenExpiresAt) {
        this.wire = wire;
        this.requestedAt = requestedAt;
        this.instantAccess = instantAccess;
        this.idempotencyToken = idempotencyToken;
        this.createParameters = createParameters;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    /** A seeded instance keeps the status it was seeded with: it is not being created. */
    static SandboxManagedInstance seeded(SandboxInstance wire) {
        SandboxManagedInstance instance = new SandboxManagedInstance(wire, Instant.EPOCH, false, null, Map.of(), null);
        instance.pinnedStatus = wire.creationStatus();
        return instance;
    }

    String instanceId() {
        return wire.instanceId();
    }

    boolean instantAccess() {
        return instantAccess;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    SandboxInstance wireAt(Instant now, Duration step) {
        return wire.withStatus(status(now, step));
    }

    String status(Instant now, Duration step) {
        if (pinnedStatus != null) {
            return pinnedStatus;
        }
        long steps = step.isZero() ? CREATION_STEPS.size() : Duration.between(requestedAt, now).toMillis() / step.toMillis();
        return CREATION_STEPS.get((int) Math.min(CREATION_STEPS.size() - 1, Math.max(0, steps)));
    }

    void pin(String status) {
        pinnedStatus = status;
    }

    void rename(SandboxInstance changed) {
        wire = changed;
    }

    SandboxInstance wire() {
        return wire;
    }

    boolean tokenLive(Instant now) {
        return idempotencyToken != null && now.isBefore(tokenExpiresAt);
    }

    Optional<SandboxAdvertiserUpdate> openUpdate(Instant now, Duration step) {
        return updates.stream().filter(u -> u.open(now, step, this)).findFirst();
    }
}
