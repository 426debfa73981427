package io.amcfacade.sandbox;

import java.util.Map;

/**
 * The error body each simulated API answers with, as Amazon's own APIs differ: the accounts API
 * {@code {"message","requestId"}}, the invitation API {@code {"message"}}, the user-permissions API
 * {@code {"code","message"}}, the instances API {@code {"code","details"}}, Login with Amazon
 * {@code {"error","error_description"}}. Decided by the endpoint, so a check shared by several APIs
 * still answers in the shape of the API it guards.
 */
enum SandboxErrorBody {
    MESSAGE_REQUEST_ID, MESSAGE, CODE_MESSAGE, CODE_DETAILS, OAUTH;

    /** @param endpoint as counted in {@link SandboxStats}, e.g. {@code POST /users/list} */
    static SandboxErrorBody of(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (path.startsWith("/users/") || path.startsWith("/userRoles/") || path.startsWith("/userPermissions")) {
            return CODE_MESSAGE;
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
