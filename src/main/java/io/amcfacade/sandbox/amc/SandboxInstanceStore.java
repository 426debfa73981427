package io.amcfacade.sandbox.amc;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxRejection;

/**
 * The simulated instances of every account: the three seeded ones and those created since, their
 * advertisers and advertiser updates, with AMC's rules — an account holds at most 4,000 instances and an
 * instance 2,000 advertisers, a create's {@code idempotencyToken} answers the same instance for 10 minutes,
 * one advertiser update open at a time, and instant self-service instances refuse writes with 400.
 * Each account's instances change under that account's lock.
 */
@ApplicationScoped
public class SandboxInstanceStore {

    static final int MAX_INSTANCES = 4_000;
    static final int MAX_ADVERTISERS = 2_000;
    static final String INSTANT_ACCESS_REFUSAL = "This operation is not supported for instances created through AMC "
            + "instant self-service access";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SandboxState state;
    @Inject
    SandboxConfig config;

    private final Map<String, Map<String, SandboxManagedInstance>> byAccount = new ConcurrentHashMap<>();
    private volatile Instant tokensExpiredBefore = Instant.MIN;

    /** What a create asks for, as the wire spelled it. */
    record Creation(String instanceName, String advertiserName, String awsAccountId, String s3BucketName,
            String idempotencyToken) {

        Map<String, Object> parameters() {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("instanceName", instanceName);
            all.put("advertiserName", advertiserName);
            all.put("awsAccountId", awsAccountId);
            all.put("s3BucketName", s3BucketName);
            return all;
        }
    }

    Duration step() {
        return config.instanceStep();
    }

    Instant now() {
        return state.now();
    }

    private Map<String, SandboxManagedInstance> of(SandboxAccount account) {
        return byAccount.computeIfAbsent(account.accountId(), id -> {
            Map<String, SandboxManagedInstance> seeded = new LinkedHashMap<>();
            for (SandboxInstance instance : SandboxInstance.seededFor(account)) {
                SandboxManagedInstance managed = SandboxManagedInstance.seeded(instance);
                managed.advertisers.put("SPONSORED_ADS/" + account.accountId(), new SandboxAdvertiser(account.accountId(),
                        account.accountName(), "SPONSORED_ADS", account.marketplaceId()));
                seeded.put(instance.instanceId(), managed);
            }
            return seeded;
        });
    }

    <T> T locked(SandboxAccount account, java.util.function.Function<Map<String, SandboxManagedInstance>, T> work) {
        Map<String, SandboxManagedInstance> instances = of(account);
        synchronized (instances) {
            return work.apply(instances);
        }
    }

    List<SandboxInstance> list(SandboxAccount account) {
        return locked(account, all -> all.values().stream().map(i -> i.wireAt(now(), step())).toList());
    }

    Optional<SandboxManagedInstance> find(SandboxAccount account, String instanceId) {
        return locked(account, all -> Optional.ofNullable(all.get(instanceId)));
    }

    SandboxManagedInstance get(String endpoint, SandboxAccount account, String instanceId) {
        return find(account, instanceId).orElseThrow(() -> new SandboxRejection(endpoint, 404, "NOT_FOUND",
                "Instance " + instanceId + " not found"));
    }

