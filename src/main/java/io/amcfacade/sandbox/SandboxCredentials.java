package io.amcfacade.sandbox;

/** The Login with Amazon app the sandbox recognises. */
public final class SandboxCredentials {

    public static final String CLIENT_ID = "amzn1.application-oa2-client.sandbox";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String REFRESH_TOKEN = "Atzr|sandbox-refresh-token";

    private SandboxCredentials() {
    }
}
