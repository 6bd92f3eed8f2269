package io.fixpoint.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. A {@link PrintWriter} keeps only that one did
 * (and {@code System.out} not even that), so a full disk would lose the output without a word; {@link Main}
 * asks {@link #failure} after every command.
 */
final class CheckedOutput extends PrintWriter {
    private final Sink sink;

    private CheckedOutput(Sink sink) {
        super(new OutputStreamWriter(sink, StandardCharsets.UTF_8), true);
        this.sink = sink;
    }

    /** The process's standard output, unbuffered below the writer so that errors surface at the next flush. */
    static CheckedOutput stdout() {
        return new CheckedOutput(new Sink(new FileOutputStream(FileDescriptor.out)));
    }

    /** Over any stream (tests). */
    static CheckedOutput over(OutputStream out) {
        return new CheckedOutput(new Sink(out));
    }

    /** Why the output could not be written, or null when all of it was. */
    String failure() {
        if (!checkError()) {
            return null;
        }
        return sink.failure == null ? "the write failed" : sink.failure.getMessage();
    }

    /** Whether the failure was the reader going away (a pipe into {@code head}): not an error of ours. */
    boolean readerClosed() {
        return sink.failure != null && "Broken pipe".equals(sink.failure.getMessage());
    }

    private static final class Sink extends FilterOutputStream {
        private IOException failure;

        Sink(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
