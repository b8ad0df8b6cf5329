package dev.secretstore.support.names;

/**
 * The name codecs of the three clouds. Portable names ({@link dev.secretstore.SecretName}) are 1–255
 * characters of {@code A-Z a-z 0-9 . _ / -}, starting and ending with a letter or digit, without
 * {@code //} or {@code ..}.
 *
 * <ul>
 *   <li>{@link #aws()} — AWS Secrets Manager, {@code [A-Za-z0-9/_+=.@-]{1,512}}, case-sensitive: every
 *       portable name is already a valid name, so it passes through unchanged.</li>
 *   <li>{@link #azure()} — Azure Key Vault, {@code [0-9A-Za-z-]{1,127}}, case-insensitive: lowercase
 *       letters, digits and '-' pass through; {@code _} is {@code --}, {@code /} is {@code -x}, {@code .}
 *       is {@code -q}, a capital letter is {@code -k} and the letter in lowercase, and a '-' that would
 *       otherwise be read as the start of an escape is {@code -z}. Only lowercase is produced, so names
 *       differing only in case stay distinct in a vault that ignores case.</li>
 *   <li>{@link #gcp()} — Google Cloud Secret Manager, {@code [A-Za-z0-9_-]{1,255}}, case-sensitive:
 *       letters, digits, '-' and '_' pass through; {@code /} is {@code __}, {@code .} is {@code _-d}, and a
 *       '_' followed by anything but a letter or digit is {@code _-u}.</li>
 * </ul>
 *
 * <pre>{@code
 * airbyte_workspace_1f0e…_secret_9a4c…_v1   aws:   airbyte_workspace_1f0e…_secret_9a4c…_v1
 *                                           azure: airbyte--workspace--1f0e…--secret--9a4c…--v1
 *                                           gcp:   airbyte_workspace_1f0e…_secret_9a4c…_v1
 * connections/pg-prod/DB_PASSWORD           azure: connections-xpg-prod-x-kd-kb---kp-ka-ks-ks-kw-ko-kr-kd
 *                                           gcp:   connections__pg-prod__DB_PASSWORD
 * }</pre>
 */
public final class NameCodecs {

    private static final NameCodec AWS = new PrefixedNameCodec(new AwsNameEncoding(), "");
    private static final NameCodec AZURE = new PrefixedNameCodec(new AzureNameEncoding(), "");
    private static final NameCodec GCP = new PrefixedNameCodec(new GcpNameEncoding(), "");

    private NameCodecs() {
    }

    /** @return the AWS Secrets Manager codec, without prefix */
    public static NameCodec aws() {
        return AWS;
    }

    /** @return the Azure Key Vault codec, without prefix */
    public static NameCodec azure() {
        return AZURE;
    }

    /** @return the Google Cloud Secret Manager codec, without prefix */
    public static NameCodec gcp() {
        return GCP;
    }
}
