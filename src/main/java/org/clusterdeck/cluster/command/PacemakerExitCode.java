package org.clusterdeck.cluster.command;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exit codes shared by Pacemaker's command-line tools ({@code crm_error -X -l -n}, the
 * {@code crm_exit_t} enumeration), with what an admin can do about the common ones.
 */
public enum PacemakerExitCode {
    OK(0, "OK", null),
    ERROR(1, "Error occurred", null),
    INVALID_PARAM(2, "Invalid parameter", null),
    UNIMPLEMENT_FEATURE(3, "Unimplemented", null),
    INSUFFICIENT_PRIV(4, "Insufficient privileges", "run it as root or as a member of the haclient group"),
    NOT_INSTALLED(5, "Not installed", null),
    NOT_CONFIGURED(6, "Not configured", null),
    NOT_RUNNING(7, "Not running", null),
    PROMOTED(8, "Promoted", null),
    FAILED_PROMOTED(9, "Failed in promoted role", null),
    USAGE(64, "Incorrect usage", null),
    DATAERR(65, "Invalid data given", null),
    NOINPUT(66, "Input file not available", null),
    NOUSER(67, "User does not exist", null),
    NOHOST(68, "Host does not exist", null),
    UNAVAILABLE(69, "Necessary service unavailable", null),
    SOFTWARE(70, "Internal software bug", null),
    OSERR(71, "Operating system error occurred", null),
    OSFILE(72, "System file not available", null),
    CANTCREAT(73, "Cannot create output file", null),
    IOERR(74, "I/O error occurred", null),
    TEMPFAIL(75, "Temporary failure, try again", null),
    PROTOCOL(76, "Protocol violated", null),
    NOPERM(77, "Insufficient privileges", "run it as root or as a member of the haclient group"),
    CONFIG(78, "Invalid configuration", null),
    FATAL(100, "Fatal error occurred, will not respawn", null),
    PANIC(101, "System panic required", null),
    DISCONNECT(102, "Not connected",
            "the cluster stack (pacemaker, corosync) is not running on this node or cannot be reached"),
    OLD(103, "Update was older than existing configuration",
            "the configuration changed in the meantime; reload it and try again"),
    DIGEST(104, "Digest mismatch", null),
    NOSUCH(105, "No such object", "the resource, node or constraint named does not exist"),
    QUORUM(106, "Quorum required", "this partition has no quorum"),
    UNSAFE(107, "Operation not safe", null),
    EXISTS(108, "Requested item already exists", null),
    MULTIPLE(109, "Multiple items match request", null),
    EXPIRED(110, "Requested item has expired", null),
    NOT_YET_IN_EFFECT(111, "Requested item is not yet in effect", null),
    INDETERMINATE(112, "Could not determine status", null),
    UNSATISFIED(113, "Not applicable under current conditions", null),
    TIMEOUT(124, "Timeout occurred", "the cluster did not answer in time; it may be busy or partitioned"),
    DEGRADED(190, "Service is active but might fail soon", null),
    DEGRADED_PROMOTED(191, "Service is promoted but might fail soon", null),
    NONE(193, "No exit status available", null);

    private static final Map<Integer, PacemakerExitCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PacemakerExitCode::code, Function.identity()));

    private final int code;
    private final String description;
    private final String hint;

    PacemakerExitCode(int code, String description, String hint) {
        this.code = code;
        this.description = description;
        this.hint = hint;
    }

    public int code() {
        return code;
    }

    /** Pacemaker's own text for the code, as {@code crm_error -X} prints it. */
    public String description() {
        return description;
    }

    /** What usually causes it, for the admin; empty when Pacemaker's text says it all. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public static Optional<PacemakerExitCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** E.g. {@code exit code 102 (Not connected: the cluster stack ... cannot be reached)}. */
    public static String describe(int code) {
        return of(code).map(c -> "exit code " + code + " (" + c.description
                + c.hint().map(h -> ": " + h).orElse("") + ")")
                .orElse("exit code " + code);
    }
}
