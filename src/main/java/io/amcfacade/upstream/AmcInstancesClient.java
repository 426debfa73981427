package io.amcfacade.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInstanceWire.Details;
import io.amcfacade.upstream.AmcInstanceWire.Instance;
import io.amcfacade.upstream.AmcInstanceWire.Page;

/**
 * AMC instances, read-only: the decorator the instances feature calls instead of the raw REST client.
 * The instance API names the account as an advertiser and needs its marketplace too.
 */
@ApplicationScoped
public class AmcInstancesClient {

    @Inject
    @RestClient
    AmcApi api;
    @Inject
    UpstreamCaller upstream;

    public Page list(String accountId, String marketplaceId, int limit, String nextToken) {
        return upstream.call(AmcOperation.LIST_INSTANCES,
                bearer -> api.listInstances(bearer, accountId, marketplaceId, limit, nextToken),
                Page.class, errors(accountId, null));
    }

    /** AMC wraps the one instance in {@code instance}; an answer without it is an upstream error. */
    public Instance get(String accountId, String marketplaceId, String instanceId) {
        Details details = upstream.call(AmcOperation.GET_INSTANCE,
                bearer -> api.getInstance(bearer, accountId, marketplaceId, instanceId),
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
}
