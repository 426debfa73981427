package io.amcfacade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How AMC's spellings of user roles, error codes and instance timestamps become the facade's. */
class AmcVocabularyTest {

    @Test
    void theUserPermissionsApiGetsUpperCaseRoles() {
        assertThat(AmcVocabulary.userPermissionRole("admin")).isEqualTo("ADMIN");
        assertThat(AmcVocabulary.userPermissionRole("viewer")).isEqualTo("VIEWER");
    }

    @Test
    void aUsersRolesReadAsTheStrongestInTheFacadesSpelling() {
        assertThat(AmcVocabulary.facadeUserRole(roles("VIEWER"))).isEqualTo("viewer");
        assertThat(AmcVocabulary.facadeUserRole(roles("Viewer", "ADMIN"))).isEqualTo("admin");
        assertThat(AmcVocabulary.facadeUserRole(roles("EDITOR", "viewer"))).isEqualTo("viewer");
        assertThat(AmcVocabulary.facadeUserRole(roles("EDITOR"))).isEqualTo("EDITOR");
        assertThat(AmcVocabulary.facadeUserRole(List.of())).isNull();
    }

    @Test
    void onlyARoleGrantMakesAnAdminNotACustomPermissionSetNamingTheRole() {
        AmcUserWire.Role customAdmin = new AmcUserWire.Role("ADMIN", "CUSTOM_PERMISSION_SET", List.of("US"));
        AmcUserWire.Role viewer = new AmcUserWire.Role("VIEWER", "ROLE", List.of("US"));

        assertThat(AmcVocabulary.facadeUserRole(List.of(customAdmin, viewer))).isEqualTo("viewer");
        assertThat(AmcVocabulary.facadeUserRole(List.of(customAdmin))).isNull();
    }

    @Test
    void epochNumbersAreReadAsSecondsOrMillisecondsWithOrWithoutAFraction() {
        Instant expected = Instant.parse("2026-01-15T09:30:00.500Z");
        assertThat(AmcVocabulary.instant(expected.toEpochMilli() / 1000.0)).isEqualTo(expected);
        assertThat(AmcVocabulary.instant((double) expected.toEpochMilli())).isEqualTo(expected);
        assertThat(AmcVocabulary.instant(Double.NaN)).isNull();
    }

    @Test
    void anEpochNoAmcTimestampCanBeReadsAsAbsentNotAsAYearBeyondIso8601() {
        // Prism's mock of Amazon's invitation definition answers createdAt/expiration -1.79e308 (a valid double).
        assertThat(AmcVocabulary.instant(-Double.MAX_VALUE)).isNull();
        assertThat(AmcVocabulary.instant(Double.MAX_VALUE)).isNull();
        assertThat(AmcVocabulary.instant(-1.0)).isNull();
        assertThat(AmcVocabulary.instant(0.0)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void theDeprecatedSucceededStatusReadsAsCompleted() {
        assertThat(AmcVocabulary.instanceStatus("SUCCEEDED")).isEqualTo("COMPLETED");
        assertThat(AmcVocabulary.instanceStatus("IN_PROGRESS")).isEqualTo("IN_PROGRESS");
    }

    private static List<AmcUserWire.Role> roles(String... names) {
        return Arrays.stream(names).map(name -> new AmcUserWire.Role(name, "ROLE", List.of())).toList();
    }

    @Test
    void userErrorCodesAmcMightSendBecomeTheFacadesOwn() {
        assertThat(AmcVocabulary.userErrorCode("NOT_FOUND")).isEqualTo("USER_NOT_FOUND");
        assertThat(AmcVocabulary.userErrorCode("last_admin")).isEqualTo("LAST_ADMIN");
        assertThat(AmcVocabulary.userErrorCode("INVALID_ROLE")).isEqualTo("INVALID_ROLE");
        assertThat(AmcVocabulary.userErrorCode("THROTTLED")).isEqualTo("UPSTREAM_REJECTED");
        assertThat(AmcVocabulary.userErrorCode(null)).isEqualTo("UPSTREAM_REJECTED");
    }

    @Test
    void instanceTimestampsAreReadInEveryFormAmcMightUse() {
        Instant expected = Instant.parse("2026-01-15T09:30:00Z");
        assertThat(AmcVocabulary.instant("2026-01-15T09:30:00Z")).isEqualTo(expected);
        assertThat(AmcVocabulary.instant("2026-01-15T10:30:00+01:00")).isEqualTo(expected);
        assertThat(AmcVocabulary.instant("2026-01-15T09:30:00")).isEqualTo(expected);
        assertThat(AmcVocabulary.instant(Long.toString(expected.getEpochSecond()))).isEqualTo(expected);
        assertThat(AmcVocabulary.instant(Long.toString(expected.toEpochMilli()))).isEqualTo(expected);
        assertThat(AmcVocabulary.instant("last tuesday")).isNull();
        assertThat(AmcVocabulary.instant((String) null)).isNull();
    }
}
