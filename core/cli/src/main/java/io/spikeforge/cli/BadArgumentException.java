package io.spikeforge.cli;

/** A command-line value that cannot be used; printed as one line, exit code 2. */
final class BadArgumentException extends RuntimeException {

    BadArgumentException(String message) {
        super(message);
    }
}
