package org.clusterdeck.app.clusters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clusterdeck.app.AtomicFiles;

/**
 * The saved cluster profiles: {@code clusters.json} in the user's config directory. Written to a
 * temporary file and renamed over the old one, so a crash mid-write never leaves half a file.
 */
public final class ClusterProfileStore {
    public static final String FILE_NAME = "clusters.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A file written by a newer version may carry fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public ClusterProfileStore() {
        this(defaultDirectory().resolve(FILE_NAME));
    }

    public ClusterProfileStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * {@code -Dclusterdeck.configDir=DIR} (tests, portable installs), else
     * {@code $XDG_CONFIG_HOME/clusterdeck}, else {@code ~/.config/clusterdeck}.
     */
    public static Path defaultDirectory() {
        String override = System.getProperty("clusterdeck.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** {@code $XDG_CONFIG_HOME/clusterdeck} of {@code env}, else {@code .config/clusterdeck} in {@code home}. */
    public static Path defaultDirectory(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("clusterdeck");
    }

    /** The saved profiles; none when nothing was saved yet. */
    public List<ClusterProfile> load() throws ProfileStoreException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ProfileStoreException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (text.isBlank()) {
            throw new ProfileStoreException(file + ": empty file; expected a JSON object with \"clusters\"", null);
        }
        try {
            Saved saved = JSON.readValue(text, Saved.class);
            if (saved.clusters() == null) {
                throw new ProfileStoreException(file + ": no \"clusters\" list", null);
            }
            return List.copyOf(saved.clusters());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ProfileStoreException(file + ": not a valid cluster list"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    public void save(List<ClusterProfile> profiles) throws ProfileStoreException {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(new Saved(profiles)));
        } catch (IOException e) {
            throw new ProfileStoreException(file + ": cannot save (" + e.getMessage() + ")", e);
        }
    }

    /** The file's top level is an object so that later versions can add settings beside the list. */
    record Saved(List<ClusterProfile> clusters) {
    }

    /** The profiles could not be read or written; the message names the file and the problem. */
    public static final class ProfileStoreException extends Exception {
        public ProfileStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
