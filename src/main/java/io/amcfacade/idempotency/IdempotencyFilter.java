package io.amcfacade.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.Problem;
import io.amcfacade.audit.AuditContext;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Gives {@link Idempotent} operations their {@code Idempotency-Key} semantics: claims the key before
 * the operation runs (after its intent is audited), replays a stored answer, refuses a reused or
 * in-flight key, and stores the answer afterwards. A 503 is not stored: nothing was done, so a retry
 * with the same key runs again.
 */
public class IdempotencyFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    @Inject
    IdempotencyStore store;
    @Inject
    IdempotencyContext owned;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;
    @Inject
    AuditTrail trail;
    @Inject
    AuditContext audit;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response claim(ResourceInfo resource, ContainerRequestContext request) throws IOException, SQLException {
        String key = request.getHeaderString(HEADER);
        if (key == null || resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(Idempotent.class) || identity.isAnonymous()) {
            return null;
        }
        if (!WELL_FORMED.matcher(key).matches()) {
            throw new ProblemException(Problems.invalidField(HEADER, "must be 1 to 255 visible ASCII characters"));
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String operation = resource.getResourceMethod().getName();
        // The token subject, like the audit trail's actor: keys are scoped to who asked.
        String caller = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        // A claimed key names the action's event: the intent is in the trail before the claim is.
        trail.commitIntent();
        Claim claim = store.claim(caller, key, operation,
                RequestFingerprint.of(operation, request.getUriInfo().getPath(), body));
        if (claim instanceof Claim.Owned) {
            owned.own(caller, key);
            return null;
        }
        if (claim instanceof Claim.Replay replay) {
            trail.replayOf(replay.originalEventId());
            return Response.status(replay.status())
                    .type(replay.status() >= 400 ? Problems.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                    .header(REPLAYED, "true")
                    .entity(replayed(replay))
                    .build();
        }
        if (claim instanceof Claim.Reused) {
            throw new ProblemException(Problems.of(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key."));
        }
        boolean abandoned = ((Claim.InFlight) claim).abandoned();
        throw new ProblemException(Problems.of(ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT, abandoned
                ? "An earlier request with this Idempotency-Key never finished; its outcome is unknown. "
                        + "Check the resource and the audit trail, then use a new key."
                : "An earlier request with this Idempotency-Key is still running; retry shortly."));
    }

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void store(ContainerResponseContext response) {
        if (!owned.isOwned()) {
            return;
        }
        try {
            if (response.getStatus() == 503) {
                store.release(owned.caller(), owned.key());
            } else {
                store.complete(owned.caller(), owned.key(), response.getStatus(), serialize(response.getEntity()),
                        audit.eventId());
            }
        } catch (SQLException e) {
            // The key stays IN_FLIGHT: a retry gets 409 rather than a second action.
            LOG.errorf(e, "Could not store the answer for idempotency key of %s", owned.caller());
        }
    }

    /**
     * A replayed problem is answered as a problem document again, so that it carries this request's
     * correlation id and the trail records its code; other answers go out as stored.
     */
    private Object replayed(Claim.Replay replay) {
        if (replay.status() < 400 || replay.body() == null) {
            return replay.body();
        }
        try {
            return json.readValue(replay.body(), Problem.class).correlationId(null);
        } catch (JsonProcessingException e) {
            return replay.body();
        }
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
