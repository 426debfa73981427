package io.amcfacade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditIntegrityStatus;
import io.amcfacade.api.model.AuditOutcome;

/** The delivery rules worth a name, each edge in milliseconds: retry waits, refused endpoints, event types, cursors. */
class EventRulesTest {

    private static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(3));

    @Test
    void retriesBackOffFourfoldUpToTwelveHoursAndLastAtLeast72Hours() {
        assertThat(DEFAULT.waitAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULT.waitAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULT.waitAfter(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(DEFAULT.waitAfter(9)).isEqualTo(Duration.ofHours(12));
        assertThat(DEFAULT.waitAfter(500)).isEqualTo(Duration.ofHours(12));
        Instant first = Instant.parse("2026-12-01T00:00:00Z");
        Instant at = first;
        int attempts = 1;
        while (!DEFAULT.exhausted(first, at)) {
            at = at.plus(DEFAULT.waitAfter(attempts++));
        }
        assertThat(Duration.between(first, at)).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(attempts).as("attempts over the three days").isBetween(10, 20);
        assertThat(DEFAULT.exhausted(first, first.plus(Duration.ofHours(71)))).isFalse();
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessAllowed() {
        for (String address : List.of("169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1")) {
            assertThatThrownBy(() -> check("https://hook.example/x", address, EventsConfig.PrivateEndpoints.NONE))
                    .as(address).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(address.equals("::1")
                            ? "0:0:0:0:0:0:0:1" : address.contains(":") ? "" : address);
        }
        assertThat(check("http://hook.example/x", "127.0.0.1", EventsConfig.PrivateEndpoints.LOOPBACK)).isNotNull();
        assertThatThrownBy(() -> check("https://hook.example/x", "10.0.0.1", EventsConfig.PrivateEndpoints.LOOPBACK))
                .hasMessageContaining("private");
        assertThat(check("https://hook.example/x", "10.0.0.1", EventsConfig.PrivateEndpoints.ALL)).isNotNull();
        assertThat(check("https://hook.example/x", "93.184.216.34", EventsConfig.PrivateEndpoints.NONE)).isNotNull();
        assertThatThrownBy(() -> check("http://hook.example/x", "93.184.216.34", EventsConfig.PrivateEndpoints.NONE))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> check("https://user:pw@hook.example/x", "93.184.216.34", EventsConfig.PrivateEndpoints.NONE))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> check("/relative", "93.184.216.34", EventsConfig.PrivateEndpoints.NONE))
                .hasMessageContaining("absolute");
    }

    @Test
    void typesAreStableAndAFindingIsNeverTheActionItClaims() {
        assertThat(EventTypes.of("INVITATIONS_CREATE", AuditOutcome.SUCCEEDED, AuditIntegrityStatus.VERIFIED))
                .isEqualTo("io.amcfacade.invitation.created");
        assertThat(EventTypes.of("INVITATIONS_CREATE", AuditOutcome.DENIED, AuditIntegrityStatus.VERIFIED))
                .isEqualTo("io.amcfacade.request.denied");
        assertThat(EventTypes.of("INVITATIONS_CREATE", AuditOutcome.SUCCEEDED, AuditIntegrityStatus.REJECTED))
                .isEqualTo("io.amcfacade.audit.record_rejected");
        assertThat(EventTypes.of("NOT_AN_ACTION", AuditOutcome.SUCCEEDED, AuditIntegrityStatus.SEAL_INVALID))
                .isEqualTo("io.amcfacade.audit.record_rejected");
        assertThat(EventTypes.of("ACCOUNTS_LIST", AuditOutcome.SUCCEEDED, AuditIntegrityStatus.VERIFIED))
                .isEqualTo("io.amcfacade.action.recorded");
        assertThat(OcsfClass.of("USER_REMOVE").typeUid()).isEqualTo(300106L);
        assertThat(OcsfClass.of("INVITATION_REVOKE").typeUid()).isEqualTo(300502L);
        assertThat(OcsfClass.of("INSTANCE_CREATE").typeUid()).isEqualTo(300401L);
        assertThat(OcsfClass.of("AUDIT_QUERY").categoryUid()).isEqualTo(6);
        assertThat(EventTypes.of("MANAGER_ACCOUNT_LINK", AuditOutcome.PARTIAL, AuditIntegrityStatus.VERIFIED))
                .isEqualTo("io.amcfacade.manager_account.linked");
        assertThat(EventTypes.of("MANAGER_ACCOUNT_UNLINK", AuditOutcome.SUCCEEDED, AuditIntegrityStatus.VERIFIED))
                .isEqualTo("io.amcfacade.manager_account.unlinked");
        assertThat(OcsfClass.of("MANAGER_ACCOUNT_LINK").typeUid()).as("Assign Privileges").isEqualTo(300501L);
        assertThat(OcsfClass.of("MANAGER_ACCOUNT_UNLINK").typeUid()).as("Revoke Privileges").isEqualTo(300502L);
        assertThat(OcsfClass.of("MANAGER_ACCOUNTS_LIST").activityName()).isEqualTo("Read");
    }

    /** Every type an action can be delivered as is one the contract's {@code EventType} lists, so clients can switch on it. */
    @Test
    void everyActionsTypeIsInTheContract() {
        List<String> documented = new java.util.ArrayList<>();
        io.amcfacade.support.Contract.file().path("components").path("schemas").path("EventType").path("enum")
                .forEach(type -> documented.add(type.asText()));
        for (io.amcfacade.audit.AuditAction action : io.amcfacade.audit.AuditAction.values()) {
            assertThat(documented).as(action.name())
                    .contains(EventTypes.of(action.name(), AuditOutcome.SUCCEEDED, AuditIntegrityStatus.VERIFIED));
        }
    }

    @Test
    void aCursorRoundTripsAndAnyOtherTextIsRefused() {
        Position position = new Position(42, 1234);
        assertThat(Position.decode(position.encode())).isEqualTo(position);
        assertThat(Position.decode(Position.endOf(7).encode())).isEqualTo(Position.endOf(7));
        for (String bad : List.of("", "abc", "ZTE6LTE6Mg", "YTE6MToy")) {
            assertThatThrownBy(() -> Position.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static java.net.URI check(String endpoint, String address, EventsConfig.PrivateEndpoints allowed) {
        return EndpointCheck.check(endpoint, allowed, host -> List.of(parse(address)));
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
