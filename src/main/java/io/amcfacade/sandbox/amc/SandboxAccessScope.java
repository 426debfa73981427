package io.amcfacade.sandbox.amc;

import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.sandbox.SandboxRejection;

/**
 * The access scope of {@code /users/list} and {@code /userPermissions/list} ({@code accessScopeFilter.include}, exactly
 * one value). Amazon names the four without saying what each covers; the sandbox takes {@code DIRECT} as access granted
 * on the account itself, {@code INDIRECT} as access through a manager account the account is linked to, and
 * {@code EFFECTIVE} and {@code ALL} as both. Without the filter, {@code DIRECT}: what these lists always answered.
 */
enum SandboxAccessScope {
    ALL, DIRECT, EFFECTIVE, INDIRECT;

    static SandboxAccessScope of(String endpoint, JsonNode request) {
        JsonNode filter = request.get("accessScopeFilter");
        if (filter == null || filter.isNull()) {
            return DIRECT;
        }
        JsonNode include = filter.path("include");
        if (!include.isArray() || include.size() != 1 || !include.get(0).isTextual()) {
            throw new SandboxRejection(endpoint, 400, "accessScopeFilter.include must name exactly one of ALL, DIRECT, "
                    + "EFFECTIVE, INDIRECT");
        }
        for (SandboxAccessScope scope : values()) {
            if (scope.name().equals(include.get(0).asText())) {
                return scope;
            }
        }
        throw new SandboxRejection(endpoint, 400, "Unknown access scope " + include.get(0).asText());
    }

    boolean includesDirect() {
        return this != INDIRECT;
    }

    boolean includesIndirect() {
        return this != DIRECT;
    }
}
