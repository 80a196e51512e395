package org.clusterdeck.cluster.agents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.command.InvalidInputException;

/**
 * A resource agent as the CIB names it: {@code class="ocf" provider="heartbeat" type="IPaddr2"},
 * written {@code ocf:heartbeat:IPaddr2}; only OCF agents have a provider.
 *
 * @param provider null except for OCF
 */
public record AgentName(String standard, String provider, String type) {
    /** The standards Pacemaker's executor knows (crm_resource --list-standards prints those built in). */
    public static final List<String> STANDARDS = List.of("ocf", "lsb", "service", "systemd", "stonith", "upstart",
            "nagios");
    // what the agents' file and unit names are made of; never a leading '-', no shell or XML specials
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+\\\\-]{0,254}");
    // cluster-glue's fence agents have a directory in their type: stonith:external/ipmi
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+\\\\/-]{0,254}");

    public AgentName {
        if (!STANDARDS.contains(standard)) {
            throw new InvalidInputException("agent standard", standard == null ? "" : standard,
                    "expected one of " + String.join(", ", STANDARDS));
        }
        if (standard.equals("ocf") != (provider != null)) {
            throw new InvalidInputException("agent", standard + ":" + (provider == null ? "" : provider + ":") + type,
                    "ocf agents, and only they, have a provider (ocf:PROVIDER:TYPE)");
        }
        if (provider != null) {
            part("agent provider", provider);
        }
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidInputException("agent type", type == null ? "" : type,
                    "letters, digits and . _ - + @ / and systemd's \\ escapes, starting with a letter, digit or '_'");
        }
    }

    /** {@code ocf:heartbeat:IPaddr2}, {@code stonith:fence_virsh}, {@code systemd:chronyd}. */
    public static AgentName parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":", -1);
        if (p.length == 3) {
            return new AgentName(p[0], p[1], p[2]);
        }
        if (p.length == 2) {
            return new AgentName(p[0], null, p[1]);
        }
        throw new InvalidInputException("agent", text == null ? "" : text,
                "expected STANDARD:TYPE or ocf:PROVIDER:TYPE, e.g. ocf:heartbeat:IPaddr2 or stonith:fence_ipmilan");
    }

    public boolean isFencing() {
        return standard.equals("stonith");
    }

    /** What crm_resource --list-agents takes to list this standard's (and provider's) agents. */
    public static String listing(String standard, String provider) {
        if (!STANDARDS.contains(standard)) {
            throw new InvalidInputException("agent standard", standard == null ? "" : standard,
                    "expected one of " + String.join(", ", STANDARDS));
        }
        return provider == null ? standard : standard + ":" + part("agent provider", provider);
    }

    private static String part(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new InvalidInputException(what, value == null ? "" : value,
                    "letters, digits and . _ - + @ and systemd's \\ escapes, starting with a letter, digit or '_'");
        }
        return value;
    }

    @JsonValue
    @Override
    public String toString() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }
}
