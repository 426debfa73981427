package io.amcfacade.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.User;
import io.amcfacade.api.model.UserRoleChange;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcVocabulary;

/** Translates AMC's users and roles to the facade's, and users to audit targets and summaries. */
final class UserMapper {

    private UserMapper() {
    }

    static DirectoryUser toDirectory(AmcUserWire.User amc, List<AmcUserWire.Role> amcRoles) {
        return new DirectoryUser(amc.userId(), amc.emailAddress(),
                amc.countryCodes() == null || amc.countryCodes().isEmpty() ? null : amc.countryCodes(),
                amcRoles == null ? null : AmcVocabulary.facadeUserRole(amcRoles));
    }

    static boolean isAdmin(List<AmcUserWire.Role> amcRoles) {
        return DirectoryUser.ADMIN.equals(AmcVocabulary.facadeUserRole(amcRoles));
    }

    static User toApi(DirectoryUser user) {
        return new User(user.userId()).emailAddress(user.emailAddress()).role(user.role())
                .countryCodes(user.countryCodes());
    }

    static ItemError error(AmcUserWire.ItemError amc) {
        return new ItemError(AmcVocabulary.userErrorCode(amc.code()),
                amc.message() != null ? amc.message() : "AMC refused this change without a reason.");
    }

    static UserRoleChange roleChange(DirectoryUser user, String role, boolean changed) {
        return new UserRoleChange(user.userId(), role, changed).emailAddress(user.emailAddress())
                .previousRole(user.role());
    }

    /** The user's email as an audit target, when AMC told us one. */
    static List<AuditTargetEntry> emailTarget(DirectoryUser user, String role) {
        List<AuditTargetEntry> targets = new ArrayList<>();
        if (user != null && user.emailAddress() != null) {
            targets.add(AuditTargetEntry.email(user.emailAddress(), role));
        }
        return targets;
    }

    /**
     * What the audit summary says about one user: who, and the role before ({@code fromRole}, read
     * from AMC just before the change) and after ({@code toRole}; absent for a removal).
     */
    static Map<String, Object> summary(String userId, DirectoryUser user, String toRole) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("userId", userId);
        if (user != null) {
            summary.put("emailAddress", user.emailAddress());
            summary.put("fromRole", user.role());
        }
        if (toRole != null) {
            summary.put("toRole", toRole);
        }
        return summary;
    }
}
