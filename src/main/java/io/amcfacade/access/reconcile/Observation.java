package io.amcfacade.access.reconcile;

/** What the reconciler read of one AMC account, in the facade's vocabulary. */
public final class Observation {

    private Observation() {
    }

    /** A user as AMC lists them, without a role (AMC lists roles one user at a time). */
    public record ObservedUser(String userId, String emailAddress) {
    }

    /**
     * Which manager accounts each AMC account is linked to, from the regions whose listing answered in this pass;
     * an account of another region has unknown links.
     */
    public record ManagerAccountLinks(java.util.Map<String, java.util.Set<String>> byAccount,
            java.util.Set<io.amcfacade.regions.Region> answered) {

        public static final ManagerAccountLinks UNKNOWN = new ManagerAccountLinks(java.util.Map.of(), java.util.Set.of());

        /** The account's links, sorted and space-separated ("" for none); null when its region did not answer. */
        public String of(String accountId, io.amcfacade.regions.Region region) {
            if (region == null || !answered.contains(region)) {
                return null;
            }
            return String.join(" ", byAccount.getOrDefault(accountId, java.util.Set.of()));
        }
    }

    /** An invitation as AMC lists it; {@code state} is the facade's ({@code PENDING}, {@code REVOKED}, …). */
    public record ObservedInvitation(String invitationId, String emailAddress, String role, String state) {
    }
}
