package dev.secretstore.cli;

import java.util.Optional;

/** The user's terminal: hidden prompts and progress lines exist only when a person is watching. */
public interface Terminal {

    /** @return true when stdin and stdout are a terminal ({@code System.console() != null}) */
    boolean interactive();

    /**
     * Standard input is a terminal even when {@link #interactive()} is false (stdout redirected, as in
     * {@code put NAME -o json | jq}): reading it would echo what the user types, so {@code put} refuses.
     *
     * @return true when keystrokes, not a pipe or a file, would be read from stdin
     */
    default boolean inputIsTerminal() {
        return interactive();
    }

    /**
     * Prompts without echo.
     *
     * @param prompt text shown to the user
     * @return the characters typed, or empty when there is no terminal or input ended
     */
    Optional<char[]> readHidden(String prompt);

    /** Replaces the current progress line; does nothing when not interactive. */
    void progress(String line);

    /** Removes the progress line, if one is shown. */
    void clearProgress();

    /** A terminal for scripts and tests: not interactive, no prompt, no progress. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            return Optional.empty();
        }

        @Override
        public void progress(String line) {
        }

        @Override
        public void clearProgress() {
        }
    };
}
