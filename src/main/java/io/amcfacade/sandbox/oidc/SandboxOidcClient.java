package io.amcfacade.sandbox.oidc;

/**
 * The one client the sandbox provider knows: the facade's own console. In sandbox mode the console is
 * configured with exactly these (SandboxModeConfigSourceFactory).
 */
public final class SandboxOidcClient {

    public static final String CLIENT_ID = "amc-console";
    /** 32 characters or more: quarkus-oidc then also uses it to encrypt the session cookie. */
    public static final String CLIENT_SECRET = "sandbox-console-secret-not-for-production-use";
    /** Where the provider lives below {@code amc.sandbox.base-url}. */
    public static final String PATH = "/oidc";
    /** Roles the sign-in page offers: the facade's own, as a company provider would send them in {@code groups}. */
    public static final java.util.List<String> ROLES = java.util.List.of("auditor", "amc-viewer", "amc-admin");

    private SandboxOidcClient() {
    }
}
