package io.amcfacade.console;

import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.amcfacade.access.query.AccessHistoryQuery;
import io.amcfacade.api.model.AccessPeriod;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * A user's access history on one account: every period they held a role, oldest first, with the action
 * that began and ended it, from issue 16's {@link AccessHistoryQuery}, audited as
 * {@code GET /v1/access/history} ({@code ACCESS_HISTORY}). Their invitations and every other action that
 * touched them are on the Timeline, which the page links to.
 */
@Path("/console/access/history")
@Produces(MediaType.TEXT_HTML)
public class AccessHistoryPage {

    @Inject
    AccessHistoryQuery history;
    @Inject
    ConsoleViewer viewer;
    @Inject
    io.amcfacade.access.query.AccessInventory inventory;

    /**
     * {@code console/access-history.html}: every period oldest first, the latest email seen and the role held
     * now ({@code null}: none).
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AccessHistory(Layout layout, String accountId, String region, String userId, String email,
            List<PeriodRow> periods, String current) implements TemplateInstance {
    }

    /** Whose history: both ids are required, held to the rules of {@code GET /v1/access/history}. */
    record Whose(String accountId, String userId) {

        static Parsed<Whose> parse(UriInfo uri) {
            QueryFields fields = new QueryFields(uri.getQueryParameters());
            return fields.parsed(new Whose(fields.requiredId("accountId"), fields.requiredId("userId")));
        }
    }

    /**
     * One period of the history: a role held one way in ({@code held}) from {@code since} until {@code until} (null:
     * still held); its change is told against the period before it of the same way in.
     */
    @TemplateData
    public record PeriodRow(String role, GrantRow.Held held, String emailAddress, Moment since, Moment until,
            GrantRow.Granted grantedBy, GrantRow.Granted endedBy, String change) {

        static PeriodRow of(AccessPeriod period, AccessPeriod before) {
            String change = before == null ? "first seen"
                    : Objects.equals(before.getUntil(), period.getSince()) && !Objects.equals(before.getRole(), period.getRole())
                            ? before.getRole() + " → " + period.getRole() : "granted again";
            return new PeriodRow(period.getRole(), GrantRow.Held.of(period.getHeldVia()), period.getEmailAddress(),
                    Moment.of(period.getSince()),
                    Moment.of(period.getUntil()), GrantRow.Granted.of(period.getGrantedBy()),
                    GrantRow.Granted.of(period.getEndedBy()), change);
        }
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_HISTORY)
    public TemplateInstance show(@Context UriInfo uri) {
        Whose whose = Whose.parse(uri).orRefuse();
        var found = history.history(whose.accountId(), whose.userId());
        List<AccessPeriod> periods = found.getPeriods();
        List<PeriodRow> rows = new java.util.ArrayList<>(periods.size());
        java.util.Map<GrantRow.Held, AccessPeriod> lastOfWay = new java.util.HashMap<>();
        for (AccessPeriod period : periods) {
            GrantRow.Held way = GrantRow.Held.of(period.getHeldVia());
            rows.add(PeriodRow.of(period, lastOfWay.get(way)));
            lastOfWay.put(way, period);
        }
        String email = periods.stream().map(AccessPeriod::getEmailAddress).filter(Objects::nonNull)
                .reduce((first, last) -> last).orElse(null);
        // Every way in held now: "admin" (direct), "viewer (via manager account …)".
        List<String> held = periods.stream().filter(p -> p.getUntil() == null).map(p -> {
            GrantRow.Held way = GrantRow.Held.of(p.getHeldVia());
            return way.direct() ? p.getRole() : p.getRole() + " (" + way.words() + ")";
        }).toList();
        String current = held.isEmpty() ? null : String.join(", ", held);
        var region = inventory.regions().get(whose.accountId());
        return new AccessHistory(viewer.layout(Section.ACCESS), whose.accountId(), region == null ? null : region.id(),
                whose.userId(), email, rows, current);
    }
}
