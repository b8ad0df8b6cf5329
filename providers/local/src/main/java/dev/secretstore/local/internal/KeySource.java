package dev.secretstore.local.internal;

import java.nio.file.Path;

/** Where the master key comes from: a file (given or the default one) or an environment variable. */
public sealed interface KeySource {

  /** A key file; created (mode 0600) when the store is new and the file does not exist yet. */
  record File(Path path) implements KeySource {
    @Override
    public String describe() {
      return "key file " + path;
    }
  }

  /** An environment variable holding the base64 key; never created by the store. */
  record Env(String variable) implements KeySource {
    @Override
    public String describe() {
      return "environment variable " + variable;
    }
  }

  /** For messages: where the key was looked for, never the key. */
  String describe();
}
