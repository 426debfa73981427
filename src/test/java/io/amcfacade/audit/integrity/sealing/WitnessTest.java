package io.amcfacade.audit.integrity.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.SealSigner;

/** The sealer's witness and anchor files read as plain functions: no database, milliseconds each. */
class WitnessTest {

    @Test
    void theWitnessForgetsOnlyWhatAnOperatorAcknowledged() throws Exception {
        List<String> lines = new ArrayList<>(List.of("seal 1 d1 t", "seal 2 d2 t", "seal 3 d3 t"));
        assertThat(Witness.expected(lines)).containsEntry(3L, "d3");
        lines.add("ack 3 d3 1 d1 " + UUID.randomUUID());
        lines.add("seal 2 e2 t");
        assertThat(Witness.expected(lines)).containsOnlyKeys(1L, 2L).containsEntry(2L, "e2");
        assertThat(Anchor.parse("42:abc")).isEqualTo(new Anchor(42, "abc"));
        assertThat(Anchor.parse("42 abc\n")).isEqualTo(new Anchor(42, "abc"));
        assertThat(Files.exists(SealSigner.publicKeyFile(Path.of("x.key")))).isFalse();
    }
}
