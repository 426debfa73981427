package io.amcfacade.instances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.amcfacade.api.model.Instance;

/**
 * The {@code ETag} of an instance as a caller sees it: a delete must name the instance it means, as it was read,
 * so a renamed instance, or another behind the same id, is not deleted by mistake.
 */
final class InstanceEtag {

    private InstanceEtag() {
    }

    static String of(Instance instance) {
        String content = String.join("\n", instance.getInstanceId(), String.valueOf(instance.getName()),
                String.valueOf(instance.getCreationStatus()), String.valueOf(instance.getCreatedAt()),
                String.valueOf(instance.getApiEndpoint()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
