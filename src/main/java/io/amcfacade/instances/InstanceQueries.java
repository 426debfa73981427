package io.amcfacade.instances;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.accounts.AccountMarketplaces;
import io.amcfacade.api.model.AdvertiserPage;
import io.amcfacade.api.model.AdvertiserType;
import io.amcfacade.api.model.AdvertiserUpdate;
import io.amcfacade.api.model.AdvertiserUpdatePage;
import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.InstancePage;
import io.amcfacade.api.model.Operation;
import io.amcfacade.upstream.AmcInstanceWire;
import io.amcfacade.upstream.AmcInstancesClient;
import io.amcfacade.web.PageCursor;

/**
 * Reads an account's AMC instances, a page or one, with the account's marketplace AMC insists on, an
 * instance's advertisers and advertiser updates, and the operations the facade started on them. An instance the
 * facade knows to be of AMC's instant self-service access is marked so.
 */
@ApplicationScoped
public class InstanceQueries {

    private static final String CURSOR_LIST = "instances";
    private static final String CURSOR_ADVERTISERS = "advertisers";
    private static final String CURSOR_UPDATES = "advertiser-updates";

    @Inject
    AmcInstancesClient amc;
    @Inject
    AccountMarketplaces marketplaces;
    @Inject
    OperationStore store;
    @Inject
    OperationViews views;

    public InstancePage list(String accountId, int limit, String cursor) {
        String nextToken = PageCursor.upstreamToken(CURSOR_LIST, accountId, cursor);
        AmcInstanceWire.Page page = amc.list(accountId, marketplaces.of(accountId), limit, nextToken);
        List<AmcInstanceWire.Instance> instances = page.instances() == null ? List.of() : page.instances();
        java.util.Set<String> instant = store.instantAccessAmong(accountId,
                instances.stream().map(AmcInstanceWire.Instance::instanceId).toList());
        return new InstancePage(instances.stream().map(InstanceMapper::toApi)
                .map(i -> instant.contains(i.getInstanceId()) ? i.instantAccess(true) : i).toList())
                .nextCursor(PageCursor.next(CURSOR_LIST, accountId, page.nextToken()));
    }

    public Instance get(String accountId, String instanceId) {
        return withMarks(accountId, InstanceMapper.toApi(amc.get(accountId, marketplaces.of(accountId), instanceId)));
    }

    public AdvertiserPage advertisers(String accountId, String instanceId, AdvertiserType type, int limit, String cursor) {
        String scope = accountId + "/" + instanceId;
        String nextToken = PageCursor.upstreamToken(CURSOR_ADVERTISERS, scope, cursor);
        AmcInstanceWire.AdvertisersPage page = amc.advertisers(accountId, marketplaces.of(accountId), instanceId,
                type == null ? null : type.toString(), limit, nextToken);
        List<AmcInstanceWire.Advertiser> advertisers = page.advertisers() == null ? List.of() : page.advertisers();
        return new AdvertiserPage().advertisers(advertisers.stream().map(AdvertiserMapper::toApi).toList())
                .totalCount(page.totalCount())
                .nextCursor(PageCursor.next(CURSOR_ADVERTISERS, scope, page.nextToken()));
    }

    public AdvertiserUpdatePage advertiserUpdates(String accountId, String instanceId, int limit, String cursor) {
        String scope = accountId + "/" + instanceId;
        String nextToken = PageCursor.upstreamToken(CURSOR_UPDATES, scope, cursor);
        AmcInstanceWire.AdvertiserUpdatesPage page = amc.advertiserUpdates(accountId, marketplaces.of(accountId),
                instanceId, limit, nextToken);
        List<AmcInstanceWire.AdvertiserUpdate> updates = page.advertiserUpdates() == null ? List.of()
                : page.advertiserUpdates();
        return new AdvertiserUpdatePage().updates(updates.stream().map(AdvertiserMapper::toApi).toList())
                .nextCursor(PageCursor.next(CURSOR_UPDATES, scope, page.nextToken()));
    }

    public AdvertiserUpdate advertiserUpdate(String accountId, String instanceId, long updateId) {
        return AdvertiserMapper.toApi(amc.advertiserUpdate(accountId, marketplaces.of(accountId), instanceId, updateId));
    }

    /**
     * An account's long-running operations as {@code GET /v1/operations/{operationId}} shows each, newest first, at
     * most {@code limit}: all of them, or those on one instance ({@code instanceId} not {@code null}). They are the
     * facade's own records; AMC is not asked.
     */
    public List<Operation> operations(String accountId, String instanceId, int limit) {
        return store.newestOn(accountId, instanceId, limit).stream().map(views::toApi).toList();
    }

    Instance withMarks(String accountId, Instance instance) {
        return store.isInstantAccess(accountId, instance.getInstanceId()) ? instance.instantAccess(true) : instance;
    }
}
