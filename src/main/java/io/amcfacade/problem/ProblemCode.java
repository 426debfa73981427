package io.amcfacade.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem code the facade answers with, each with its HTTP status and title: the one place a
 * code is declared. {@code openapi.yaml} documents exactly these (the table in the description of
 * {@code Problem.code}); {@code ProblemCodesTest} keeps the two in step.
 */
public enum ProblemCode {

    INVALID_REQUEST(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    AMC_ACCESS_DENIED(403, "AMC access denied"),
    REDEEM_FORBIDDEN(403, "Redeem forbidden"),
    NOT_FOUND(404, "Not found"),
    ACCOUNT_NOT_FOUND(404, "Account not found"),
    AUDIT_EVENT_NOT_FOUND(404, "Audit event not found"),
    INSTANCE_NOT_FOUND(404, "Instance not found"),
    INVITATION_NOT_FOUND(404, "Invitation not found"),
    /** The invitation is not in the part of the account's list the facade reads to find one; it may lie further on. */
    INVITATION_LOOKUP_LIMIT(404, "Invitation beyond the lookup limit"),
    USER_NOT_FOUND(404, "User not found"),
    MANAGER_ACCOUNT_NOT_FOUND(404, "Manager account not found"),
    OPERATION_NOT_FOUND(404, "Operation not found"),
    EVENT_SUBSCRIPTION_NOT_FOUND(404, "Event subscription not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    IDEMPOTENCY_KEY_IN_FLIGHT(409, "Idempotency key in flight"),
    INVALID_STATE_TRANSITION(409, "Invalid state transition"),
    INVITATION_NOT_REDEEMABLE(409, "Invitation not redeemable"),
    LAST_ADMIN(409, "Last admin"),
    NOTHING_TO_ACKNOWLEDGE(409, "Nothing to acknowledge"),
    ADVERTISER_UPDATE_OPEN(409, "Advertiser update open"),
    INSTANCE_BUSY(409, "Instance has an open operation"),
    INSTANT_ACCESS_INSTANCE(409, "Instant-access instance"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    INVITEE_TOKEN_REJECTED(422, "Invitee token rejected"),
    RATE_LIMITED(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    UPSTREAM_RATE_LIMITED(429, "AMC budget exhausted"),
    INTERNAL_ERROR(500, "Internal error"),
    /** 502 when AMC refused a change it was asked to make; 400 when AMC refused the request as invalid. */
    UPSTREAM_REJECTED(502, "AMC rejected the request"),
    UPSTREAM_ERROR(502, "Upstream error"),
    UPSTREAM_OUTCOME_UNKNOWN(502, "Upstream outcome unknown"),
    UPSTREAM_CONNECTION_LOST(502, "Upstream connection lost"),
    UPSTREAM_CREDENTIALS(502, "Upstream credentials refused"),
    AUDIT_UNAVAILABLE(503, "Audit trail unavailable"),
    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    RATE_LIMIT_UNAVAILABLE(503, "Rate limit unavailable"),
    UPSTREAM_UNAVAILABLE(503, "Upstream unavailable"),
    UPSTREAM_THROTTLED(503, "AMC is throttling"),
    UPSTREAM_CIRCUIT_OPEN(503, "AMC is failing"),
    UPSTREAM_BUSY(503, "Too many AMC calls in flight"),
    UPSTREAM_TIMEOUT(504, "Upstream timeout"),
    DEADLINE_EXCEEDED(504, "Deadline exceeded");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The code named {@code code}, if the facade has one by that name. */
    public static Optional<ProblemCode> find(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
