package dev.secretstore.migrate;

/**
 * The migration journal cannot be used: it belongs to another migration (other stores or prefix), it is damaged,
 * another run holds it, or it cannot be read or written. Nothing was written to either store because of it. The
 * message names the journal file and the line, never a value (the journal holds none).
 */
public class MigrationJournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do
     * @param cause   the underlying I/O or parse error, or {@code null}
     */
    public MigrationJournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
