package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.TailLoss;

/** The integrity packages cannot see the action vocabulary; the actions they read in the trail are its own. */
class IntegrityNamesActionsTest {

    @Test
    void theActionsSealingAndVerifyReadAreTheVocabularys() {
        assertThat(LegalHoldChange.ACTION).isEqualTo(AuditAction.AUDIT_LEGAL_HOLD.name());
        assertThat(TailLoss.ACTION).isEqualTo(AuditAction.AUDIT_TAIL_ACKNOWLEDGE.name());
    }
}
