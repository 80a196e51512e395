package org.clusterdeck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.clusterdeck.cluster.FormatException;

/** Reads a file named on the command line ("-" is standard input) as UTF-8 text. */
final class InputText {
    private InputText() {
    }

    static String read(String name) {
        byte[] bytes;
        try {
            if ("-".equals(name)) {
                try (InputStream in = System.in) {
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(Path.of(name));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage());
        }
        return decode(bytes, sourceName(name));
    }

    static String sourceName(String name) {
        return "-".equals(name) ? "standard input" : name;
    }

    /** Binary garbage is refused here with the offset of the first bad byte, before any parser sees it. */
    static String decode(byte[] bytes, String source) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new FormatException(source, "binary data (NUL byte at offset " + i + "), not tool output");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(source, "binary data or not UTF-8 text (" + e.getMessage() + ")");
        }
    }
}
