package org.clusterdeck.cluster.setup.preflight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;

/** {@code systemctl is-active UNIT…}: one state word per unit, in order. */
final class UnitStateParser {
    private UnitStateParser() {
    }

    /** Whether each unit is running or on its way there; a unit that stops or failed is not. */
    static Map<String, Boolean> active(List<String> units, String text, String source) {
        List<String> words = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (words.size() != units.size()) {
            throw new FormatException(source, "expected " + units.size() + " state words, got " + words);
        }
        Map<String, Boolean> active = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            String w = words.get(i);
            if (!w.matches("[a-z-]+")) {
                throw new FormatException(source, "'" + w + "' is not a unit state");
            }
            active.put(units.get(i), w.equals("active") || w.equals("activating") || w.equals("reloading"));
        }
        return active;
    }
}
