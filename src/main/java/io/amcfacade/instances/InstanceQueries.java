package io.amcfacade.instances;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.accounts.AccountMarketplaces;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.InstancePage;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcInstancesClient;
import io.amcfacade.web.PageCursor;

/** Reads an account's AMC instances, a page or one, with the account's marketplace AMC insists on. */
@ApplicationScoped
public class InstanceQueries {

    private static final String CURSOR_LIST = "instances";

    @Inject
    AmcInstancesClient amc;
    @Inject
    AccountMarketplaces marketplaces;

    public InstancePage list(String accountId, int limit, String cursor) {
        String nextToken = PageCursor.upstreamToken(CURSOR_LIST, accountId, cursor);
        AmcInstanceWire.Page page = amc.list(accountId, marketplaces.of(accountId), limit, nextToken);
        List<AmcInstanceWire.Instance> instances = page.instances() == null ? List.of() : page.instances();
        return new InstancePage(instances.stream().map(InstanceMapper::toApi).toList())
                .nextCursor(PageCursor.next(CURSOR_LIST, accountId, page.nextToken()));
    }

    public Instance get(String accountId, String instanceId) {
        return InstanceMapper.toApi(amc.get(accountId, marketplaces.of(accountId), instanceId));
    }
}
