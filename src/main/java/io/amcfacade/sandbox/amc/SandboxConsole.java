package io.amcfacade.sandbox.amc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What AMC's own console can do to an account's users, bypassing the facade: the simulator's state
 * changed directly, with AMC's rules (the last admin stays), so tests and newcomers can make the
 * drift the access reconciler is there to find. Used by {@code sandbox.console}.
 */
@ApplicationScoped
public class SandboxConsole {

    /** A user as the console shows them; {@code role} in the facade's spelling. */
    public record ConsoleUser(String userId, String emailAddress, String role) {
    }

    /** A console change AMC refused: {@code code} is {@code NOT_FOUND} or {@code LAST_ADMIN}. */
    public static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final SandboxState state;

    public SandboxConsole(SandboxState state) {
        this.state = state;
    }

    public boolean hasAccount(String accountId) {
        return state.account(accountId).isPresent();
    }

    public ConsoleUser setRole(String accountId, String userId, String role) {
        SandboxAccountState account = account(accountId);
        Optional<SandboxUserWire.ItemError> error = account.setRole(userId, role.toUpperCase(Locale.ROOT));
        if (error.isPresent()) {
            throw new Refused(error.get().code(), error.get().message());
        }
        return shown(account.user(userId).orElseThrow());
    }

    public ConsoleUser remove(String accountId, String userId) {
        SandboxAccountState account = account(accountId);
        SandboxUser user = account.user(userId).orElseThrow(() -> new Refused(SandboxUserRoster.NOT_FOUND,
                "No user " + userId + " in account " + accountId));
        SandboxUserRoster.Removal removal = account.remove(List.of(userId));
        if (removal.refusedLastAdmin()) {
            throw new Refused(SandboxUserRoster.LAST_ADMIN, "Cannot remove the last administrator of the account");
        }
        return shown(user);
    }

    /** Adds a user directly, as an admin adding someone in AMC's console would (no invitation). */
    public ConsoleUser addUser(String accountId, String emailAddress, String role) {
        SandboxAccountState account = account(accountId);
        SandboxUser user = SandboxUser.create(emailAddress, role.toUpperCase(Locale.ROOT));
        if (!account.addConsoleUser(user)) {
            throw new Refused("ALREADY_A_USER", "is already a user of account " + accountId);
        }
        return shown(user);
    }

    private SandboxAccountState account(String accountId) {
        return state.account(accountId).orElseThrow(() -> new Refused(SandboxUserRoster.NOT_FOUND,
                "No account " + accountId));
    }

    private static ConsoleUser shown(SandboxUser user) {
        return new ConsoleUser(user.userId(), user.emailAddress(), user.role().toLowerCase(Locale.ROOT));
    }
}
