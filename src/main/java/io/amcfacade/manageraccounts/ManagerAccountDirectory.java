package io.amcfacade.manageraccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.ManagerAccountList;
import io.amcfacade.api.model.ProblemFieldError;
import io.amcfacade.api.model.RegionStatus;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AccountRegions;
import io.amcfacade.upstream.AmcManagerAccountWire.ManagerAccount;
import io.amcfacade.upstream.AmcManagerAccountsClient;
import io.amcfacade.upstream.AmcManagerAccountsClient.RegionManagerAccounts;

/**
 * The manager accounts of every configured region, each read on its own region's host (the only one that shows it).
 * Which region holds a manager account is learned from the listings and kept in this replica's memory, with what the
 * region listed last, so that a region that cannot answer now still shows what it held; a manager account not seen
 * yet is looked up by listing every region, never sent to a guessed host. A restart costs one listing of each region.
 */
@ApplicationScoped
public class ManagerAccountDirectory {

    /** A manager account as its region's host listed it just now. */
    public record Found(Region region, ManagerAccount managerAccount) {
    }

    private record Known(Region region, ManagerAccount managerAccount) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Inject
    AmcManagerAccountsClient amc;
    @Inject
    AccountRegions regions;

    /**
     * Every configured region's manager accounts ({@code only}: that region's), a region that fails shown with its
     * problem and its last listing marked unavailable; when no listed region answers, the first one's problem.
     */
    public ManagerAccountList list(io.amcfacade.api.model.Region only) {
        List<RegionManagerAccounts> listings;
        if (only == null) {
            listings = amc.listEverywhere();
        } else {
            Region region = configured(only);
            listings = List.of(listing(region));
        }
        listings.stream().filter(RegionManagerAccounts::available).forEach(l -> learn(l.region(), l.managerAccounts()));
        if (listings.stream().noneMatch(RegionManagerAccounts::available)) {
            throw listings.get(0).failure();
        }
        List<io.amcfacade.api.model.ManagerAccount> managerAccounts = new ArrayList<>();
        List<RegionStatus> statuses = new ArrayList<>();
        for (RegionManagerAccounts listing : listings) {
            RegionStatus status = new RegionStatus(ManagerAccountMapper.region(listing.region()), listing.available());
            if (listing.available()) {
                listing.managerAccounts().stream().filter(m -> m.managerAccountId() != null).forEach(
                        m -> managerAccounts.add(ManagerAccountMapper.toApi(listing.region(), m, true)));
            } else {
                lastListedIn(listing.region()).forEach(
                        m -> managerAccounts.add(ManagerAccountMapper.toApi(listing.region(), m, false)));
                status.problem(listing.failure().problem());
            }
            statuses.add(status);
        }
        return new ManagerAccountList(managerAccounts, statuses);
    }

    /**
     * The manager account as its own region's host lists it now: that region alone when it is known, else every
     * region. 404 {@code MANAGER_ACCOUNT_NOT_FOUND} when every region answered and none lists it; the problem of a
     * region that could not answer when no other lists it.
     */
    public Found find(String managerAccountId) {
        Known last = known.get(managerAccountId);
        if (last != null && regions.regions().contains(last.region())) {
            List<ManagerAccount> listed = amc.list(last.region());
            learn(last.region(), listed);
            Optional<Found> found = in(last.region(), listed, managerAccountId);
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<RegionManagerAccounts> listings = amc.listEverywhere();
        listings.stream().filter(RegionManagerAccounts::available).forEach(l -> learn(l.region(), l.managerAccounts()));
        for (RegionManagerAccounts listing : listings) {
            Optional<Found> found = in(listing.region(), listing.managerAccounts(), managerAccountId);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<ProblemException> failure = listings.stream().map(RegionManagerAccounts::failure)
                .filter(Objects::nonNull).findFirst();
        if (failure.isPresent()) {
            throw failure.get();
        }
        String message = "no configured region lists such a manager account";
        throw new ProblemException(Problems.of(ProblemCode.MANAGER_ACCOUNT_NOT_FOUND, "managerAccountId: " + message
                + " (" + managerAccountId + "; regions " + String.join(", ", regions.regions().stream().map(Region::id)
                        .toList()) + "). Nothing was sent.")
                .errors(List.of(new ProblemFieldError("managerAccountId", message))));
    }

    private RegionManagerAccounts listing(Region region) {
        try {
            return new RegionManagerAccounts(region, amc.list(region), null);
        } catch (ProblemException failure) {
            return new RegionManagerAccounts(region, List.of(), failure);
        }
    }

    private Region configured(io.amcfacade.api.model.Region asked) {
        return regions.regions().stream().filter(r -> r.id().equals(asked.toString())).findFirst()
                .orElseThrow(() -> new ProblemException(Problems.invalidField("region", "is not a configured region ("
                        + String.join(", ", regions.regions().stream().map(Region::id).toList()) + ")")));
    }

    private static Optional<Found> in(Region region, List<ManagerAccount> listed, String managerAccountId) {
        return listed.stream().filter(m -> managerAccountId.equals(m.managerAccountId())).findFirst()
                .map(m -> new Found(region, m));
    }

    /** What {@code region} lists now replaces what it listed before. */
    private void learn(Region region, List<ManagerAccount> listed) {
        List<String> ids = listed.stream().map(ManagerAccount::managerAccountId).filter(Objects::nonNull).toList();
        known.entrySet().removeIf(e -> e.getValue().region() == region && !ids.contains(e.getKey()));
        listed.stream().filter(m -> m.managerAccountId() != null)
                .forEach(m -> known.put(m.managerAccountId(), new Known(region, m)));
    }

    private List<ManagerAccount> lastListedIn(Region region) {
        return known.values().stream().filter(k -> k.region() == region).map(Known::managerAccount)
                .sorted(java.util.Comparator.comparing(ManagerAccount::managerAccountId)).toList();
    }
}
