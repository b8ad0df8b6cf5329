package dev.secretstore.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version written into the jar's manifest by the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SecretstoreCli.class.getPackage().getImplementationVersion();
        return new String[] {"secretstore " + (version == null ? "(development build)" : version)};
    }
}
