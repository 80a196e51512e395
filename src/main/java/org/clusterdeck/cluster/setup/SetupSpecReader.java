package org.clusterdeck.cluster.setup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a setup spec from YAML and checks every value ({@link SetupSpecRules}) before a plan is
 * made from it. Strict on purpose: an unknown key is an error, since a misspelt key silently
 * ignored would build a cluster other than the one the admin wrote down.
 */
public final class SetupSpecReader {
    private static final String EXAMPLE = "/setup/example-spec.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            // a key given twice: the second would silently win
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SetupSpecReader() {
    }

    /** The spec in this YAML text, checked. */
    public static SetupSpec read(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new SetupSpecException("(whole spec)", "it is empty; `setup --example` prints one to start from");
        }
        SetupSpec spec;
        try {
            spec = YAML.readValue(yaml, SetupSpec.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new SetupSpecException(path(e.getPath().subList(0, e.getPath().size() - 1)),
                    "unknown key '" + e.getPropertyName() + "'" + line(e.getLocation())
                            + " (known here: " + known + ")", e);
        } catch (JsonMappingException e) {
            throw new SetupSpecException(path(e.getPath()), firstLine(e.getOriginalMessage()) + line(e.getLocation()), e);
        } catch (JacksonException e) {
            throw new SetupSpecException("(whole spec)", "not valid YAML" + line(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        }
        if (spec == null) {
            throw new SetupSpecException("(whole spec)", "it holds no settings");
        }
        SetupSpecRules.check(spec);
        return spec;
    }

    /** The spec in this file, checked; a problem names the file too. */
    public static SetupSpec read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return read(text);
        } catch (SetupSpecException e) {
            throw new SetupSpecException(file + ": " + e.field(), e.getMessage().substring(
                    ("setup spec: " + e.field() + ": ").length()), e);
        }
    }

    /**
     * The spec as YAML that {@link #read(String)} reads back to an equal spec: what the wizard
     * saves to resume an unfinished setup and offers as the file for {@code setup --spec}.
     */
    public static String write(SetupSpec spec) {
        try {
            return YAML.writeValueAsString(spec);
        } catch (JacksonException e) {
            throw new IllegalStateException("a setup spec that cannot be written as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** A commented spec of the reference cluster to start from ({@code setup --example}); it reads back cleanly. */
    public static String example() {
        try (InputStream in = SetupSpecReader.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + EXAMPLE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // nodes[1].disk, as the admin sees the YAML
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "(whole spec)" : sb.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
