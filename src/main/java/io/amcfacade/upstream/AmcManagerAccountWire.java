package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Amazon's Manager Account API as it is on the wire (ManagerAccount_prod_3p.json). Unknown fields Amazon adds later are
 * ignored; absent lists read as empty.
 */
public final class AmcManagerAccountWire {

    /** The account type of an AMC account among a manager account's linked accounts. */
    public static final String MARKETING_CLOUD = "MARKETING_CLOUD";
    /** How {@link AccountToUpdate#type()} names an account (rather than a DSP advertiser). */
    public static final String ACCOUNT_ID = "ACCOUNT_ID";

    private AmcManagerAccountWire() {
    }

    /** An account linked to a manager account: {@code accountType} MARKETING_CLOUD for an AMC account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkedAccount(String accountId, String accountName, String accountType, String marketplaceId,
            String profileId, String dspAdvertiserId) {

        public boolean isAmcAccount() {
            return MARKETING_CLOUD.equals(accountType);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ManagerAccount(String managerAccountId, String managerAccountName, List<LinkedAccount> linkedAccounts) {

        public List<LinkedAccount> linkedAccounts() {
            return linkedAccounts == null ? List.of() : linkedAccounts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ManagerAccounts(List<ManagerAccount> managerAccounts) {

        public List<ManagerAccount> managerAccounts() {
            return managerAccounts == null ? List.of() : managerAccounts;
        }
    }

    /** One account to link or unlink; {@code roles} one relationship role at most ({@code null}: Amazon's default). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccountToUpdate(String id, String type, List<String> roles) {

        public static AccountToUpdate account(String accountId) {
            return new AccountToUpdate(accountId, ACCOUNT_ID, null);
        }
    }

    /** 1 to 20 accounts. */
    public record LinkRequest(List<AccountToUpdate> accounts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorDetail(String code, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(AccountToUpdate account, ErrorDetail error) {
    }

    /** The 207's body: the accounts linked (or unlinked) and those that were not, each with why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkResult(List<AccountToUpdate> succeedAccounts, List<Failure> failedAccounts) {

        public List<AccountToUpdate> succeedAccounts() {
            return succeedAccounts == null ? List.of() : succeedAccounts;
        }

        public List<Failure> failedAccounts() {
            return failedAccounts == null ? List.of() : failedAccounts;
        }
    }
}
