package io.amcfacade.sandbox.amc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes the simulated Manager Account API writes, field for field as Amazon names them. */
final class SandboxManagerAccountWire {

    static final String MARKETING_CLOUD = "MARKETING_CLOUD";

    private SandboxManagerAccountWire() {
    }

    /** An account linked to a manager account; every account the sandbox holds is an AMC (MARKETING_CLOUD) one. */
    record LinkedAccount(String accountId, String accountName, String accountType, String marketplaceId) {
    }

    record ManagerAccount(String managerAccountId, String managerAccountName, List<LinkedAccount> linkedAccounts) {
    }

    record ManagerAccounts(List<ManagerAccount> managerAccounts) {
    }

    /** One account of a link or unlink request, echoed in the answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountToUpdate(String id, String type, List<String> roles) {
    }

    record ErrorDetail(String code, String message) {
    }

    record Failure(AccountToUpdate account, ErrorDetail error) {
    }

    /** The 207's body: the accounts linked (or unlinked) and those that were not, each with why. */
    record Result(List<AccountToUpdate> succeedAccounts, List<Failure> failedAccounts) {
    }
}
