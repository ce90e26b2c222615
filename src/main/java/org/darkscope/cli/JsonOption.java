package org.darkscope.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the commands that print a table print JSON instead (mixed in with {@code @Mixin}). */
final class JsonOption {
    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;
}
