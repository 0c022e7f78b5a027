#!/usr/bin/env bash
# Makes the class-data archive wslogs.jsa next to a wslogs jar: the classes an analyze of the
# samples loads, parsed and verified once, which analyze's child JVM then maps instead of reading
# them from the jar (dev.wslogs.cli.BoundedHeap.classDataFlags). mvn package runs it for
# target/wslogs.jar; run it again for a jar installed elsewhere, with the JVM that will run it.
#
# Usage: scripts/class-data-archive.sh JAR        dump to wslogs.jsa.part, then --seal it
#        scripts/class-data-archive.sh --seal JAR rename wslogs.jsa.part to wslogs.jsa if a JVM
#                                                 starts with it (-Xshare:on), else remove it
#   JAVA=…/bin/java  the JVM (default: java on the PATH)
#
# The archive is only ever renamed into place whole: Java 17 dies of SIGBUS mapping a truncated one
# (a dump cut short by a full disk, say). It records the jar's path as given, made absolute here
# without resolving links, as the child names it. Exits 0 even when no archive could be made: the
# jar runs without one.
set -u
JAVA=${JAVA:-java}
seal_only=0
if [ "${1:-}" = "--seal" ]; then seal_only=1; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--seal] JAR" >&2; exit 2; }
jar=$(realpath -s "$1")
archive="$(dirname "$jar")/wslogs.jsa"
samples="$(dirname "$(realpath -s "$0")")/../samples"

if [ "$seal_only" = 0 ]; then
    rm -f "$archive.part"
    WSLOGS_NO_REEXEC=1 "$JAVA" -XX:ArchiveClassesAtExit="$archive.part" -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar "$jar" analyze --no-progress -o /dev/null "$samples/access-extended.log" "$samples/error-info.log"
    rc=$?
    # analyze exits 1 when it found incidents, as it does on the samples
    [ "$rc" -le 1 ] || echo "class-data archive: the training run exited $rc" >&2
fi

if [ -f "$archive.part" ] && "$JAVA" -XX:SharedArchiveFile="$archive.part" -Xshare:on -XX:-CreateCoredumpOnCrash -XX:ErrorFile=/dev/null \
        -jar "$jar" --version > /dev/null 2>&1; then
    mv -f "$archive.part" "$archive"
else
    rm -f "$archive.part" "$archive"
    echo "class-data archive: none made for $jar (it runs without one)" >&2
fi
exit 0
