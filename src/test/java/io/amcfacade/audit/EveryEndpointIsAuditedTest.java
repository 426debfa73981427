package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Contract;

/**
 * Every operation of the contract is implemented by a method that is audited and role-checked, so
 * a new endpoint cannot slip in unaudited.
 */
class EveryEndpointIsAuditedTest {

    @Test
    void everyImplementedOperationIsAuditedAndRoleChecked() throws Exception {
        List<Class<?>> contracts = Contract.generatedInterfaces();
        List<Class<?>> implementations = Contract.implementations();
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
}
