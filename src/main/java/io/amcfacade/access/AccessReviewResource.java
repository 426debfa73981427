package io.amcfacade.access;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.amcfacade.access.query.AccessReviewPack;
import io.amcfacade.api.model.ExportFormat;
import io.amcfacade.api.streaming.AccessReviewApi;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;

/** {@code /v1/access/review}: the access-review pack, streamed with a manifest. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AccessReviewResource implements AccessReviewApi {

    @Inject
    AccessReviewPack pack;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_REVIEW)
    public Response exportAccessReview(ExportFormat format, OffsetDateTime asOf, String xOnBehalfOf) {
        return pack.download(asOf == null ? null : asOf.toInstant(), format == ExportFormat.CSV);
    }
}
