package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.regions.Region;
import io.amcfacade.resilience.Deadline;
import io.smallrye.mutiny.Uni;

/**
 * Independent AMC reads for one request, a few at a time: the role look-ups of a page of users, say,
 * without an N+1 burst. At most {@code amc.upstream.fan-out.parallelism} reads are in flight for the
 * whole replica. The request's audit context is request-scoped and the reads run on other threads, so
 * each read gathers what AMC answered and the request thread files it afterwards. Every read runs
 * under the same policies as any AMC call, within the request's deadline.
 */
@ApplicationScoped
class UpstreamFanOut {

    /** One input's request: the input, the region's REST client and the bearer header value in, the answer out. */
    @FunctionalInterface
    interface Request<I> {
        Uni<Response> send(I input, AmcApi api, String bearer);
    }

    @Inject
    UpstreamCaller upstream;
    @Inject
    FanOutConfig config;

    private BoundedFanOut pool;

    @PostConstruct
    void start() {
        pool = new BoundedFanOut(config.parallelism(), "amc-fan-out");
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    /**
     * One region's read, with the region's access token, within the request's deadline; it may run on a fan-out
     * thread, so it gathers what AMC answered instead of filing it in the request's audit context.
     */
    @FunctionalInterface
    interface RegionRead<T> {
        T read(Region region, String token, Deadline deadline);
    }

    /** What one region answered: its read's result, or the refusal of its token (then nothing was sent there). */
    record RegionAnswer<T>(Region region, T value, ProblemException refused) {
    }

    /**
     * The same read in every one of {@code regions}, side by side within the request's deadline, answers in region
     * order. Each region's token is fetched first, on the request thread; a region whose token cannot be had answers
     * that refusal and is not read. The read answers its own failures: one region's never stops another's.
     */
    <T> List<RegionAnswer<T>> eachRegion(List<Region> regions, RegionRead<T> read) {
        Deadline deadline = upstream.deadline();
        Map<Region, String> tokens = new EnumMap<>(Region.class);
        Map<Region, ProblemException> refused = new EnumMap<>(Region.class);
        for (Region region : regions) {
            try {
                tokens.put(region, upstream.accessToken(region));
            } catch (ProblemException e) {
                refused.put(region, e);
            }
        }
        List<Region> readable = regions.stream().filter(tokens::containsKey).toList();
        List<T> values = each(readable, region -> read.read(region, tokens.get(region), deadline));
        List<RegionAnswer<T>> answers = new ArrayList<>();
        for (Region region : regions) {
            int at = readable.indexOf(region);
            answers.add(at < 0 ? new RegionAnswer<>(region, null, refused.get(region))
                    : new RegionAnswer<>(region, values.get(at), null));
        }
        return answers;
    }

    /**
     * A task per input, all at once, answers in input order; the task answers its own failures (say, one region's
     * listing), none stops another. The first runs on the request thread, which waits anyway; the others within
     * the replica's bound.
     */
    <I, R> List<R> each(List<I> inputs, java.util.function.Function<I, R> task) {
        return pool.mapWithCaller(inputs, task);
    }

    /**
     * The same read for each input, answers in input order. Once an answer satisfies {@code enough} (or a
     * read fails), reads not yet started are skipped and answer {@code null}. A failure {@code absent}
     * accepts means the input has nothing to read (say, a user removed meanwhile): it answers {@code null}
     * too and stops nothing. Any other failure is thrown, after every answer that came back is recorded.
     */
    <I, T> List<T> callEach(Region region, AmcOperation operation, List<I> inputs, Request<I> request,
            Class<T> type, ErrorMapping errors, Predicate<T> enough, Predicate<RuntimeException> absent) {
        String token = upstream.accessToken(region);
        Deadline deadline = upstream.deadline();
        List<UpstreamCaller.Detached<T>> reads = pool.map(inputs,
                input -> upstream.detached(region, operation, (api, bearer) -> request.send(input, api, bearer), token,
                        deadline, type, errors),
                read -> read.failure() != null ? !absent.test(read.failure()) : enough.test(read.value()));
        List<UpstreamCaller.Detached<T>> ran = reads.stream().filter(Objects::nonNull).toList();
        ran.forEach(read -> upstream.record(read.answers()));
        ran.stream().map(UpstreamCaller.Detached::failure).filter(f -> f != null && !absent.test(f)).findFirst()
                .ifPresent(failure -> {
                    throw failure;
                });
        return reads.stream().map(read -> read == null ? null : read.value()).toList();
    }
}
