package io.amcfacade.audit.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.support.Callers;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A seal committed while the sealed trail is being read is either read with its actions or not passed: the
 * position a reader goes on from ({@link SealedActions.Page#exhaustedThroughSeal}) never lies beyond actions it did
 * not get. Before the fix the actions and the newest seal looked at were two statements, each its own snapshot; a
 * seal committed between them was passed with none of its actions, and event delivery skipped them
 * (bench/event-lag: the 675 write actions of one seal, under load). The seal is made here between the reader's
 * two statements, on another connection.
 */
@QuarkusTest
class SealedActionsRaceTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSealer sealer;

    @Test
    void aSealCommittedBetweenTheTwoReadsIsNotPassedWithoutItsActions() throws Exception {
        SealedActions plain = new SealedActions(dataSource);
        sealNow();
        long before = plain.newestSeal();
        String account = UsersApi.newAccount().accountId();
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer"))
                .get("/v1/accounts/{a}/instances", account).then().statusCode(200);

        AtomicLong sealedBetween = new AtomicLong(-1);
        SealedActions interleaved = new SealedActions(sealingBeforeTheSecondStatement(sealedBetween));
        SealedActions.Page page = interleaved.after(before, Long.MAX_VALUE, 100);

        assertThat(sealedBetween.get()).as("a seal was made between the two statements").isGreaterThan(before);
        if (page.actions().isEmpty()) { // (the timer may have sealed the action before the first statement: then it is read)
            assertThat(page.exhaustedThroughSeal()).as("the end of what was read, with no action read")
                    .isLessThan(sealedBetween.get());
        }
        SealedActions.Page next = plain.after(page.exhaustedThroughSeal() < 0 ? before : page.exhaustedThroughSeal(),
                Long.MAX_VALUE, 100);
        assertThat(page.actions().size() + next.actions().size()).as("the action is read, now or next").isPositive();
    }

    /** The data source, except that each connection seals the trail (on another connection) before its second statement. */
    private AgroalDataSource sealingBeforeTheSecondStatement(AtomicLong sealed) {
        InvocationHandler source = (proxy, method, args) -> {
            Object result = invoke(method, dataSource, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            AtomicInteger statements = new AtomicInteger();
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("prepareStatement") && statements.incrementAndGet() == 2) {
                            sealNow();
                            sealed.set(new SealedActions(dataSource).newestSeal());
                        }
                        return invoke(m, connection, a);
                    });
        };
        return (AgroalDataSource) Proxy.newProxyInstance(AgroalDataSource.class.getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, source);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A seal made now (once another replica's seal in progress is done): it covers every action finished before it. */
    private void sealNow() throws Exception {
        for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
            // the timer holds the sealing lock for a moment
        }
    }
}
