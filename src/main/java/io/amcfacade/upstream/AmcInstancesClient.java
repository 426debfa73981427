package io.amcfacade.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
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
    @Inject
    LwaConfig lwa;

    public Page list(String accountId, String marketplaceId, int limit, String nextToken) {
        return upstream.call(AmcOperation.LIST_INSTANCES,
                bearer -> api.listInstances(lwa.clientId(), bearer, accountId, marketplaceId, limit, nextToken),
                Page.class, errors(accountId, null));
    }

    public Instance get(String accountId, String marketplaceId, String instanceId) {
        return upstream.call(AmcOperation.GET_INSTANCE,
                bearer -> api.getInstance(lwa.clientId(), bearer, accountId, marketplaceId, instanceId),
                Instance.class, errors(accountId, instanceId));
    }

    private static ErrorMapping errors(String accountId, String instanceId) {
        return (status, details) -> switch (status) {
            case 400 -> AmcProblems.rejected(details);
            case 403 -> AmcProblems.accessDenied(accountId);
            case 404 -> instanceId == null ? null : new ProblemException(Problems.of(ProblemCode.INSTANCE_NOT_FOUND,
                    "Account " + accountId + " has no AMC instance " + instanceId + "."));
            default -> null;
        };
    }
}
