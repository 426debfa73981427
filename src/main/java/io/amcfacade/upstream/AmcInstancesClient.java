package io.amcfacade.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInstanceWire.Details;
import io.amcfacade.upstream.AmcInstanceWire.Instance;
import io.amcfacade.upstream.AmcInstanceWire.Page;

/**
 * AMC instances: the decorator the instances feature calls instead of the raw REST client. The instance
 * API names the account as an advertiser and needs its marketplace too. AMC refuses a write with 400 both
 * for an advertiser update while another is open and for an instance of its instant self-service access;
 * its text is all that tells them apart, so they are read from it ({@link AmcVocabulary}).
 */
@ApplicationScoped
public class AmcInstancesClient {

    @Inject
    AccountRegions regions;
    @Inject
    UpstreamCaller upstream;

    public Page list(String accountId, String marketplaceId, int limit, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_INSTANCES,
                (api, bearer) -> api.listInstances(bearer, accountId, marketplaceId, limit, nextToken),
                Page.class, errors(accountId, null));
    }

    /** AMC wraps the one instance in {@code instance}; an answer without it is an upstream error. */
    public Instance get(String accountId, String marketplaceId, String instanceId) {
        Details details = upstream.call(regions.of(accountId), AmcOperation.GET_INSTANCE,
                (api, bearer) -> api.getInstance(bearer, accountId, marketplaceId, instanceId),
                Details.class, errors(accountId, instanceId));
        if (details.instance() == null || details.instance().instanceId() == null) {
            throw UpstreamException.unreadable(AmcOperation.GET_INSTANCE, 200, upstream.lastRequestId(),
                    "no instance in the answer");
        }
        return details.instance();
    }

    /**
     * 400 and 422 (AMC: "invalid parameters") are refusals of the request. A 415 means AMC does not
     * take the facade's own media types: not something a caller can fix, so it stays an upstream error.
     */
    private static ErrorMapping errors(String accountId, String instanceId) {
        return (status, details) -> switch (status) {
            case 400, 422 -> AmcProblems.rejected(details);
            case 403 -> AmcProblems.accessDenied(accountId);
            case 404 -> instanceId == null ? null : new ProblemException(Problems.of(ProblemCode.INSTANCE_NOT_FOUND,
                    "Account " + accountId + " has no AMC instance " + instanceId + "."));
            default -> null;
        };
    }

    /** AMC answers at once with the instance as it is (usually REQUESTED); the creation carries on there. */
    public Instance create(String accountId, String marketplaceId, AmcInstanceWire.CreateRequest request) {
        return instance(AmcOperation.CREATE_INSTANCE, upstream.call(regions.of(accountId), AmcOperation.CREATE_INSTANCE,
                (api, bearer) -> api.createInstance(bearer, accountId, marketplaceId, request), Details.class,
                writeErrors(accountId, null)));
    }

    public Instance update(String accountId, String marketplaceId, String instanceId,
            AmcInstanceWire.UpdateRequest request) {
        return instance(AmcOperation.UPDATE_INSTANCE, upstream.call(regions.of(accountId), AmcOperation.UPDATE_INSTANCE,
                (api, bearer) -> api.updateInstance(bearer, accountId, marketplaceId, instanceId, request), Details.class,
                writeErrors(accountId, instanceId)));
    }

    public void delete(String accountId, String marketplaceId, String instanceId) {
        upstream.call(regions.of(accountId), AmcOperation.DELETE_INSTANCE,
                (api, bearer) -> api.deleteInstance(bearer, accountId, marketplaceId, instanceId), Void.class,
                writeErrors(accountId, instanceId));
    }

    /** {@code type} (DISPLAY, SAS, SPONSORED_ADS) filters; {@code null} lists every advertiser. */
    public AmcInstanceWire.AdvertisersPage advertisers(String accountId, String marketplaceId, String instanceId,
            String type, int limit, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_ADVERTISERS,
                (api, bearer) -> api.listAdvertisers(bearer, accountId, marketplaceId, instanceId, type, limit, nextToken),
                AmcInstanceWire.AdvertisersPage.class, errors(accountId, instanceId));
    }

    public AmcInstanceWire.AdvertiserUpdatesPage advertiserUpdates(String accountId, String marketplaceId,
            String instanceId, int limit, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_ADVERTISER_UPDATES,
                (api, bearer) -> api.listAdvertiserUpdates(bearer, accountId, marketplaceId, instanceId, limit, nextToken),
                AmcInstanceWire.AdvertiserUpdatesPage.class, errors(accountId, instanceId));
    }

    public AmcInstanceWire.AdvertiserUpdate createAdvertiserUpdate(String accountId, String marketplaceId,
            String instanceId, AmcInstanceWire.AdvertiserUpdateRequest request) {
        return update(AmcOperation.CREATE_ADVERTISER_UPDATE, upstream.call(regions.of(accountId), AmcOperation.CREATE_ADVERTISER_UPDATE,
                (api, bearer) -> api.createAdvertiserUpdate(bearer, accountId, marketplaceId, instanceId, request),
                AmcInstanceWire.AdvertiserUpdateDetails.class, writeErrors(accountId, instanceId)));
    }

    public AmcInstanceWire.AdvertiserUpdate advertiserUpdate(String accountId, String marketplaceId, String instanceId,
            long updateId) {
        return update(AmcOperation.GET_ADVERTISER_UPDATE, upstream.call(regions.of(accountId), AmcOperation.GET_ADVERTISER_UPDATE,
                (api, bearer) -> api.getAdvertiserUpdate(bearer, accountId, marketplaceId, instanceId, updateId),
                AmcInstanceWire.AdvertiserUpdateDetails.class, (status, details) -> switch (status) {
                    case 400, 422 -> AmcProblems.rejected(details);
                    case 403 -> AmcProblems.accessDenied(accountId);
                    case 404 -> new ProblemException(Problems.of(ProblemCode.NOT_FOUND, "Instance " + instanceId
                            + " of account " + accountId + " has no advertiser update " + updateId + "."));
                    default -> null;
                }));
    }

    private Instance instance(AmcOperation operation, Details details) {
        if (details.instance() == null || details.instance().instanceId() == null) {
            throw UpstreamException.unreadable(operation, 200, upstream.lastRequestId(), "no instance in the answer");
        }
        return details.instance();
    }

    private AmcInstanceWire.AdvertiserUpdate update(AmcOperation operation, AmcInstanceWire.AdvertiserUpdateDetails details) {
        if (details.advertiserUpdate() == null || details.advertiserUpdate().updateId() == null) {
            throw UpstreamException.unreadable(operation, 200, upstream.lastRequestId(),
                    "no advertiser update in the answer");
        }
        return details.advertiserUpdate();
    }

    /** A write's 400 may be one of AMC's two refusals with a meaning of their own. */
    private static ErrorMapping writeErrors(String accountId, String instanceId) {
        ErrorMapping reads = errors(accountId, instanceId);
        return (status, details) -> {
            if (status == 400 && AmcVocabulary.isInstantAccessRefusal(details)) {
                return new ProblemException(Problems.of(ProblemCode.INSTANT_ACCESS_INSTANCE, "Instance " + instanceId
                        + " was made through AMC's instant self-service access, which refuses this change (AMC: "
                        + details + ")."));
            }
            if (status == 400 && AmcVocabulary.isOpenAdvertiserUpdateRefusal(details)) {
                return new ProblemException(Problems.of(ProblemCode.ADVERTISER_UPDATE_OPEN, "AMC reports an open "
                        + "advertiser update on instance " + instanceId + "; it allows one at a time (AMC: " + details
                        + ")."));
            }
            return reads.map(status, details);
        };
    }
}
