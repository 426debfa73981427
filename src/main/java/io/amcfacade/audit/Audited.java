package io.amcfacade.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as an audited action. Its intent is committed before the method runs and
 * its outcome appended after the response is decided; without a committed intent the method does
 * not run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action recorded, e.g. {@link AuditAction#ACCOUNTS_LIST}. */
    AuditAction action();

    /** Path parameter holding the AMC account id, if any. */
    String accountParam() default "accountId";

    /** Path parameter holding the target (invitation, user, event) id, if any. */
    String targetParam() default "";

    /** What {@link #targetParam()} names. */
    TargetKind targetKind() default TargetKind.INVITATION;
}
