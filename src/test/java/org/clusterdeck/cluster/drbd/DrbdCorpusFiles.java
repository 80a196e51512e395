package org.clusterdeck.cluster.drbd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.clusterdeck.Corpus;

/** The corpus files of each DRBD status format, and the parser for that format. */
enum DrbdCorpusFiles {
    PROC(DrbdSourceFormat.PROC_DRBD, (t, s) -> new ProcDrbdParser().parse(t, s), "__proc_drbd.txt"),
    EVENTS2(DrbdSourceFormat.EVENTS2, (t, s) -> new DrbdEvents2Parser().parse(t, s),
            "__drbdsetup_events2_now_statistics.txt", "__drbdsetup_events2_now_statistics_full.txt"),
    EVENTS2_STREAM(DrbdSourceFormat.EVENTS2, (t, s) -> new DrbdEvents2Parser().parse(t, s), "_stream.txt"),
    STATUS_TEXT(DrbdSourceFormat.STATUS_TEXT, (t, s) -> new DrbdAdmStatusParser().parse(t, s),
            "__drbdadm_status.txt", "__drbdadm_status_verbose_statistics.txt",
            "__drbdsetup_status_verbose_statistics.txt"),
    STATUS_JSON(DrbdSourceFormat.STATUS_JSON, (t, s) -> new DrbdStatusJsonParser().parse(t, s),
            "__drbdsetup_status_json.txt", "__drbdsetup_status_json_verbose_statistics.txt");

    static final List<String> FOLDERS = List.of("drbd/drbd84", "drbd/drbd9");

    final DrbdSourceFormat format;
    final BiFunction<String, String, DrbdStatus> parser;
    final List<String> suffixes;

    DrbdCorpusFiles(DrbdSourceFormat format, BiFunction<String, String, DrbdStatus> parser, String... suffixes) {
        this.format = format;
        this.parser = parser;
        this.suffixes = List.of(suffixes);
    }

    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (String suffix : suffixes) {
                files.addAll(Corpus.files(folder, suffix));
            }
        }
        return files;
    }

    DrbdStatus parse(Path file) {
        return parser.apply(Corpus.read(file), file.getFileName().toString());
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }
}