    /** A create: the instance a live token already made, or a new one REQUESTED now. */
    SandboxInstance create(String endpoint, SandboxAccount account, Creation creation, boolean instantAccess) {
        Instant now = now();
        return locked(account, all -> {
            if (creation.idempotencyToken() != null) {
                for (SandboxManagedInstance existing : all.values()) {
                    if (creation.idempotencyToken().equals(existing.idempotencyToken) && existing.tokenLive(now)
                            && existing.requestedAt().isAfter(tokensExpiredBefore)) {
                        if (!existing.createParameters.equals(creation.parameters())) {
                            throw new SandboxRejection(endpoint, 400, "BAD_REQUEST",
                                    "idempotencyToken was used with other parameters");
                        }
                        return existing.wireAt(now, step());
                    }
                }
            }
            if (all.size() >= MAX_INSTANCES) {
                throw new SandboxRejection(endpoint, 400, "BAD_REQUEST",
                        "The account already holds " + MAX_INSTANCES + " instances");
            }
            String id = "amc" + new BigInteger(1, randomBytes()).toString(36);
            SandboxInstance wire = new SandboxInstance(id, creation.instanceName(), "REQUESTED",
                    DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)),
                    "https://advertising-api.amazon.com/amc/reporting/" + id, List.of("SPONSORED_ADS"),
                    creation.advertiserName() == null ? account.accountName() : creation.advertiserName(),
                    List.of(account.accountId()), creation.awsAccountId() == null ? "000000000000" : creation.awsAccountId(),
                    "999999999999", creation.s3BucketName() == null ? "amc-" + id + "-output" : creation.s3BucketName(),
                    "us-east-1");
            SandboxManagedInstance managed = new SandboxManagedInstance(wire, now, instantAccess,
                    creation.idempotencyToken(), creation.parameters(), now.plus(config.idempotencyTokenTtl()));
            if (instantAccess) {
                managed.pin("COMPLETED");
            }
            managed.advertisers.put("SPONSORED_ADS/" + account.accountId(), new SandboxAdvertiser(account.accountId(),
                    account.accountName(), "SPONSORED_ADS", account.marketplaceId()));
            all.put(id, managed);
            return managed.wireAt(now, step());
        });
    }

    SandboxInstance update(String endpoint, SandboxAccount account, String instanceId, Creation change) {
        return locked(account, all -> {
            SandboxManagedInstance instance = writable(endpoint, all, instanceId);
            instance.rename(instance.wire().renamed(change.instanceName(), change.advertiserName(),
                    change.awsAccountId(), change.s3BucketName()));
            return instance.wireAt(now(), step());
        });
    }

    void delete(String endpoint, SandboxAccount account, String instanceId) {
        locked(account, all -> {
            writable(endpoint, all, instanceId);
            return all.remove(instanceId);
        });
    }

    List<SandboxAdvertiser> advertisers(String endpoint, SandboxAccount account, String instanceId) {
        return locked(account, all -> {
            SandboxManagedInstance instance = existing(endpoint, all, instanceId);
            instance.updates.forEach(u -> u.status(now(), step(), instance));
            return new ArrayList<>(instance.advertisers.values());
        });
    }

    SandboxAdvertiserUpdate.Wire createUpdate(String endpoint, SandboxAccount account, String instanceId,
            List<SandboxAdvertiserUpdate.Identifier> toAdd, List<SandboxAdvertiserUpdate.Identifier> toRemove) {
        Instant now = now();
        return locked(account, all -> {
            SandboxManagedInstance instance = writable(endpoint, all, instanceId);
            instance.openUpdate(now, step()).ifPresent(open -> {
                throw new SandboxRejection(endpoint, 400, "BAD_REQUEST", "There is already an open advertiser update "
                        + "request (updateId " + open.updateId + "); wait until it is COMPLETED or REJECTED");
            });
            if (instance.advertisers.size() + toAdd.size() > MAX_ADVERTISERS) {
                throw new SandboxRejection(endpoint, 400, "BAD_REQUEST",
                        "An instance holds at most " + MAX_ADVERTISERS + " advertisers");
            }
            long next = instance.updates.stream().mapToLong(u -> u.updateId).max().orElse(0) + 1;
            SandboxAdvertiserUpdate update = new SandboxAdvertiserUpdate(next, toAdd, toRemove, now);
            instance.updates.add(update);
            return update.wire(now, step(), instance);
        });
    }

    List<SandboxAdvertiserUpdate.Lite> updates(String endpoint, SandboxAccount account, String instanceId) {
        return locked(account, all -> {
            SandboxManagedInstance instance = existing(endpoint, all, instanceId);
            return instance.updates.stream()
                    .map(u -> new SandboxAdvertiserUpdate.Lite(u.updateId, u.status(now(), step(), instance))).toList();
        });
    }

    SandboxAdvertiserUpdate.Wire update(String endpoint, SandboxAccount account, String instanceId, long updateId) {
        return locked(account, all -> {
            SandboxManagedInstance instance = existing(endpoint, all, instanceId);
            return instance.updates.stream().filter(u -> u.updateId == updateId).findFirst()
                    .map(u -> u.wire(now(), step(), instance))
                    .orElseThrow(() -> new SandboxRejection(endpoint, 404, "NOT_FOUND",
                            "Advertiser update " + updateId + " not found"));
        });
    }

    /** Amazon's reviewer: {@code false} when the update is not awaiting approval. */
    boolean review(SandboxAccount account, String instanceId, long updateId, boolean approve) {
        return locked(account, all -> {
            SandboxManagedInstance instance = all.get(instanceId);
            return instance != null && instance.updates.stream().filter(u -> u.updateId == updateId).findFirst()
                    .map(u -> u.review(approve, now(), step(), instance)).orElse(false);
        });
    }

    /** Pins an instance's creation status (FAILED, or IN_PROGRESS held), or lets the clock decide again ({@code null}). */
    boolean pin(SandboxAccount account, String instanceId, String status) {
        return locked(account, all -> {
            SandboxManagedInstance instance = all.get(instanceId);
            if (instance != null) {
                instance.pin(status);
            }
            return instance != null;
        });
    }

    /** As if AMC's ten minutes had passed for every token given so far. */
    void expireTokens() {
        tokensExpiredBefore = now().plusMillis(1);
    }

    private SandboxManagedInstance existing(String endpoint, Map<String, SandboxManagedInstance> all, String instanceId) {
        SandboxManagedInstance instance = all.get(instanceId);
        if (instance == null) {
            throw new SandboxRejection(endpoint, 404, "NOT_FOUND", "Instance " + instanceId + " not found");
        }
        return instance;
    }

    private SandboxManagedInstance writable(String endpoint, Map<String, SandboxManagedInstance> all, String instanceId) {
        SandboxManagedInstance instance = existing(endpoint, all, instanceId);
        if (instance.instantAccess()) {
            throw new SandboxRejection(endpoint, 400, "BAD_REQUEST", INSTANT_ACCESS_REFUSAL);
        }
        return instance;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[7];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
