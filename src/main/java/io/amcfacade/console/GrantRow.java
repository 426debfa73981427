package io.amcfacade.console;

import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessGrantedBy;
import io.quarkus.qute.TemplateData;

/** One grant as a line of the Access page, from the API's own model. */
@TemplateData
public record GrantRow(String accountId, String userId, String emailAddress, String role, Moment since, Granted by) {

    /** How a grant began or ended: through the facade, out of band, or already there at the baseline. */
    @TemplateData
    public record Granted(String via, String actor, String eventId) {

        static Granted of(AccessGrantedBy by) {
            if (by == null) {
                return null;
            }
            return new Granted(by.getVia() == null ? null : by.getVia().toString(), by.getActor(),
                    by.getEventId() == null ? null : by.getEventId().toString());
        }

        /** In words for the page: "svc-onboarding (through the facade)". */
        public String words() {
            String how = switch (via == null ? "" : via) {
                case "facade" -> "through the facade";
                case "out-of-band" -> "out of band";
                case "baseline" -> "there when the facade first looked";
                default -> via == null ? "unknown" : via;
            };
            return actor == null || "baseline".equals(via) ? how : actor + " (" + how + ")";
        }
    }

    static GrantRow of(AccessGrant grant) {
        return new GrantRow(grant.getAccountId(), grant.getUserId(), grant.getEmailAddress(), grant.getRole(),
                Moment.of(grant.getSince()), Granted.of(grant.getGrantedBy()));
    }
}
