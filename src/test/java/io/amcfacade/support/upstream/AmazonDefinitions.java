package io.amcfacade.support.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon's own four API definitions, in a directory outside the repository (they cannot be committed):
 * where each is and which upstream paths each one serves.
 */
public final class AmazonDefinitions {

    /** The system property, set by the {@code amazon-definitions} Maven profile from {@code -Damazon.definitions}. */
    public static final String PROPERTY = "amazon.definitions";
    private static final Map<String, String> FILES = Map.of(
            "amc-administration", "AMCAdministration_prod_3p.json",
            "invitations", "AdvertisingInvitations_prod_3p.json",
            "user-permissions", "AdvertisingUserPermissionsManagement_prod_3p.json",
            "manager-accounts", "ManagerAccount_prod_3p.json");
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "amc-administration", List.of("/amc/"),
            "invitations", List.of("/user-invitations"),
            "user-permissions", List.of("/users/", "/userRoles/", "/userPermissions"),
            "manager-accounts", List.of("/managerAccounts"));

    private AmazonDefinitions() {
    }

    /** The three files by short name; fails, naming what is missing, when the property or a file is not there. */
    public static Map<String, Path> required() throws IOException {
        String directory = System.getProperty(PROPERTY, "");
        if (directory.isBlank()) {
            throw new IllegalStateException("-D" + PROPERTY + "=DIR is required: the directory holding Amazon's "
                    + FILES.values() + " (docs/upstream.md says where they come from)");
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (String name : List.of("amc-administration", "invitations", "user-permissions", "manager-accounts")) {
            Path file = Path.of(directory).resolve(FILES.get(name)).toAbsolutePath();
            if (!Files.isRegularFile(file) || Files.size(file) == 0
                    || !Files.readString(file).contains("\"openapi\":\"3.")) {
                throw new IllegalStateException(file + " is missing, empty or not an OpenAPI 3 definition in JSON");
            }
            found.put(name, file);
        }
        return found;
    }

    /** The upstream paths the mock of this definition answers. */
    public static List<String> prefixes(String name) {
        return PREFIXES.get(name);
    }

    /**
     * A line in which Prism says it refused a request or an answer, or found either to break the
     * definition. Its negotiator's warning that a body-less answer (redeem's 200) has no content for the
     * {@code Accept} sent is not one: nothing was refused or invalid (see {@link #isNote}).
     */
    public static boolean isRefusal(String line) {
        return line.contains("✖") || line.contains("Request terminated with error") || line.contains("Violation:")
                || (line.contains("⚠") && !line.contains("[NEGOTIATOR]"));
    }

    /** A warning that is not a refusal, shown in the report beside the result. */
    public static boolean isNote(String line) {
        return line.contains("⚠") && line.contains("[NEGOTIATOR]");
    }
}
