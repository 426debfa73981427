package io.amcfacade.manageraccounts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.ManagerAccountLinkResult;
import io.amcfacade.api.model.ManagerAccountLinkStatus;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcManagerAccountWire.AccountToUpdate;
import io.amcfacade.upstream.AmcManagerAccountWire.Failure;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkResult;

/**
 * What each account of a link or unlink comes to: decided before anything is sent from the manager account as its
 * region lists it now (an account already linked, or not linked for an unlink, is not sent), then from Amazon's 207,
 * which names each account it linked and each it did not, with Amazon's code and message. An account the 207 names
 * in neither list may or may not have been changed: {@code UNKNOWN}.
 */
final class LinkPlan {

    /** Which way the accounts go. */
    enum Direction {
        LINK(ManagerAccountLinkStatus.LINKED, ManagerAccountLinkStatus.ALREADY_LINKED, TargetResult.CREATED),
        UNLINK(ManagerAccountLinkStatus.UNLINKED, ManagerAccountLinkStatus.NOT_LINKED, TargetResult.REMOVED);

        final ManagerAccountLinkStatus done;
        final ManagerAccountLinkStatus alreadySo;
        final TargetResult recorded;

        Direction(ManagerAccountLinkStatus done, ManagerAccountLinkStatus alreadySo, TargetResult recorded) {
            this.done = done;
            this.alreadySo = alreadySo;
            this.recorded = recorded;
        }
    }

    private LinkPlan() {
    }

    /** Each account at most once; a 400 naming the repeated one before anything is read or recorded. */
    static void validate(List<String> accountIds) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < accountIds.size(); i++) {
            Integer earlier = first.putIfAbsent(accountIds.get(i), i);
            if (earlier != null) {
                throw new ProblemException(Problems.invalidField("accountIds[" + i + "]",
                        "duplicates accountIds[" + earlier + "]; each account may appear once a call"));
            }
        }
    }

    /** The accounts to send: those not already as asked. */
    static List<String> toSend(List<String> accountIds, Set<String> linked, Direction direction) {
        return accountIds.stream().filter(id -> linked.contains(id) == (direction == Direction.UNLINK)).toList();
    }

    /** One result per account, in the order asked; {@code answer} is {@code null} when nothing was sent. */
    static List<ManagerAccountLinkResult> results(List<String> accountIds, List<String> sent, LinkResult answer,
            Direction direction) {
        Map<String, Failure> failed = new HashMap<>();
        Set<String> succeeded = new java.util.HashSet<>();
        if (answer != null) {
            answer.failedAccounts().stream().filter(f -> f.account() != null && f.account().id() != null)
                    .forEach(f -> failed.putIfAbsent(f.account().id(), f));
            answer.succeedAccounts().stream().map(AccountToUpdate::id).forEach(succeeded::add);
        }
        return accountIds.stream().map(id -> {
            if (!sent.contains(id)) {
                return new ManagerAccountLinkResult(id, direction.alreadySo);
            }
            Failure failure = failed.get(id);
            if (failure != null) {
                String code = failure.error() == null || failure.error().code() == null ? "UNKNOWN_ERROR"
                        : failure.error().code();
                String message = failure.error() == null || failure.error().message() == null ? "Amazon gave no reason."
                        : failure.error().message();
                return new ManagerAccountLinkResult(id, ManagerAccountLinkStatus.FAILED).error(new ItemError(code, message));
            }
            if (succeeded.contains(id)) {
                return new ManagerAccountLinkResult(id, direction.done);
            }
            return new ManagerAccountLinkResult(id, ManagerAccountLinkStatus.UNKNOWN).error(new ItemError(
                    "UPSTREAM_OUTCOME_UNKNOWN", "Amazon's answer named this account neither done nor failed; read the "
                            + "manager account (GET /v1/manager-accounts/{managerAccountId}) before trying again."));
        }).toList();
    }

    static boolean succeeded(ManagerAccountLinkResult result) {
        return result.getStatus() != ManagerAccountLinkStatus.FAILED
                && result.getStatus() != ManagerAccountLinkStatus.UNKNOWN;
    }

    /** The audit targets with their results: each account, as the trail spells its outcome. */
    static List<AuditTargetEntry> recorded(List<ManagerAccountLinkResult> results, Direction direction) {
        return results.stream().map(r -> AuditTargetEntry.account(r.getAccountId()).withResult(switch (r.getStatus()) {
            case LINKED, UNLINKED -> direction.recorded;
            case ALREADY_LINKED, NOT_LINKED -> TargetResult.UNCHANGED;
            case FAILED -> TargetResult.FAILED;
            case UNKNOWN -> TargetResult.UNKNOWN;
        }, r.getError() == null ? null : r.getError().getCode())).toList();
    }

    /**
     * The audit targets when the one upstream call failed as a whole: the accounts sent failed with its problem, or
     * are unknown when the call may have acted (Amazon's 5xx, a lost connection, a timeout); the rest unchanged.
     */
    static List<AuditTargetEntry> recordedAfter(ProblemException failure, List<String> accountIds, List<String> sent) {
        String code = failure.problem().getCode();
        boolean mayHaveActed = failure.problem().getStatus() == 504 || ProblemCode.UPSTREAM_OUTCOME_UNKNOWN.name().equals(code)
                || ProblemCode.UPSTREAM_CONNECTION_LOST.name().equals(code);
        TargetResult outcome = mayHaveActed ? TargetResult.UNKNOWN : TargetResult.FAILED;
        return accountIds.stream().map(id -> sent.contains(id)
                ? AuditTargetEntry.account(id).withResult(outcome, code)
                : AuditTargetEntry.account(id).withResult(TargetResult.UNCHANGED, null)).toList();
    }
}
