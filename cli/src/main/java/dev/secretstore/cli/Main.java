package dev.secretstore.cli;

/** Entry point of the {@code secretstore} command: {@code java -jar secretstore.jar <command> ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SecretstoreCli.create(Io.system()).execute(args));
    }
}
