package io.amcfacade.instances;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.amcfacade.accounts.AccountMarketplaces;
import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcInstancesClient;
import io.amcfacade.upstream.AmcVocabulary;

/**
 * One look at AMC for one operation: what AMC says now, as the next {@link OperationRecord}. Each look runs in a
 * request context of its own, so it gets its own deadline and its answers are not mixed with anybody's audit.
 * An operation whose first answer was lost is resolved here: a create looks for its instance by name among those
 * AMC made since the operation began before it sends the create again (with the same idempotency token), so a
 * lost answer never makes a second instance, even after AMC has forgotten the token.
 */
@ApplicationScoped
class OperationChecks {

    /** How far before the operation AMC's creation time may lie (its clock, whole seconds) for an instance to be ours. */
    private static final long CLOCK_SLACK_SECONDS = 60;
    private static final int PAGE = 100;
    /** AMC holds at most 4,000 instances an account: 40 pages of 100. */
    private static final int MAX_PAGES = 40;

    private final AmcInstancesClient amc;
    private final AccountMarketplaces marketplaces;
    private final OperationViews views;
    private final OperationStore store;

    OperationChecks(AmcInstancesClient amc, AccountMarketplaces marketplaces, OperationViews views, OperationStore store) {
        this.amc = amc;
        this.marketplaces = marketplaces;
        this.views = views;
        this.store = store;
    }

    @ActivateRequestContext
    OperationRecord check(OperationRecord operation, Instant now) {
        String marketplace = marketplaces.of(operation.accountId());
        return switch (operation.kind()) {
            case INSTANCE_CREATE -> create(operation, marketplace, now);
            case INSTANCE_DELETE -> delete(operation, marketplace, now);
            case ADVERTISER_UPDATE -> advertiserUpdate(operation, marketplace, now);
        };
    }

    private OperationRecord create(OperationRecord operation, String marketplace, Instant now) {
        AmcInstanceWire.Instance instance;
        if (operation.instanceId() == null) {
            AmcInstanceWire.CreateRequest request = views.read(operation.request(), AmcInstanceWire.CreateRequest.class);
            instance = findCreated(operation, marketplace, request.instanceName())
                    .orElseGet(() -> amc.create(operation.accountId(), marketplace, request));
        } else {
            try {
                instance = amc.get(operation.accountId(), marketplace, operation.instanceId());
            } catch (ProblemException e) {
                if (ProblemCode.INSTANCE_NOT_FOUND.name().equals(e.problem().getCode())) {
                    return failed(operation, e.problem(), now);
                }
                throw e;
            }
        }
        return seen(operation, instance.instanceId(), null, AmcVocabulary.instanceStatus(instance.creationStatus()),
                views.write(InstanceMapper.toApi(instance)), now);
    }

