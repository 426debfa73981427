package io.amcfacade.sandbox.amc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.sandbox.SandboxRejection;

/**
 * Page sizes and {@code nextToken}s of the simulated list calls. A token names its account and list,
 * so one account's token cannot page through another's data, nor a users token through invitations.
 */
final class SandboxPaging {

    private SandboxPaging() {
    }

    /** A page size from a JSON body: absent means {@code max}; anything outside 1 to {@code max} is refused. */
    static int maxResults(String endpoint, JsonNode value, String field, int max) {
        if (value == null || value.isNull()) {
            return max;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1 || value.intValue() > max) {
            throw new SandboxRejection(endpoint, 400, field + " must be between 1 and " + max);
        }
        return value.intValue();
    }

    /** A page size from a query parameter, with the same rules. */
    static int maxResults(String endpoint, String value, String field, int max) {
        if (value == null) {
            return max;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Refused below like any other out-of-range value.
        }
        throw new SandboxRejection(endpoint, 400, field + " must be between 1 and " + max);
    }

    static String nextToken(String list, String accountId, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + accountId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a page starts: 0 without a token; a token that is not a string is refused like a forged one. */
    static int offset(String endpoint, String list, String accountId, JsonNode token, int size) {
        if (token == null || token.isNull()) {
            return 0;
        }
        return offset(endpoint, list, accountId, token.isTextual() ? token.textValue() : "", size);
    }

    static int offset(String endpoint, String list, String accountId, String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String prefix = list + ":" + accountId + ":";
            if (decoded.startsWith(prefix)) {
                int offset = Integer.parseInt(decoded.substring(prefix.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number: refused below like any other unknown token.
        }
        throw new SandboxRejection(endpoint, 400, "Invalid nextToken");
    }
}
