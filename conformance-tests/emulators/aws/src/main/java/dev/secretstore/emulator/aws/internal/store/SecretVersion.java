package dev.secretstore.emulator.aws.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** One version of a secret's value with its staging labels. {@code toString} never shows the value. */
public final class SecretVersion {
    private final String versionId;
    private final String secretString;
    private final byte[] secretBinary;
    private final Instant created;
    private final Set<String> stages = new LinkedHashSet<>();

    public SecretVersion(String versionId, String secretString, byte[] secretBinary, Instant created) {
        this.versionId = versionId;
        this.secretString = secretString;
        this.secretBinary = secretBinary == null ? null : secretBinary.clone();
        this.created = created;
    }

    public String versionId() {
        return versionId;
    }

    public String secretString() {
        return secretString;
    }

    public byte[] secretBinary() {
        return secretBinary == null ? null : secretBinary.clone();
    }

    public Instant created() {
        return created;
    }

    public Set<String> stages() {
        return stages;
    }

    public boolean sameValue(String otherString, byte[] otherBinary) {
        return Objects.equals(secretString, otherString) && Arrays.equals(secretBinary, otherBinary);
    }

    @Override
    public String toString() {
        return "SecretVersion[" + versionId + " " + stages + "]";
    }
}