    /** The instance of this name AMC made since the operation began, newest first. */
    private Optional<AmcInstanceWire.Instance> findCreated(OperationRecord operation, String marketplace, String name) {
        Instant since = operation.createdAt().truncatedTo(ChronoUnit.SECONDS).minusSeconds(CLOCK_SLACK_SECONDS);
        String nextToken = null;
        AmcInstanceWire.Instance found = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            AmcInstanceWire.Page listed = amc.list(operation.accountId(), marketplace, PAGE, nextToken);
            if (listed.instances() != null) {
                found = listed.instances().stream()
                        .filter(i -> name.equals(i.instanceName()))
                        .filter(i -> {
                            Instant created = AmcVocabulary.instant(i.creationDatetime());
                            return created == null || !created.isBefore(since);
                        })
                        .max(Comparator.comparing(AmcInstanceWire.Instance::creationDatetime,
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                        .orElse(found);
            }
            nextToken = listed.nextToken();
            if (nextToken == null) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    private OperationRecord delete(OperationRecord operation, String marketplace, Instant now) {
        try {
            amc.get(operation.accountId(), marketplace, operation.instanceId());
        } catch (ProblemException e) {
            if (ProblemCode.INSTANCE_NOT_FOUND.name().equals(e.problem().getCode())) {
                return seen(operation, operation.instanceId(), null, "DELETED", operation.result(), now);
            }
            throw e;
        }
        if (operation.amcStatus() == null) {
            // The delete's answer was lost and the instance is still there: AMC did not delete it.
            amc.delete(operation.accountId(), marketplace, operation.instanceId());
        }
        return seen(operation, operation.instanceId(), null, "DELETING", operation.result(), now);
    }

    private OperationRecord advertiserUpdate(OperationRecord operation, String marketplace, Instant now) {
        AmcInstanceWire.AdvertiserUpdate update;
        if (operation.updateId() == null) {
            AmcInstanceWire.AdvertiserUpdateRequest request = views.read(operation.request(),
                    AmcInstanceWire.AdvertiserUpdateRequest.class);
            update = sentUpdate(operation, marketplace, request).orElseGet(() -> amc.createAdvertiserUpdate(
                    operation.accountId(), marketplace, operation.instanceId(), request));
        } else {
            update = amc.advertiserUpdate(operation.accountId(), marketplace, operation.instanceId(), operation.updateId());
        }
        return seen(operation, operation.instanceId(), update.updateId(), update.status(),
                views.write(AdvertiserMapper.toApi(update)), now);
    }

    /**
     * After a lost answer, the update AMC took from this operation, if it took one: the update AMC holds open, which
     * can only be this one (one at a time, and the facade refuses a second while this operation is open); or, none
     * open, AMC's newest update when it names exactly this operation's advertisers and no earlier operation of the
     * facade's is following it (AMC may have finished this one before the first look: an update of one advertiser
     * needs no review). Neither means AMC never took it.
     */
    private Optional<AmcInstanceWire.AdvertiserUpdate> sentUpdate(OperationRecord operation, String marketplace,
            AmcInstanceWire.AdvertiserUpdateRequest request) {
        AmcInstanceWire.AdvertiserUpdatesPage page = amc.advertiserUpdates(operation.accountId(), marketplace,
                operation.instanceId(), PAGE, null);
        List<AmcInstanceWire.AdvertiserUpdate> updates = page.advertiserUpdates() == null ? List.of()
                : page.advertiserUpdates().stream().filter(u -> u.updateId() != null).toList();
        Optional<AmcInstanceWire.AdvertiserUpdate> open = updates.stream()
                .filter(u -> AmcVocabulary.advertiserUpdateOpen(u.status()))
                .max(Comparator.comparing(AmcInstanceWire.AdvertiserUpdate::updateId));
        Optional<AmcInstanceWire.AdvertiserUpdate> candidate = open.isPresent() ? open
                : updates.stream().max(Comparator.comparing(AmcInstanceWire.AdvertiserUpdate::updateId))
                        .filter(u -> !store.followsUpdate(operation.accountId(), operation.instanceId(), u.updateId()));
        return candidate.map(u -> amc.advertiserUpdate(operation.accountId(), marketplace, operation.instanceId(),
                u.updateId())).filter(u -> open.isPresent() || sameAdvertisers(u, request));
    }

    /** Whether AMC's update adds and removes exactly the advertisers {@code request} names, in any order. */
    static boolean sameAdvertisers(AmcInstanceWire.AdvertiserUpdate update, AmcInstanceWire.AdvertiserUpdateRequest request) {
        return asSet(update.advertisersToAdd()).equals(asSet(request.advertisersToAdd()))
                && asSet(update.advertisersToRemove()).equals(asSet(request.advertisersToRemove()));
    }

    private static java.util.Set<AmcInstanceWire.AdvertiserId> asSet(List<AmcInstanceWire.AdvertiserId> ids) {
        return ids == null ? java.util.Set.of() : java.util.Set.copyOf(ids);
    }

    private OperationRecord seen(OperationRecord operation, String instanceId, Long updateId, String amcStatus,
            String result, Instant now) {
        OperationProgress.Reading reading = OperationProgress.of(operation.kind(), amcStatus);
        OperationRecord next = operation.seen(instanceId, updateId, amcStatus, reading.progress(), result, now);
        if (reading.state() == OperationState.FAILED) {
            String why = operation.kind() == OperationKind.ADVERTISER_UPDATE ? "AMC rejected the advertiser update."
                    : "AMC reports the instance's creation FAILED.";
            return next.ended(OperationState.FAILED, views.write(Problems.of(ProblemCode.UPSTREAM_REJECTED, why)
                    .status(502)), now);
        }
        return reading.state() == OperationState.RUNNING ? next : next.ended(reading.state(), null, now);
    }

    private OperationRecord failed(OperationRecord operation, Problem problem, Instant now) {
        return operation.ended(OperationState.FAILED, views.write(problem), now);
    }
}
