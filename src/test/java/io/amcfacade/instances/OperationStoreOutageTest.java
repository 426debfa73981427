package io.amcfacade.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.problem.ProblemException;

/**
 * A database that cannot be reached is the facade's fail-closed 503 with {@code Retry-After}, never a 500: before,
 * the operations store (and the event subscriptions' store, which shares {@code db.Statements}) answered
 * 500 {@code INTERNAL_ERROR} where the audit trail answers 503.
 */
class OperationStoreOutageTest {

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterNotA500() {
        AgroalDataSource down = (AgroalDataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection to localhost:5432 refused", "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        ProblemException refused = catchThrowableOfType(() -> new OperationStore(down).find(UUID.randomUUID()),
                ProblemException.class);

        assertThat(refused.problem().getStatus()).isEqualTo(503);
        assertThat(refused.problem().getCode()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refused.problem().getDetail()).contains("operations store").contains("nothing was sent to AMC");
        assertThat(refused.headers()).containsEntry("Retry-After", "5");
        assertThat(refused.getCause()).isInstanceOf(SQLException.class);
    }
}
