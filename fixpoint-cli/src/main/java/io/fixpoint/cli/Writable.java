package io.fixpoint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Output paths checked before a run, so that a long run does not end in "cannot write". */
final class Writable {
    private Writable() {
    }

    /**
     * The directory exists (or is created) and takes files, or a {@link UserError} says why not.
     *
     * @param option the option that named it, {@code --report}
     * @param what   what goes there, {@code the report}
     */
    static void directory(String option, String what, Path dir) {
        if (dir.toString().isBlank()) {
            throw new UserError(option + " needs a directory name");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-test", ""));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write " + what + " to " + dir + ": " + why(e));
        }
    }

    /** The file can be written (its directory is created; an existing file is left as it is), or a {@link UserError} says why not. */
    static void file(String option, String what, Path file) {
        if (file.toString().isBlank()) {
            throw new UserError(option + " needs a file name");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a directory; give a file name");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file)) {
                try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                    probe.flush();
                }
            } else {
                Files.delete(Files.createFile(file));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write " + what + " to " + file + ": " + why(e));
        }
    }

    /** The reason, where the exception's message is only the path (NoSuchFileException: /proc/x). */
    private static String why(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getMessage();
    }
}
