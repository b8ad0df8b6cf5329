package dev.secretstore.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the output format and the streams. */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    SecretstoreCli root;

    @Mixin
    OutputOption output;

    Io io() {
        return root.io();
    }

    PrintWriter out() {
        return io().out();
    }

    boolean json() {
        return output.json();
    }

    void printJson(Object document) {
        Json.print(out(), document);
    }
}
