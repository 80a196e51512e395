package org.clusterdeck.cluster.setup.preflight;

import org.clusterdeck.cluster.FormatException;

/** {@code getent hosts NAME}: "ADDRESS NAME [ALIAS…]"; the first line's address is what programs get. */
final class HostLookupParser {
    private HostLookupParser() {
    }

    static NameLookup parse(String name, String text, String source) {
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElseThrow(() -> new FormatException(source, "printed nothing, expected 'ADDRESS NAME'"));
        String[] words = first.split("\\s+");
        if (words.length < 2 || !words[0].matches("[0-9a-fA-F:.%]+")) {
            throw new FormatException(source, "expected 'ADDRESS NAME', got '" + first + "'");
        }
        return new NameLookup(name, words[0]);
    }
}
