package io.amcfacade.access.reconcile;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access reconciler: how often, how fast, and how much of the AMC budget it may spend. */
@ConfigMapping(prefix = "amc.access")
public interface AccessConfig {

    /**
     * How often every replica starts a pass. Fifteen minutes: a user added or removed behind the
     * facade's back shows within a quarter of an hour, and a pass over 500 accounts (about a thousand
     * listing calls) fits it at the default rate with room for the role sweep.
     */
    @WithDefault("PT15M")
    Duration reconcileInterval();

    /**
     * How long after start the first timed pass begins: twenty seconds, so a replica is serving callers
     * (and its caches are warm) before the reconciler spends anything.
     */
    @WithDefault("PT20S")
    Duration initialDelay();

    /** Whether passes run on the timer; off, only {@code POST /v1/access/reconciliations} runs one. */
    @WithDefault("true")
    boolean scheduled();

    /**
     * The reconciler's own share of the fleet's AMC budget, in calls a second for all replicas
     * together, drawn from its own bucket on top of each call's group bucket: three of the ten a
     * second the {@code users} group allows by default, so callers keep at least seven whatever the
     * reconciler does. Raise it (and the group's rate) to sweep roles faster.
     */
    @WithDefault("3")
    int requestsPerSecond();

    /**
     * How long one AMC call of the reconciler may wait for a token of its share before the pass
     * backs off until the next interval: a minute, so a busy budget slows a pass down rather than
     * ending it.
     */
    @WithDefault("PT60S")
    Duration tokenWait();

    /**
     * Role look-ups per account in one slice of the role sweep: small, so an account's lock is held for
     * a few seconds and the sweep moves on to the account whose roles are oldest.
     */
    @WithDefault("10")
    int roleSweepBatch();

    /**
     * The share of an interval a pass may spend on the role sweep after the listings: nine tenths,
     * leaving the rest so a pass ends before the next one is due.
     */
    @WithDefault("0.9")
    double roleSweepShare();

    /**
     * An account listed (by any replica) within this long before a timed pass starts is not listed again
     * by it: replicas share the accounts instead of doubling the calls. Default half the interval.
     */
    Optional<Duration> listedWithin();

    default Duration listingSkipWindow() {
        return listedWithin().orElse(reconcileInterval().dividedBy(2));
    }

    /** How long pass records are kept (operators look at the last few days). */
    @WithDefault("P7D")
    Duration passLogRetention();
}
