package io.amcfacade.console;

import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessGrantedBy;
import io.amcfacade.api.model.AccessHeldVia;
import io.quarkus.qute.TemplateData;

/** One grant as a line of the Access page, from the API's own model. */
@TemplateData
public record GrantRow(String accountId, String region, String userId, String emailAddress, String role, Held held,
        Moment since, Granted by) {

    /** How the access is held: directly, or through a manager account (the role being the user's role there). */
    @TemplateData
    public record Held(String via, String managerAccountId) {

        static Held of(AccessHeldVia held) {
            return held == null ? new Held("direct", null)
                    : new Held(held.getVia() == null ? "direct" : held.getVia().toString(), held.getManagerAccountId());
        }

        public boolean direct() {
            return managerAccountId == null;
        }

        /** In words for the page: "direct" or "via manager account amzn1…". */
        public String words() {
            return direct() ? "direct" : "via manager account " + managerAccountId;
        }
    }

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
        return new GrantRow(grant.getAccountId(), grant.getRegion() == null ? null : grant.getRegion().toString(),
                grant.getUserId(), grant.getEmailAddress(), grant.getRole(), Held.of(grant.getHeldVia()),
                Moment.of(grant.getSince()), Granted.of(grant.getGrantedBy()));
    }
}
