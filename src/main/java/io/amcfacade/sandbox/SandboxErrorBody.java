package io.amcfacade.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * The error body each simulated API answers with, as Amazon's own APIs differ: the accounts API
 * {@code {"message","requestId"}}, the invitation API {@code {"message"}}, the user-permissions API
 * {@code {"code","message"}}, the instances API {@code {"code","details"}}, Login with Amazon
 * {@code {"error","error_description"}}; the manager-account listing none at all (Amazon declares no error body), its
 * links {@code {"code","message"}} with Amazon's five codes, in their vendor media type. Decided by the endpoint, so a check shared by several APIs
 * still answers in the shape of the API it guards.
 */
enum SandboxErrorBody {
    MESSAGE_REQUEST_ID, MESSAGE, CODE_MESSAGE, CODE_DETAILS, OAUTH, NONE, MANAGER_ACCOUNT_ERROR;

    private static final Set<String> MANAGER_ACCOUNT_CODES = Set.of("BAD_REQUEST", "FORBIDDEN",
            "INTERNAL_SERVICE_ERROR", "TOO_MANY_REQUESTS", "UNAUTHORIZED");

    /** @param endpoint as counted in {@link SandboxStats}, e.g. {@code POST /users/list} */
    static SandboxErrorBody of(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (path.startsWith("/users/") || path.startsWith("/userRoles/") || path.startsWith("/userPermissions")) {
            return CODE_MESSAGE;
        }
        if (path.equals("/managerAccounts")) {
            return NONE;
        }
        if (path.startsWith("/managerAccounts/")) {
            return MANAGER_ACCOUNT_ERROR;
        }
        if (path.startsWith("/amc/instances")) {
            return CODE_DETAILS;
        }
        if (path.startsWith("/amc/accounts")) {
            return MESSAGE_REQUEST_ID;
        }
        return path.startsWith("/auth/") ? OAUTH : MESSAGE;
    }

    /** The media type the API declares its errors in: the vendor type for accounts and instances, JSON otherwise. */
    String mediaType() {
        return switch (this) {
            case MESSAGE_REQUEST_ID -> "application/vnd.amcaudiencesconnections.v1+json";
            case CODE_DETAILS -> "application/vnd.amcinstances.v1+json";
            case MANAGER_ACCOUNT_ERROR -> "application/vnd.updateadvertisingaccountsinmanageraccountresponse.v1+json";
            case NONE -> null;
            default -> "application/json";
        };
    }

    Object body(String code, String message, String requestId) {
        return switch (this) {
            case MESSAGE_REQUEST_ID -> Map.of("message", message, "requestId", requestId);
            case MESSAGE -> Map.of("message", message);
            case CODE_MESSAGE -> Map.of("code", code, "message", message);
            case CODE_DETAILS -> Map.of("code", code, "details", message);
            case OAUTH -> Map.of("error", code, "error_description", message);
            case NONE -> null;
            case MANAGER_ACCOUNT_ERROR -> Map.of("code", managerAccountCode(code), "message", message);
        };
    }

    /** Amazon's ErrorDetail knows five codes; the sandbox's others read as the nearest of them. */
    private static String managerAccountCode(String code) {
        if (MANAGER_ACCOUNT_CODES.contains(code)) {
            return code;
        }
        return switch (code) {
            case "THROTTLED" -> "TOO_MANY_REQUESTS";
            case "INTERNAL_ERROR" -> "INTERNAL_SERVICE_ERROR";
            default -> "BAD_REQUEST";
        };
    }

    /** The code the coded shapes carry when the rejection names none. */
    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "THROTTLED";
            default -> "INTERNAL_ERROR";
        };
    }
}
