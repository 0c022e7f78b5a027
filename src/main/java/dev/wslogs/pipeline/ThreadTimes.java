package dev.wslogs.pipeline;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a replay's CPU went, per stage: {@code WSLOGS_THREAD_TIMES=1 wslogs analyze …} prints it to
 * standard error at the end of the merge. The sequencer (the calling thread) is the stage that
 * cannot be parallelised, so its share bounds the speed-up the other stages can bring.
 */
final class ThreadTimes {
    /** CPU of this replay's threads that have ended, by thread (a finished thread has none to ask). */
    private final java.util.Map<Thread, Long> finished = new java.util.concurrent.ConcurrentHashMap<>();

    /** The runnable, recording its thread's CPU time when it ends. */
    Runnable recorded(Runnable r) {
        return () -> {
            try {
                r.run();
            } finally {
                finished.put(Thread.currentThread(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }
        };
    }

    void print(List<Thread> readers, List<Thread> workers) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("sequencer (%s): %.2f s CPU", Thread.currentThread().getName(), mx.getCurrentThreadCpuTime() / 1e9));
        for (Thread t : readers) lines.add(String.format("%s: %.2f s CPU", t.getName(), cpu(mx, t)));
        double w = 0;
        for (Thread t : workers) w += cpu(mx, t);
        lines.add(String.format("%d parse workers: %.2f s CPU", workers.size(), w));
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) gc += b.getCollectionTime();
        lines.add(String.format("GC: %.2f s elapsed in collections", gc / 1e3));
        var jit = ManagementFactory.getCompilationMXBean();
        if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
            lines.add(String.format("JIT: %.2f s in compilation", jit.getTotalCompilationTime() / 1e3));
        }
        vmThreads().forEach((name, secs) -> lines.add(String.format("%s threads: %.2f s CPU", name, secs)));
        lines.add(String.format("elapsed since JVM start: %.2f s", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
        peakRssKb().ifPresent(kb -> lines.add(String.format("peak RSS: %d MB", kb / 1024)));
        // which JVM this was: a large analysis runs in a child JVM with its own flags (cli.BoundedHeap)
        lines.add("JVM flags: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        for (String l : lines) System.err.println("wslogs: " + l);
    }

    /** This process's peak resident set (VmHWM of /proc/self/status; Linux only). */
    static java.util.OptionalLong peakRssKb() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) return java.util.OptionalLong.of(Long.parseLong(l.replaceAll("[^0-9]", "")));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return java.util.OptionalLong.empty();
    }

    /**
     * CPU of the JVM's own threads (JIT compilers, GC workers), which the management API does not
     * report: read from /proc/self/task (Linux; nothing elsewhere).
     */
    private static java.util.Map<String, Double> vmThreads() {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return out;
        double hz = 100; // USER_HZ: 100 on every Linux architecture the JDK runs on
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : dirs.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String group = name.startsWith("C1 Compiler") ? "JIT C1" : name.startsWith("C2 Compiler") ? "JIT C2"
                            : name.startsWith("GC Thread") || name.startsWith("ParGC") || name.startsWith("G1") || name.startsWith("VM Thread") ? "GC and VM"
                            : null;
                    if (group == null) continue;
                    String[] f = stat.substring(close + 2).split(" ");
                    double secs = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / hz; // utime, stime
                    out.merge(group, secs, Double::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    private double cpu(ThreadMXBean mx, Thread t) {
        Long done = finished.get(t);
        long ns = done != null ? done : mx.getThreadCpuTime(t.getId());
        return ns < 0 ? 0 : ns / 1e9;
    }
}
