package org.clusterdeck.app.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.clusterdeck.app.AtomicFiles;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecException;
import org.clusterdeck.cluster.setup.SetupSpecReader;

/**
 * The setup that was started and has not finished, kept in the data directory so that the window
 * can offer to continue it after it was closed (or crashed) mid-run. Continuing is running the same
 * spec again: the runner skips every step already done. Written when a run starts, removed when a
 * run finishes. The spec may hold a fence device's password, so the file is the owner's alone.
 */
public final class SetupJournal {
    public static final String FILE_NAME = "unfinished-setup.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    /** @param dataDir the console's data directory, where the audit log is */
    public SetupJournal(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /**
     * What was being built and how its nodes are reached.
     *
     * @param startedAt when the first run of it started (ISO-8601)
     * @param spec      the spec, as YAML that reads back to it
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"startedAt", "profile", "spec"})
    public record Entry(String startedAt, ClusterProfile profile, String spec) {
        public static Entry of(String startedAt, ClusterProfile profile, SetupSpec spec) {
            return new Entry(startedAt, profile, SetupSpecReader.write(spec));
        }

        /** The spec, checked as when it was written. */
        public SetupSpec setupSpec() {
            return SetupSpecReader.read(spec);
        }
    }

    public Path file() {
        return file;
    }

    /** Keeps the setup being started; an earlier unfinished one is replaced. */
    public void save(Entry entry) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsString(entry));
    }

    /**
     * The unfinished setup; empty when there is none.
     *
     * @throws IOException naming the file when it cannot be read or holds no readable setup
     */
    public Optional<Entry> load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            Entry entry = JSON.readValue(text, Entry.class);
            if (entry == null || entry.profile() == null || entry.spec() == null) {
                throw new IOException(file + ": no unfinished setup in it (expected profile and spec)");
            }
            entry.setupSpec();
            return Optional.of(entry);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not an unfinished setup (" + e.getOriginalMessage() + ")", e);
        } catch (SetupSpecException e) {
            throw new IOException(file + ": its spec no longer reads: " + e.getMessage(), e);
        }
    }

    /** Forgets the setup: it finished, or the admin chose to start over. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
