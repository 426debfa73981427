package io.amcfacade.access.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.access.store.ObservedAccount;
import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessGrantPage;
import io.amcfacade.api.model.AccessGrantVia;
import io.amcfacade.api.model.AccessGrantedBy;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.web.PageCursor;

/**
 * Who held which role on which account, now (the latest snapshot) or at any past instant, with who
 * granted it: the query behind {@code GET /v1/access}, the review pack and the console's access page.
 * Ordered by account and user, keyset-paginated.
 */
@ApplicationScoped
public class AccessInventory {

    private static final String CURSOR_LIST = "access-grants";

    /** The filters of a grants query; {@code asOf} null means the latest snapshot. */
    public record GrantCriteria(String accountId, String userId, String emailAddress, String role, Instant asOf,
            int limit, String cursor) {
    }

    /** A position in the account-then-user order, exclusive. */
    public record After(String accountId, String userId) {
    }

    @Transactional
    public AccessGrantPage grants(GrantCriteria criteria) {
        After after = after(criteria);
        List<GrantPeriod> rows = periods(criteria, after, criteria.limit() + 1);
        boolean more = rows.size() > criteria.limit();
        List<GrantPeriod> page = more ? rows.subList(0, criteria.limit()) : rows;
        AccessGrantPage answer = new AccessGrantPage().grants(page.stream().map(AccessInventory::grant).toList());
        if (more) {
            GrantPeriod last = page.get(page.size() - 1);
            answer.nextCursor(PageCursor.next(CURSOR_LIST, "", last.accountId + "\n" + last.userId));
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
            query.append(" and (accountId > :afterAccount or (accountId = :afterAccount and userId > :afterUser))");
            parameters.put("afterAccount", after.accountId());
            parameters.put("afterUser", after.userId());
        }
        return GrantPeriod.find(query + " order by accountId, userId", parameters).page(0, count).list();
    }

    /** How many grants the criteria select (all pages): what the console shows before a review pack downloads. */
    @Transactional
    public long count(GrantCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        return GrantPeriod.count(where(criteria, parameters).toString(), parameters);
    }

    private static StringBuilder where(GrantCriteria criteria, Map<String, Object> parameters) {
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
        return query;
    }

    /** When each account was last observed in AMC. */
    @Transactional
    public Map<String, Instant> observations() {
        Map<String, Instant> observed = new HashMap<>();
        ObservedAccount.<ObservedAccount>listAll().forEach(a -> observed.put(a.accountId, a.observedAt));
        return observed;
    }

    static AccessGrant grant(GrantPeriod period) {
        return new AccessGrant().accountId(period.accountId).userId(period.userId).emailAddress(period.emailAddress)
                .role(period.role).since(period.validFrom.atOffset(ZoneOffset.UTC))
                .grantedBy(by(period.grantedVia, period.grantedEventId, period.grantedBy));
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
        int split = token.indexOf('\n');
        if (split < 0) {
            throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued for this list"));
        }
        return new After(token.substring(0, split), token.substring(split + 1));
    }

    private static void where(StringBuilder query, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
