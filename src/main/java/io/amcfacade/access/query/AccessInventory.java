package io.amcfacade.access.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.access.store.ObservedAccount;
import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessGrantPage;
import io.amcfacade.api.model.AccessGrantVia;
import io.amcfacade.api.model.AccessGrantedBy;
import io.amcfacade.api.model.AccessHeldVia;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AccountRegions;
import io.amcfacade.web.PageCursor;

/**
 * Who held which role on which account, now (the latest snapshot) or at any past instant, with who
 * granted it: the query behind {@code GET /v1/access}, the review pack and the console's access page.
 * Ordered by account and user, keyset-paginated.
 */
@ApplicationScoped
public class AccessInventory {

    private static final String CURSOR_LIST = "access-grants";

    /**
     * The filters of a grants query; {@code asOf} null means the latest snapshot; {@code region} (null: all) keeps the
     * accounts the facade knows in that region.
     */
    public record GrantCriteria(String accountId, String userId, String emailAddress, String role, Instant asOf,
            int limit, String cursor, Region region) {

        public GrantCriteria(String accountId, String userId, String emailAddress, String role, Instant asOf, int limit,
                String cursor) {
            this(accountId, userId, emailAddress, role, asOf, limit, cursor, null);
        }
    }

    /** A position in the account, user, period order, exclusive (a user has one period per way in). */
    public record After(String accountId, String userId, long id) {
    }

    @Inject
    AccountRegions regions;

    @Transactional
    public AccessGrantPage grants(GrantCriteria criteria) {
        After after = after(criteria);
        List<GrantPeriod> rows = periods(criteria, after, criteria.limit() + 1);
        boolean more = rows.size() > criteria.limit();
        List<GrantPeriod> page = more ? rows.subList(0, criteria.limit()) : rows;
        Map<String, Region> regionOf = regions();
        AccessGrantPage answer = new AccessGrantPage().grants(page.stream().map(g -> grant(g, regionOf)).toList());
        if (more) {
            GrantPeriod last = page.get(page.size() - 1);
            answer.nextCursor(PageCursor.next(CURSOR_LIST, "", last.accountId + "\n" + last.userId + "\n" + last.id));
        }
        if (criteria.asOf() != null) {
            return answer.asOf(criteria.asOf().atOffset(ZoneOffset.UTC));
        }
        List<Instant> observed = observedAt(page.stream().map(g -> g.accountId).distinct().toList(), criteria.accountId());
        Instant newest = observed.stream().max(Instant::compareTo).orElse(Instant.now());
        answer.asOf(newest.atOffset(ZoneOffset.UTC));
        observed.stream().min(Instant::compareTo).ifPresent(oldest -> answer.observedAt(oldest.atOffset(ZoneOffset.UTC)));
        return answer;
    }

    /** The grants after {@code after} (null: from the start), at most {@code count}. */
    @Transactional
    public List<GrantPeriod> periods(GrantCriteria criteria, After after, int count) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder query = where(criteria, parameters);
        if (after != null) {
            query.append(" and (accountId > :afterAccount or (accountId = :afterAccount and (userId > :afterUser"
                    + " or (userId = :afterUser and id > :afterId))))");
            parameters.put("afterAccount", after.accountId());
            parameters.put("afterUser", after.userId());
            parameters.put("afterId", after.id());
        }
        return GrantPeriod.find(query + " order by accountId, userId, id", parameters).page(0, count).list();
    }

    /** How many grants the criteria select (all pages): what the console shows before a review pack downloads. */
    @Transactional
    public long count(GrantCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        return GrantPeriod.count(where(criteria, parameters).toString(), parameters);
    }

    private StringBuilder where(GrantCriteria criteria, Map<String, Object> parameters) {
        StringBuilder query = new StringBuilder("1 = 1");
        if (criteria.asOf() == null) {
            query.append(" and validTo is null");
        } else {
            query.append(" and validFrom <= :asOf and (validTo is null or validTo > :asOf)");
            parameters.put("asOf", criteria.asOf());
        }
        where(query, parameters, "accountId = :accountId", "accountId", criteria.accountId());
        where(query, parameters, "userId = :userId", "userId", criteria.userId());
        where(query, parameters, "lower(emailAddress) = :email", "email",
                criteria.emailAddress() == null ? null : criteria.emailAddress().toLowerCase(Locale.ROOT));
        where(query, parameters, "role = :role", "role", criteria.role());
        if (criteria.region() != null) {
            List<String> accounts = regions.knownIn(criteria.region()).stream().map(AccountRegions.KnownAccount::accountId)
                    .toList();
            // No account known there: nothing matches (an empty "in" list is not portable JPQL).
            where(query, parameters, "accountId in :regionAccounts", "regionAccounts",
                    accounts.isEmpty() ? List.of("") : accounts);
        }
        return query;
    }

    /** When each account was last observed in AMC. */
    @Transactional
    public Map<String, Instant> observations() {
        Map<String, Instant> observed = new HashMap<>();
        ObservedAccount.<ObservedAccount>listAll().forEach(a -> observed.put(a.accountId, a.observedAt));
        return observed;
    }

    static AccessGrant grant(GrantPeriod period, Map<String, Region> regionOf) {
        Region region = regionOf.get(period.accountId);
        return new AccessGrant().accountId(period.accountId).userId(period.userId).emailAddress(period.emailAddress)
                .role(period.role).heldVia(heldVia(period)).since(period.validFrom.atOffset(ZoneOffset.UTC))
                .region(region == null ? null : io.amcfacade.api.model.Region.fromValue(region.id()))
                .grantedBy(by(period.grantedVia, period.grantedEventId, period.grantedBy));
    }

    /** How a period's access is held: directly, or through its manager account. */
    static AccessHeldVia heldVia(GrantPeriod period) {
        AccessHeldVia held = new AccessHeldVia().via(io.amcfacade.api.model.AccessHeldViaKind.fromValue(period.heldVia));
        return period.managerAccountId == null ? held : held.managerAccountId(period.managerAccountId);
    }

    /** The configured regions. */
    public List<Region> configuredRegions() {
        return regions.regions();
    }

    /** The region of every account the facade knows (from memory: no AMC call). */
    public Map<String, Region> regions() {
        Map<String, Region> regionOf = new HashMap<>();
        for (Region region : regions.regions()) {
            regions.knownIn(region).forEach(account -> regionOf.put(account.accountId(), region));
        }
        return regionOf;
    }

    static AccessGrantedBy by(String via, java.util.UUID eventId, String actor) {
        return new AccessGrantedBy().via(AccessGrantVia.fromValue(via)).eventId(eventId).actor(actor);
    }

    private List<Instant> observedAt(List<String> accountIds, String filter) {
        List<String> accounts = accountIds.isEmpty() && filter != null ? List.of(filter) : accountIds;
        if (accounts.isEmpty()) {
            return List.of();
        }
        return ObservedAccount.<ObservedAccount>list("accountId in ?1", accounts).stream().map(a -> a.observedAt).toList();
    }

    private static After after(GrantCriteria criteria) {
        String token = PageCursor.upstreamToken(CURSOR_LIST, "", criteria.cursor());
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\n", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued for this list"));
        }
        try {
            // A cursor issued before grants had one period per way in names a user: after all of that user's.
            return new After(parts[0], parts[1], parts.length == 3 ? Long.parseLong(parts[2]) : Long.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued for this list"));
        }
    }

    private static void where(StringBuilder query, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
