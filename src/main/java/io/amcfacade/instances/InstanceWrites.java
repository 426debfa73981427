package io.amcfacade.instances;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.amcfacade.accounts.AccountMarketplaces;
import io.amcfacade.api.model.AdvertiserRef;
import io.amcfacade.api.model.CreateAdvertiserUpdateRequest;
import io.amcfacade.api.model.CreateInstanceRequest;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.Operation;
import io.amcfacade.api.model.UpdateInstanceRequest;
import io.amcfacade.audit.AuditContext;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcInstancesClient;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The writes to AMC instances a caller asks for: a create, a delete and an advertiser update start a
 * long-running operation ({@link OperationStore}) that {@link OperationFollower} follows from AMC's first
 * answer on; a rename is answered at once. What the facade can refuse itself it refuses before AMC is asked:
 * an instance of AMC's instant self-service access, an instance with an open operation, a delete that does not
 * name the instance as it is. A create carries the caller's {@code Idempotency-Key} to AMC as its
 * {@code idempotencyToken}; an answer lost on the way leaves the operation for the follower, which looks for
 * the instance by its name before it would ever create another.
 */
@ApplicationScoped
public class InstanceWrites {

    /** Failures after which AMC may have acted: the operation stays open and the follower finds out. */
    private static final Set<String> OUTCOME_UNKNOWN = Set.of(ProblemCode.UPSTREAM_OUTCOME_UNKNOWN.name(),
            ProblemCode.UPSTREAM_CONNECTION_LOST.name(), ProblemCode.UPSTREAM_TIMEOUT.name(),
            ProblemCode.UPSTREAM_ERROR.name());

    @Inject
    AmcInstancesClient amc;
    @Inject
    AccountMarketplaces marketplaces;
    @Inject
    OperationStore store;
    @Inject
    OperationViews views;
    @Inject
    InstanceQueries queries;
    @Inject
    AuditTrail trail;
    @Inject
    AuditContext audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    OperationsConfig config;

    public Operation create(String accountId, CreateInstanceRequest request, String idempotencyKey, String onBehalfOf) {
        String marketplace = marketplaces.of(accountId);
        trail.intend(List.of(), "create instance \"" + request.getName() + "\"");
        UUID operationId = UUID.randomUUID();
        String token = idempotencyKey == null ? operationId.toString()
                : UUID.nameUUIDFromBytes((caller() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        AmcInstanceWire.CreateRequest wire = new AmcInstanceWire.CreateRequest(request.getName(),
                request.getAdvertiserName(), request.getAwsAccountId(), request.getS3BucketName(), token);
        OperationRecord operation = begin(operationId, OperationKind.INSTANCE_CREATE, accountId, null,
                views.write(wire), token, onBehalfOf, config.instanceDeadline());
        try {
            AmcInstanceWire.Instance created = amc.create(accountId, marketplace, wire);
            return views.toApi(seen(operation, created.instanceId(), null, created.creationStatus(),
                    views.write(InstanceMapper.toApi(created))));
        } catch (ProblemException e) {
            return views.toApi(failedOrOpen(operation, e));
        }
    }

    public Instance update(String accountId, String instanceId, UpdateInstanceRequest request) {
        if (request.getName() == null && request.getAdvertiserName() == null) {
            throw new ProblemException(Problems.invalidField("name", "name or advertiserName is required"));
        }
        refuseKnownRefusals(accountId, instanceId);
        String marketplace = marketplaces.of(accountId);
        trail.intend(List.of(AuditTargetEntry.instance(instanceId)), "change instance: " + views.write(request));
        try {
            return queries.withMarks(accountId, InstanceMapper.toApi(amc.update(accountId, marketplace, instanceId,
                    new AmcInstanceWire.UpdateRequest(request.getName(), request.getAdvertiserName(), null, null))));
        } catch (ProblemException e) {
            learnInstantAccess(accountId, instanceId, e);
            throw e;
        }
    }

    public Operation delete(String accountId, String instanceId, String ifMatch, String onBehalfOf) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ProblemException(Problems.of(ProblemCode.PRECONDITION_REQUIRED, "Deleting instance " + instanceId
                    + " loses its data and cannot be undone; send If-Match with the ETag of GET " + "/v1/accounts/"
                    + accountId + "/instances/" + instanceId + "."));
        }
        refuseKnownRefusals(accountId, instanceId);
        Instance asItWas = queries.get(accountId, instanceId);
        if (!InstanceEtag.of(asItWas).equals(ifMatch.trim())) {
            throw new ProblemException(Problems.of(ProblemCode.PRECONDITION_FAILED, "Instance " + instanceId
                    + " is not as If-Match names it (it is " + InstanceEtag.of(asItWas) + "); read it again before "
                    + "deleting it."));
        }
        String marketplace = marketplaces.of(accountId);
        trail.intend(List.of(AuditTargetEntry.instance(instanceId)), "delete instance, as it was: "
                + views.write(asItWas));
        OperationRecord operation = begin(UUID.randomUUID(), OperationKind.INSTANCE_DELETE, accountId, instanceId,
                views.write(Map.of("instanceId", instanceId)), null, onBehalfOf, config.instanceDeadline());
        try {
            amc.delete(accountId, marketplace, instanceId);
            return views.toApi(seen(operation, instanceId, null, "DELETING", views.write(asItWas)));
        } catch (ProblemException e) {
            learnInstantAccess(accountId, instanceId, e);
            return views.toApi(failedOrOpen(operation, e));
        }
    }

