package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract is implemented by a method that is audited and role-checked, so
 * a new endpoint cannot slip in unaudited.
 */
class EveryEndpointIsAuditedTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everyImplementedOperationIsAuditedAndRoleChecked() throws Exception {
        List<Class<?>> contracts = classesUnder("io/amcfacade/api").stream().filter(Class::isInterface).toList();
        List<Class<?>> implementations = classesUnder("io/amcfacade").stream()
                .filter(c -> !c.isInterface() && contracts.stream().anyMatch(i -> i.isAssignableFrom(c)))
                .toList();
        assertThat(contracts).isNotEmpty();
        assertThat(implementations).hasSameSizeAs(contracts);

        List<String> unguarded = new ArrayList<>();
        for (Class<?> implementation : implementations) {
            for (Class<?> contract : contracts) {
                if (!contract.isAssignableFrom(implementation)) {
                    continue;
                }
                for (Method operation : contract.getMethods()) {
                    Method method = implementation.getMethod(operation.getName(), operation.getParameterTypes());
                    if (method.getAnnotation(Audited.class) == null || method.getAnnotation(RolesAllowed.class) == null) {
                        unguarded.add(implementation.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(unguarded).as("operations without @Audited and @RolesAllowed").isEmpty();
    }

    private static List<Class<?>> classesUnder(String packagePath) throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve(packagePath))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EveryEndpointIsAuditedTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EveryEndpointIsAuditedTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
