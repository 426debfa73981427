package io.amcfacade.audit;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.Seal;

/** A new seal on demand: {@code sealNow} answers empty while the scheduled sealer holds the lock, so ask again. */
final class NewSeals {

    private NewSeals() {
    }

    static Seal made(AuditSealer sealer) throws SQLException {
        for (int attempt = 0; attempt < 250; attempt++) {
            Optional<Seal> seal = sealer.sealNow();
            if (seal.isPresent()) {
                return seal.get();
            }
            LockSupport.parkNanos(20_000_000);
        }
        throw new AssertionError("No seal could be made for 5 s" + sealer.refusal().map(r -> ": " + r.detail()).orElse(""));
    }
}