    public Operation updateAdvertisers(String accountId, String instanceId, CreateAdvertiserUpdateRequest request,
            String onBehalfOf) {
        List<AmcInstanceWire.AdvertiserId> add = wire(request.getAdd());
        List<AmcInstanceWire.AdvertiserId> remove = wire(request.getRemove());
        if (add.isEmpty() && remove.isEmpty()) {
            throw new ProblemException(Problems.invalidField("add", "name at least one advertiser to add or remove"));
        }
        refuseKnownRefusals(accountId, instanceId);
        String marketplace = marketplaces.of(accountId);
        AmcInstanceWire.AdvertiserUpdateRequest body = new AmcInstanceWire.AdvertiserUpdateRequest(
                add.isEmpty() ? null : add, remove.isEmpty() ? null : remove);
        trail.intend(List.of(AuditTargetEntry.instance(instanceId)), "advertiser update: " + views.write(body));
        OperationRecord operation = begin(UUID.randomUUID(), OperationKind.ADVERTISER_UPDATE, accountId, instanceId,
                views.write(body), null, onBehalfOf, config.advertiserUpdateDeadline());
        try {
            AmcInstanceWire.AdvertiserUpdate update = amc.createAdvertiserUpdate(accountId, marketplace, instanceId, body);
            return views.toApi(seen(operation, instanceId, update.updateId(), update.status(),
                    views.write(AdvertiserMapper.toApi(update))));
        } catch (ProblemException e) {
            learnInstantAccess(accountId, instanceId, e);
            return views.toApi(failedOrOpen(operation, e));
        }
    }

    /** Refusals the facade knows AMC would give, given before AMC is asked. */
    private void refuseKnownRefusals(String accountId, String instanceId) {
        if (store.isInstantAccess(accountId, instanceId)) {
            throw new ProblemException(Problems.of(ProblemCode.INSTANT_ACCESS_INSTANCE, "Instance " + instanceId
                    + " was made through AMC's instant self-service access, which refuses renames, deletes and "
                    + "advertiser updates; nothing was sent to AMC."));
        }
        store.openOn(accountId, instanceId).ifPresent(open -> {
            String where = " (operation " + open.operationId() + ", GET /v1/operations/" + open.operationId() + ")";
            throw new ProblemException(open.kind() == OperationKind.ADVERTISER_UPDATE
                    ? Problems.of(ProblemCode.ADVERTISER_UPDATE_OPEN, "Instance " + instanceId
                            + " has an open advertiser update" + where + "; AMC allows one at a time.")
                    : Problems.of(ProblemCode.INSTANCE_BUSY, "Instance " + instanceId + " has an open "
                            + open.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + where + "."));
        });
    }

    private void learnInstantAccess(String accountId, String instanceId, ProblemException e) {
        if (ProblemCode.INSTANT_ACCESS_INSTANCE.name().equals(e.problem().getCode())) {
            store.markInstantAccess(accountId, instanceId);
        }
    }

    private OperationRecord begin(UUID operationId, OperationKind kind, String accountId, String instanceId,
            String request, String token, String onBehalfOf, Duration deadline) {
        Instant now = Instant.now();
        OperationRecord operation = new OperationRecord(operationId, kind, OperationState.RUNNING, accountId,
                instanceId, null, request, token, null, 0, null, null, audit.eventId(), caller(), onBehalfOf, now, now,
                null, now.plus(deadline), 0);
        // The follower's first look comes a poll later: AMC's first answer is usually written by then.
        store.insert(operation, now.plus(config.pollInterval()));
        return operation;
    }

    private OperationRecord seen(OperationRecord operation, String instanceId, Long updateId, String amcStatus,
            String result) {
        OperationProgress.Reading reading = OperationProgress.of(operation.kind(), amcStatus);
        OperationRecord now = operation.seen(instanceId, updateId, amcStatus, reading.progress(), result, Instant.now());
        if (reading.state() != OperationState.RUNNING) {
            now = now.ended(reading.state(), null, Instant.now());
        }
        store.started(now);
        return now;
    }

    /** AMC may have acted: the operation stays open for the follower. Otherwise it failed, and so does the request. */
    private OperationRecord failedOrOpen(OperationRecord operation, ProblemException e) {
        if (OUTCOME_UNKNOWN.contains(e.problem().getCode())) {
            return operation;
        }
        store.started(operation.ended(OperationState.FAILED, views.write(e.problem()), Instant.now()));
        throw e;
    }

    private static List<AmcInstanceWire.AdvertiserId> wire(List<AdvertiserRef> refs) {
        return refs == null ? List.of() : refs.stream().map(r -> new AmcInstanceWire.AdvertiserId(r.getId(),
                r.getType().toString(), r.getMarketplaceId())).toList();
    }

    private String caller() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
