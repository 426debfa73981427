package io.amcfacade.sandbox;

/**
 * The error body each simulated AMC API answers with, as AMC's own APIs differ: the invitation API
 * {@code {"message"}}, the user-permissions API {@code {"code","message"}}, the instances API
 * {@code {"code","details"}}. Decided by the endpoint, so a check shared by several APIs still
 * answers in the shape of the API it guards.
 */
enum SandboxErrorBody {
    MESSAGE, CODE_MESSAGE, CODE_DETAILS;

    /** @param endpoint as counted in {@link SandboxStats}, e.g. {@code POST /users/list} */
    static SandboxErrorBody of(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (path.startsWith("/users/") || path.startsWith("/userRoles/") || path.startsWith("/userPermissions")) {
            return CODE_MESSAGE;
        }
        return path.startsWith("/amc/instances") ? CODE_DETAILS : MESSAGE;
    }

    /** The code the coded shapes carry when the rejection names none. */
    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "THROTTLED";
            default -> "INTERNAL_ERROR";
        };
    }
}
