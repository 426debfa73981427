package io.amcfacade.security;

/**
 * The caller tokens a simulator built into the facade mints for local use: their issuer, which a deployment
 * against real AMC never trusts ({@link ProductionReadiness}).
 */
public final class SimulatorTokens {

    public static final String ISSUER = "urn:amc-facade:sandbox";

    private SimulatorTokens() {
    }
}
