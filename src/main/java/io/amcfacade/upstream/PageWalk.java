package io.amcfacade.upstream;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the facade follows AMC's {@code nextToken}: page after page until the listing ends, the
 * visitor has what it wanted, or the walk's bound comes. Every walk of an AMC listing goes through it
 * (accounts, users, a user's roles, finding an invitation, the access reconciler's listings).
 * <ul>
 * <li>A {@code nextToken} equal to the one just sent would bring the same page back for ever (a static mock
 * of Amazon's definitions does that): the walk ends at once with {@code UPSTREAM_ERROR}, spending no more
 * of the rate budget.</li>
 * <li>At the bound the walk stops and answers {@link End#BOUND}: what an unfinished listing means is the
 * caller's to say, and each says it once — a listing that must be whole (accounts, users, roles, the
 * reconciler) through {@link #whole}, which fails with {@code UPSTREAM_ERROR} naming the bound; a look-up
 * (one invitation) answers that it stopped looking.</li>
 * </ul>
 */
public final class PageWalk<P> {

    /** How a walk ended. */
    public enum End {
        /** AMC's last page was read. */
        LAST_PAGE,
        /** The visitor had what it wanted. */
        STOPPED,
        /** The bound came before the listing ended. */
        BOUND
    }

    private final AmcOperation operation;
    private final int maxPages;
    private final Function<String, P> read;
    private final Function<P, String> nextTokenOf;
    private final Supplier<String> lastRequestId;
    private int pagesRead;

    /**
     * @param read one page after the given token ({@code null}: the first page)
     * @param nextTokenOf the page's {@code nextToken}
     * @param lastRequestId AMC's request id of the last page read, for the error a repeat or the bound becomes
     */
    PageWalk(AmcOperation operation, int maxPages, Function<String, P> read, Function<P, String> nextTokenOf,
            Supplier<String> lastRequestId) {
        this.operation = operation;
        this.maxPages = maxPages;
        this.read = read;
        this.nextTokenOf = nextTokenOf;
        this.lastRequestId = lastRequestId;
    }

    /** A walk of an account's users read outside this package (the access reconciler's, through the client). */
    public static PageWalk<AmcUserWire.UsersPage> users(int maxPages, Function<String, AmcUserWire.UsersPage> read) {
        return new PageWalk<>(AmcOperation.LIST_USERS, maxPages, read, AmcUserWire.UsersPage::nextToken, () -> null);
    }

    /** A walk of one user's permissions read outside this package (the access reconciler's, through the client). */
    public static PageWalk<AmcUserWire.PermissionsPage> permissions(int maxPages,
            Function<String, AmcUserWire.PermissionsPage> read) {
        return new PageWalk<>(AmcOperation.LIST_USER_PERMISSIONS, maxPages, read, AmcUserWire.PermissionsPage::nextToken,
                () -> null);
    }

    /** A walk of an account's invitations read outside this package (the access reconciler's, through the client). */
    public static PageWalk<AmcInvitationWire.Page> invitations(int maxPages, Function<String, AmcInvitationWire.Page> read) {
        return new PageWalk<>(AmcOperation.LIST_INVITATIONS, maxPages, read, AmcInvitationWire.Page::nextToken, () -> null);
    }

    /** Walks from the first page, showing each page to {@code visit} until it answers true. */
    public End walk(Predicate<P> visit) {
        return walkFrom(null, visit);
    }

    /** Walks from the page after {@code firstToken} (a first page read elsewhere), as {@link #walk}. */
    public End walkFrom(String firstToken, Predicate<P> visit) {
        String nextToken = firstToken;
        while (pagesRead < maxPages) {
            String sent = nextToken;
            P page = read.apply(sent);
            pagesRead++;
            if (visit.test(page)) {
                return End.STOPPED;
            }
            String received = nextTokenOf.apply(page);
            if (received == null || received.isBlank()) {
                return End.LAST_PAGE;
            }
            if (received.equals(sent)) {
                throw UpstreamException.pagingRepeat(operation, lastRequestId.get());
            }
            nextToken = received;
        }
        return End.BOUND;
    }

    /** The walk's end, where an unfinished listing is an error: {@code UPSTREAM_ERROR} at the bound. */
    public End whole(End end) {
        if (end == End.BOUND) {
            throw UpstreamException.pagingLoop(operation, maxPages, lastRequestId.get());
        }
        return end;
    }

    /** Pages read so far. */
    public int pagesRead() {
        return pagesRead;
    }
}
