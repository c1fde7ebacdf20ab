package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Who used the CPU between two snapshots, from Linux's /proc: this JVM (app and load generator),
 * the processes it started (pgbench), the PostgreSQL server (its postmaster's process tree, when
 * it runs on this machine, with the backends that ended in between), and everything else. A benchmark on a shared machine is only worth what the "others" figure says.
 * Elsewhere than Linux, "unknown".
 */
public final class CpuUsage {
    private final long wallNanos;
    private final long machineBusy;
    private final long self;
    private final long children;
    private final long database;
    private final boolean known;

    private CpuUsage(long wallNanos, long machineBusy, long self, long children, long database, boolean known) {
        this.wallNanos = wallNanos;
        this.machineBusy = machineBusy;
        this.self = self;
        this.children = children;
        this.database = database;
        this.known = known;
    }

    /** @param databasePid the PostgreSQL postmaster's pid, or -1 when unknown or on another machine */
    public static CpuUsage snapshot(long databasePid) {
        long wall = System.nanoTime();
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                if (i != 4 && i != 5) busy += Long.parseLong(cpu[i]);
            }
            long[] jvm = ticks(ProcessHandle.current().pid());
            long self = jvm[0];
            // The processes this JVM started: those that ended (and were waited for) and those still running.
            long children = jvm[1] + ProcessHandle.current().children().mapToLong(c -> ticks(c.pid())[0]).sum();
            // The postmaster, its live backends, and (its waited-for children's times) the
            // backends that ended since: pgbench's connections come and go within a window.
            long database = 0;
            if (databasePid > 0) {
                long[] postmaster = ticks(databasePid);
                database = postmaster[0] + postmaster[1] + ProcessHandle.of(databasePid)
                        .map(p -> p.descendants().mapToLong(d -> ticks(d.pid())[0]).sum()).orElse(0L);
            }
            return new CpuUsage(wall, busy, self, children, database, true);
        } catch (IOException | RuntimeException e) {
            return new CpuUsage(wall, 0, 0, 0, 0, false);
        }
    }

    /** "machine 198% busy: this JVM 160%, PostgreSQL 31%, other processes 7%" (100% = one core). */
    public String since(CpuUsage before) {
        if (!known || !before.known) return "CPU use unknown (no /proc)";
        double seconds = (wallNanos - before.wallNanos) / 1e9;
        double hz = 100.0; // USER_HZ: 100 on every Linux this runs on
        double machine = (machineBusy - before.machineBusy) / hz / seconds * 100;
        double jvm = (self - before.self) / hz / seconds * 100;
        double db = Math.max(0, database - before.database) / hz / seconds * 100;
        double child = Math.max(0, children - before.children) / hz / seconds * 100;
        double others = Math.max(0, machine - jvm - child - db);
        return String.format(Locale.ROOT, "CPU (100%% = one core, %d cores): machine %.0f%% busy = this JVM %.0f%%%s + PostgreSQL %.0f%% + other processes %.0f%%",
                Runtime.getRuntime().availableProcessors(), machine, jvm, child > 0 ? String.format(Locale.ROOT, " + its child processes (pgbench) %.0f%%", child) : "",
                db, others);
    }

    /** "JVM 0.61 ms + PostgreSQL 0.05 ms": CPU time per request between the snapshots. */
    public String perRequest(CpuUsage before, long requests) {
        if (!known || !before.known || requests == 0) return "unknown";
        double hz = 100.0;
        long child = children - before.children;
        return String.format(Locale.ROOT, "this JVM %.2f ms%s + PostgreSQL %.2f ms", (self - before.self) / hz * 1000 / requests,
                child > 0 ? String.format(Locale.ROOT, " + pgbench %.2f ms", child / hz * 1000 / requests) : "",
                Math.max(0, database - before.database) / hz * 1000 / requests);
    }

    /** The CPU used during a scenario's measured window (from the load runner's callbacks). */
    public static final class Measured implements LoadRunner.Window {
        private final long databasePid;
        private final DSLContext database;
        private CpuUsage opened;
        private CpuUsage closed;
        private WalUsage walOpened;
        private WalUsage walClosed;
        private long[] gcOpened;
        private long[] gcClosed;

        /** @param database where to read WAL and checkpoint counters, or null for CPU only */
        public Measured(long databasePid, DSLContext database) {
            this.databasePid = databasePid;
            this.database = database;
        }

        @Override
        public void opened() {
            // The CPU first: the load is already running, and the WAL query may wait for a connection.
            opened = snapshot(databasePid);
            gcOpened = gc();
            if (database != null) walOpened = WalUsage.snapshot(database);
        }

        @Override
        public void closed() {
            closed = snapshot(databasePid);
            gcClosed = gc();
            if (database != null) walClosed = WalUsage.snapshot(database);
        }

        /**
         * CPU milliseconds per request of this JVM (app and load generator), the processes it
         * started (pgbench) and PostgreSQL together, or NaN: unlike a throughput, barely moved by
         * what other processes take from a shared machine.
         */
        public double millisPerRequest(long requests) {
            if (opened == null || closed == null || !opened.known || !closed.known || requests == 0) return Double.NaN;
            long ticks = (closed.self - opened.self) + (closed.children - opened.children) + Math.max(0, closed.database - opened.database);
            return ticks * 10.0 / requests; // USER_HZ 100: a tick is 10 ms
        }

        /** Who used the machine, the CPU time per request and, with a database, what it wrote. */
        public List<String> describe(String name, long requests) {
            if (opened == null || closed == null) return List.of(name + ": CPU use unknown");
            List<String> lines = new java.util.ArrayList<>(List.of(name + ": " + closed.since(opened), name + ": CPU per request: "
                    + closed.perRequest(opened, requests) + " (the JVM's share includes the load generator)"));
            lines.add(String.format(Locale.ROOT, "%s: %d garbage collections, %d ms in all", name,
                    gcClosed[0] - gcOpened[0], gcClosed[1] - gcOpened[1]));
            if (walOpened != null && walClosed != null) lines.add(name + ": " + walClosed.perRequest(walOpened, requests));
            return lines;
        }

        /** {collections, milliseconds} of this JVM's garbage collectors so far. */
        static long[] gc() {
            long count = 0;
            long millis = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new long[] {count, millis};
        }
    }

    /**
     * {utime + stime, cutime + cstime} of a process in clock ticks, the second being the times of
     * its children that ended and were waited for; zeros when it is gone.
     */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name, in parentheses, may hold spaces: count fields after its closing one.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}
