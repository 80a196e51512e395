package org.clusterdeck.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Appends {@link AuditEntry}s (commands, actions) as JSON lines to {@code audit.log}, rotated by size into
 * {@code audit.log.1} (newest) … {@code audit.log.N}. Safe to share between threads. A record that
 * cannot be written never stops the command it describes: the failure is logged once per streak
 * and kept for {@link #lastWriteError()}, so the UI can tell the admin that auditing is off.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE_NAME = "audit.log";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_KEPT_FILES = 5;

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final Path file;
    private final long maxBytes;
    private final int keptFiles;

    // Guarded by this.
    /** A stream, not a FileChannel: an interrupted thread must not close the log and lose a record. */
    private OutputStream stream;
    private IOException lastWriteError;
    private long failedWrites;
    private Consumer<String> problems = problem -> { };

    /** The log in the user's data directory ({@link #defaultDirectory()}), 10 MiB per file, 5 old files. */
    public AuditLog() {
        this(defaultDirectory());
    }

    public AuditLog(Path directory) {
        this(directory, DEFAULT_MAX_BYTES, DEFAULT_KEPT_FILES);
    }

    public AuditLog(Path directory, long maxBytes, int keptFiles) {
        if (maxBytes <= 0 || keptFiles < 1) {
            throw new IllegalArgumentException("audit log needs a positive size limit and at least one old file");
        }
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.maxBytes = maxBytes;
        this.keptFiles = keptFiles;
        prepareSerializer();
    }

    /** {@code -Dclusterdeck.dataDir=DIR} overrides the XDG location (tests, portable installs). */
    public static Path defaultDirectory() {
        String override = System.getProperty("clusterdeck.dataDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** {@code $XDG_DATA_HOME/clusterdeck} of {@code env}, else {@code .local/share/clusterdeck} in {@code home}. */
    public static Path defaultDirectory(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("clusterdeck");
    }

    public Path file() {
        return file;
    }

    /** Writes one line, rotating first when it would take the file over the limit. Never throws. */
    public synchronized void append(AuditEntry record) {
        long start = -1;
        try {
            byte[] line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            OutputStream out = open();
            long size = Files.size(file);
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
                out = open();
                size = 0;
            }
            start = size;
            out.write(line);
            out.flush();
            if (lastWriteError != null) {
                log().log(Level.WARNING, "audit log {0} is written again after {1} lost record(s)", file, failedWrites);
                lastWriteError = null;
                problems.accept(null);
            }
        } catch (IOException e) {
            // a full disk takes part of a line: cut it off, so that every line stays one whole record
            truncate(start);
            failed(e);
        }
    }

    /**
     * Tells the listener when records stop reaching the file (why, and where) and, with null, when
     * they reach it again; the window shows it, since the log is how an admin proves what ran.
     * Called on the writing thread.
     */
    public synchronized void onProblem(Consumer<String> listener) {
        problems = listener;
        if (lastWriteError != null) {
            listener.accept(problem());
        }
    }

    private String problem() {
        String why = lastWriteError.getMessage() == null ? lastWriteError.getClass().getSimpleName()
                : lastWriteError.getMessage();
        return "The audit log " + file + " cannot be written (" + why + "): " + failedWrites + " record"
                + (failedWrites == 1 ? "" : "s") + " of commands and actions lost; they are written again once it can be";
    }

    private void truncate(long size) {
        if (stream == null || size < 0) {
            return;
        }
        // not through the stream's channel, which an interrupted thread would close
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            log().log(Level.DEBUG, () -> "cutting a partial record off audit log " + file, e);
        }
    }

    /** Why the latest record could not be written; empty once a record was written again. */
    public synchronized Optional<IOException> lastWriteError() {
        return Optional.ofNullable(lastWriteError);
    }

    /** Records lost since this log was opened. */
    public synchronized long failedWrites() {
        return failedWrites;
    }

    @Override
    public synchronized void close() {
        closeStream();
    }

    private OutputStream open() throws IOException {
        if (stream == null) {
            // The log holds command output (configuration, host names): readable by its owner only.
            Files.createDirectories(directory, ownerOnly("rwx------"));
            if (POSIX && Files.notExists(file)) {
                Files.createFile(file, ownerOnly("rw-------"));
            }
            stream = new FileOutputStream(file.toFile(), true);
            endTornLine();
        }
        return stream;
    }

    /**
     * A process killed while writing leaves its last line cut short; ended here, so that the next
     * record is a line of its own and not lost in the torn one.
     */
    private void endTornLine() throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(size - 1);
            if (f.read() != '\n') {
                stream.write('\n');
            }
        }
    }

    private void rotate() throws IOException {
        closeStream();
        Files.deleteIfExists(rotated(keptFiles));
        for (int i = keptFiles - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path rotated(int n) {
        return rotated(directory, n);
    }

    private static Path rotated(Path directory, int n) {
        return directory.resolve(FILE_NAME + "." + n);
    }

    /** A log's files in a directory as the default rotation keeps them, oldest first: for reading it back. */
    public static List<Path> filesOldestFirst(Path directory) {
        List<Path> files = new ArrayList<>();
        for (int i = DEFAULT_KEPT_FILES; i >= 1; i--) {
            if (Files.isRegularFile(rotated(directory, i))) {
                files.add(rotated(directory, i));
            }
        }
        if (Files.isRegularFile(directory.resolve(FILE_NAME))) {
            files.add(directory.resolve(FILE_NAME));
        }
        return files;
    }

    private void failed(IOException e) {
        if (lastWriteError == null) {
            log().log(Level.WARNING, "cannot write audit log {0}: {1}; commands go on unaudited", file, e);
        }
        lastWriteError = e;
        failedWrites++;
        problems.accept(problem());
        // A broken stream (disk full, file removed) is reopened on the next record.
        closeStream();
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                log().log(Level.DEBUG, () -> "closing audit log " + file, e);
            }
            stream = null;
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static final AtomicBoolean SERIALIZER_PREPARED = new AtomicBoolean();

    /**
     * Jackson builds its serializer of a record type on first use, about 90 ms; a one-shot command
     * would wait for it after its first command on a node returned. It is built on a thread of its
     * own, once per JVM, while the caller connects.
     */
    private static void prepareSerializer() {
        if (SERIALIZER_PREPARED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    Json.MAPPER.writeValueAsString(new AuditRecord("", "", List.of(), Map.of(), null, false, null, 0,
                            AuditRecord.Outcome.OK, null, null, null));
                } catch (IOException e) {
                    // the first real record meets the same problem and reports it
                }
            }, "audit-serializer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Made once a log is opened: a command that audits nothing (--version, a file's status) does not start Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    // looked up when something is logged, not at class load: the JDK finds its logger by scanning every
    // jar on the class path for a service, 20-30 ms at each start of a one-shot command
    private static System.Logger log() {
        return System.getLogger(AuditLog.class.getName());
    }
}
