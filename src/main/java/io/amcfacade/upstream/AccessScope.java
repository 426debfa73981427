package io.amcfacade.upstream;

/**
 * The access scope of AMC's user and permission listings ({@code accessScopeFilter.include}), as Amazon's
 * user-permissions definition names it. Amazon does not say what each covers; docs/upstream.md says what the facade
 * takes them to mean: {@code DIRECT} access granted on the account itself, {@code INDIRECT} access held through a
 * manager account the account is linked to, {@code EFFECTIVE} and {@code ALL} both.
 */
public enum AccessScope {
    ALL, DIRECT, EFFECTIVE, INDIRECT
}
