package io.amcfacade.upstream;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.db.Statements;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;

/**
 * Which region's host serves each AMC account: the one that listed it. The facade learns it from the account
 * listings and keeps it in memory (no database round trip per request), in {@code account_regions} too, so
 * replicas share it and restarts keep it. An account nobody has seen is looked up in the table, then by listing
 * every region; one no region lists is {@code ACCOUNT_NOT_FOUND}, never sent to a guessed host.
 */
@ApplicationScoped
public class AccountRegions {

    private static final Logger LOG = Logger.getLogger(AccountRegions.class);
    private static final String UNAVAILABLE = "The database keeping the accounts' regions could not be reached.";

    /** An account as a region's host listed it. */
    public record KnownAccount(String accountId, Region region, String accountName, String marketplaceId) {
    }

    /** What one region's listing gave: its accounts, or the problem that kept them from the facade. */
    public record RegionAccounts(Region region, List<AmcAccount> accounts, ProblemException failure) {
        public boolean available() {
            return failure == null;
        }
    }

    /**
     * How long an account every region's listing just said it does not hold is answered 404 without listing again:
     * a caller (or a fuzzer) repeating a wrong account id costs the regions' listings once, not once a request.
     * {@code GET /v1/accounts} lists afresh whenever it is called, so an account created meanwhile is seen there at once.
     */
    static final java.time.Duration NOT_FOUND_FOR = java.time.Duration.ofSeconds(30);
    /** At most this many such ids are remembered; past it the memory starts again (the cost is one more listing each). */
    static final int NOT_FOUND_REMEMBERED = 10_000;

    private final Map<String, KnownAccount> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> notFound = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    @Inject
    AmcClient amc;
    @Inject
    UpstreamCaller upstream;
    @Inject
    AgroalDataSource dataSource;

    /** The configured regions, in order. */
    public List<Region> regions() {
        return upstream.regions();
    }

    /** The region whose host serves {@code accountId}. */
    public Region of(String accountId) {
        return account(accountId).region();
    }

    /**
     * The account as last listed: from memory, else from the table, else from listing every region. 404 {@code
     * ACCOUNT_NOT_FOUND} when every region answered and none lists it; a region's problem when it could not answer
     * and no other region lists the account.
     */
    public KnownAccount account(String accountId) {
        loadOnce();
        KnownAccount account = known.get(accountId);
        if (account != null) {
            return account;
        }
        Optional<KnownAccount> stored = stored(accountId).filter(found -> regions().contains(found.region()));
        if (stored.isPresent()) {
            known.put(accountId, stored.get());
            return stored.get();
        }
        Instant listedBefore = notFound.get(accountId);
        if (listedBefore != null && listedBefore.plus(NOT_FOUND_FOR).isAfter(Instant.now())) {
            throw notFound(accountId);
        }
        List<RegionAccounts> listed = listEverywhere();
        account = known.get(accountId);
        if (account != null) {
            return account;
        }
        Optional<ProblemException> failure = listed.stream().map(RegionAccounts::failure).filter(Objects::nonNull)
                .findFirst();
        if (failure.isPresent()) {
            throw failure.get();
        }
        if (notFound.size() >= NOT_FOUND_REMEMBERED) {
            notFound.clear();
        }
        notFound.put(accountId, Instant.now());
        throw notFound(accountId);
    }

    private ProblemException notFound(String accountId) {
        return new ProblemException(Problems.of(ProblemCode.ACCOUNT_NOT_FOUND,
                "The facade's Amazon identity administers no AMC account " + accountId + " in any of its regions ("
                        + String.join(", ", regions().stream().map(Region::id).toList()) + "). Nothing was sent."));
    }

    /**
     * Every region's accounts, each region listed on its own host, side by side; a region that fails does not fail
     * or slow the others.
     */
    public List<RegionAccounts> listEverywhere() {
        loadOnce();
        List<RegionAccounts> listings = amc.listAccounts(regions());
        listings.stream().filter(RegionAccounts::available).forEach(listing -> learn(listing.region(), listing.accounts()));
        return listings;
    }

    /** The accounts last listed in {@code region}: what a region that cannot answer now is known to hold. */
    public List<KnownAccount> knownIn(Region region) {
        loadOnce();
        return known.values().stream().filter(account -> account.region() == region)
                .sorted(Comparator.comparing(KnownAccount::accountId)).toList();
    }

    private void learn(Region region, List<AmcAccount> accounts) {
        for (AmcAccount listed : accounts) {
            if (listed.accountId() == null) {
                continue;
            }
            notFound.remove(listed.accountId());
            KnownAccount account = new KnownAccount(listed.accountId(), region, listed.accountName(),
                    listed.marketplaceId());
            if (!account.equals(known.put(account.accountId(), account))) {
                store(account);
            }
        }
    }

    /** Reads the whole table once per process; until it can be read, memory and the listings serve. */
    private void loadOnce() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            try {
                Statements.run(dataSource, "SELECT account_id, region, account_name, marketplace_id FROM account_regions",
                        statement -> Statements.rows(statement, AccountRegions::row), UNAVAILABLE)
                        .stream()
                        // A region no longer configured is not where its accounts are served now.
                        .filter(account -> regions().contains(account.region()))
                        .forEach(account -> known.putIfAbsent(account.accountId(), account));
                loaded = true;
            } catch (ProblemException e) {
                LOG.warnf("Could not read the accounts' regions (%s); the listings will tell them", e.getMessage());
            }
        }
    }

    private Optional<KnownAccount> stored(String accountId) {
        try {
            return Statements.run(dataSource,
                    "SELECT account_id, region, account_name, marketplace_id FROM account_regions WHERE account_id = ?",
                    statement -> {
                        statement.setString(1, accountId);
                        return Statements.first(statement, AccountRegions::row);
                    }, UNAVAILABLE);
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** Keeps what was learned for the other replicas and the next start; a database that is down only costs a listing. */
    private void store(KnownAccount account) {
        try {
            Statements.run(dataSource, "INSERT INTO account_regions (account_id, region, account_name, marketplace_id, "
                    + "learned_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET region = EXCLUDED.region, "
                    + "account_name = EXCLUDED.account_name, marketplace_id = EXCLUDED.marketplace_id, "
                    + "learned_at = EXCLUDED.learned_at", statement -> {
                        statement.setString(1, account.accountId());
                        statement.setString(2, account.region().id());
                        statement.setString(3, account.accountName());
                        statement.setString(4, account.marketplaceId());
                        statement.setTimestamp(5, Timestamp.from(Instant.now()));
                        return statement.executeUpdate();
                    }, UNAVAILABLE);
        } catch (ProblemException e) {
            LOG.warnf("Could not keep the region of account %s (%s); it is known in memory", account.accountId(),
                    e.getMessage());
        }
    }

    private static KnownAccount row(ResultSet rows) throws SQLException {
        return new KnownAccount(rows.getString(1), Region.of(rows.getString(2)).orElseThrow(), rows.getString(3),
                rows.getString(4));
    }
}
