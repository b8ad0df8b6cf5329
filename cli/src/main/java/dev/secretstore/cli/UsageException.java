package dev.secretstore.cli;

/** A mistake on the command line or in a config file that the SPI never saw (exit code 2). */
public final class UsageException extends RuntimeException {

    /** @param message what is wrong and what was expected; never a value or a credential */
    public UsageException(String message) {
        super(message);
    }
}
