package io.amcfacade.web;

/** Which paths are the facade's API, whose every request is audited: all but the sandbox and {@code /q}. */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return path != null && !path.equals("/q") && !path.startsWith("/q/") && !path.equals("/sandbox")
                && !path.startsWith("/sandbox/");
    }
}
