package dev.secretstore.aws.internal;

/** The two documented ways a config authenticates ({@code auth_type}). */
public enum AuthType {
    /** Static access key and secret access key. */
    ACCESS_KEY,
    /** STS AssumeRole of {@code roleArn}, with the machine's default credential chain as the source. */
    IAM_ROLE
}
