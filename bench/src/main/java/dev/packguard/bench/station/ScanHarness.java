package dev.packguard.bench.station;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.StationStartup;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.bench.rules.RulesWorld;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.statement.Lot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Scan → banner on the real packing screen (docs/PERFORMANCE.md "Station"): opens the station
 * for a {@link StationWorld} folder exactly as the application does (configuration, mirror,
 * services, audit log, rules warmed up), shows the shell and packing screen on headless JavaFX
 * (Monocle), signs in, and packs orders of the {@link RulesWorld} mirror: genuine units in
 * random order, with about one in ten a counterfeit (an unknown serial, or a real serial with the
 * wrong lot or expiry) that must be quarantined, and a few repeated scans. Each scan is timed
 * from {@link PackingViewModel#scan} on the FX thread to the moment its verdict is in the
 * banner's properties, on the FX thread, and the banner is checked against the expected verdict.
 * Reports median, p90, p99 and max per kind, and the process's resident memory (VmRSS, VmHWM)
 * after start and after the run.
 *
 * <p>{@code java -Xmx… -cp bench/target/benchmarks.jar dev.packguard.bench.station.ScanHarness MIRROR UNITS [SCANS] [SEED]}
 */
public final class ScanHarness {
    /** What a scan is expected to show. */
    enum Kind {
        PASS, FAIL, DUPLICATE
    }

    record Step(Kind kind, String text) {
    }

    private ScanHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScanHarness MIRROR UNITS [SCANS] [SEED]");
            System.exit(64);
        }
        Path mirror = Path.of(args[0]);
        int units = Integer.parseInt(args[1]);
        int scans = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        headless();
        Path dir = Files.createTempDirectory("packguard-scan-harness");
        Path config = StationWorld.write(dir, mirror, units);
        System.out.printf("station folder %s, mirror %s (%,d units), %,d scans, seed %d, -Xmx %,d MB%n", dir, mirror,
                units, scans, seed, Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        StationStartup.Result r = StationStartup.start(config, Clock.systemUTC(), System.out::println);
        if (!(r instanceof StationStartup.Started started)) {
            throw new IllegalStateException("the station did not start: " + ((StationStartup.Problem) r).message());
        }
        StationServices s = started.services();
        PackingStation packing = PackingStation.open(s.config(), s.monitor(),
                PackingStation.verifierFor(s.config(), s.store(), Clock.systemUTC()), Clock.systemUTC());
        System.out.printf("station open (mirror, services, audit check, rules prepared) in %.2f s%n",
                (System.nanoTime() - t0) / 1e9);

        CompletableFuture<Void> fx = new CompletableFuture<>();
        Platform.startup(() -> fx.complete(null));
        fx.get(30, TimeUnit.SECONDS);
        TimedExecutor executor = new TimedExecutor(TaskExecutor.background("packguard-station"));
        CompletableFuture<PackingViewModel> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            PackingViewModel vm = new PackingViewModel(packing.session(), s.monitor(), executor, Sounds.off(),
                    packing::queue, packing.auditExporter(), Platform::runLater);
            Stage stage = new Stage();
            MainView main = StationApplication.show(stage, new MainViewModel("bench", started.title(),
                    Optional.empty(), Optional.of(s.monitor()), Platform::runLater));
            StationApplication.attachPacking(stage.getScene(), main, vm, WedgeTiming.defaults());
            executor.probe(() -> vm.bannerProperty().get() + " " + vm.bannerTitleProperty().get() + "\n"
                    + vm.reasonsProperty().get());
            shown.complete(vm);
        });
        PackingViewModel vm = shown.get(30, TimeUnit.SECONDS);
        Memory afterStart = Memory.now();
        System.out.println("after start: " + afterStart);

        List<Step> plan = plan(units, scans, new SplittableRandom(seed));
        Map<Kind, List<Long>> times = new EnumMap<>(Kind.class);
        List<Long> quarantines = new ArrayList<>();
        List<Long> seals = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        timed(vm::scan, "bench-operator");
        int order = 1;
        timed(vm::scan, StationWorld.orderId(order));
        int done = 0;
        for (Step step : plan) {
            if (step.kind() == null) {
                TimedExecutor.Shown sealed = timedRun(executor, vm::packAndSeal);
                seals.add(sealed.nanos());
                if (!firstLine(sealed.screen()).contains("sealed")) {
                    wrong.add("seal of " + StationWorld.orderId(order) + ": " + sealed.screen());
                }
                order++;
                timed(vm::scan, StationWorld.orderId(order));
                continue;
            }
            long[] start = new long[1];
            TimedExecutor.Shown out = run(executor, () -> {
                start[0] = System.nanoTime();
                vm.scan(step.text());
            });
            times.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(out.nanos() - start[0]);
            String expected = switch (step.kind()) {
                case PASS -> "PASS OK to pack";
                case FAIL -> "FAIL DO NOT PACK";
                case DUPLICATE -> "ATTENTION Already scanned";
            };
            if (!firstLine(out.screen()).equals(expected) && wrong.size() < 1000) {
                wrong.add(step.kind() + " " + step.text().replace("\u001d", "<GS>") + " showed " + out.screen());
            }
            if (out.screen().startsWith("FAIL")) {
                quarantines.add(timedRun(executor, vm::confirmQuarantine).nanos());
            }
            if (++done % 500 == 0) {
                System.out.printf("%,d scans%n", done);
            }
        }
        Memory afterRun = Memory.now();

        List<Long> all = new ArrayList<>();
        times.values().forEach(all::addAll);
        System.out.println();
        System.out.println("scan -> banner, all scans: " + Percentiles.of(toArray(all)).describe());
        for (Kind k : Kind.values()) {
            if (times.containsKey(k)) {
                System.out.printf("  %-9s %s%n", k, Percentiles.of(toArray(times.get(k))).describe());
            }
        }
        if (all.size() > 200) {
            System.out.println("  after the first 200: " + Percentiles.of(toArray(all.subList(200, all.size()))).describe());
        }
        System.out.println("F9 quarantine -> banner: " + Percentiles.of(toArray(quarantines)).describe());
        if (!seals.isEmpty()) {
            System.out.println("F12 pack & seal (" + StationWorld.PRODUCTS * StationWorld.PER_LINE + " units) -> banner: "
                    + Percentiles.of(toArray(seals)).describe());
        }
        System.out.println("after start: " + afterStart);
        System.out.println("after run:   " + afterRun);
        System.out.printf("banners not as expected: %d%n", wrong.size());
        wrong.stream().limit(10).forEach(w -> System.out.println("  " + w));
        Platform.exit();
        executor.close();
        packing.close();
        s.close();
        System.exit(wrong.isEmpty() ? 0 : 1);
    }

    // Runs {@code action} on the FX thread with the executor armed: its task's continuation is timed.
    private static TimedExecutor.Shown run(TimedExecutor executor, Runnable action) throws Exception {
        CompletableFuture<TimedExecutor.Shown> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            executor.arm(done);
            try {
                action.run();
            } finally {
                executor.disarm();
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    // As run, the result's time made a duration from the call.
    private static TimedExecutor.Shown timedRun(TimedExecutor executor, Runnable action) throws Exception {
        long[] start = new long[1];
        TimedExecutor.Shown out = run(executor, () -> {
            start[0] = System.nanoTime();
            action.run();
        });
        return new TimedExecutor.Shown(out.nanos() - start[0], out.screen());
    }

    private static void timed(Consumer<String> scan, String text) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            scan.accept(text);
            done.complete(null);
        });
        done.get(60, TimeUnit.SECONDS);
    }

    /**
     * The scans: orders of 30 genuine units (3 per product), each in random order; before about
     * one scan in ten a counterfeit, and after about one in fifty a repeat of an earlier scan of the
     * order. A {@code null} kind means "seal the order and open the next". Stops at {@code scans}.
     */
    static List<Step> plan(int units, int scans, SplittableRandom random) {
        List<Step> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        int counted = 0;
        int fakes = 0;
        int orders = 0;
        while (counted < scans) {
            if (++orders > StationWorld.ORDERS) {
                throw new IllegalArgumentException("the station folder has " + StationWorld.ORDERS + " orders: too few for "
                        + scans + " scans");
            }
            List<Integer> order = new ArrayList<>();
            int[] perProduct = new int[StationWorld.PRODUCTS];
            while (order.size() < StationWorld.PRODUCTS * StationWorld.PER_LINE) {
                int u = random.nextInt(units);
                int p = StationWorld.product(u);
                if (perProduct[p] == StationWorld.PER_LINE || !used.add(u)) {
                    continue;
                }
                perProduct[p]++;
                order.add(u);
            }
            List<String> packed = new ArrayList<>();
            for (int u : order) {
                if (counted < scans && random.nextInt(10) == 0) {
                    out.add(new Step(Kind.FAIL, StationWorld.scanText(counterfeit(units, used, fakes++, random))));
                    counted++;
                }
                if (counted >= scans) {
                    return out;
                }
                String text = StationWorld.scanText(RulesWorld.scan(u));
                out.add(new Step(Kind.PASS, text));
                packed.add(text);
                counted++;
                if (counted < scans && random.nextInt(50) == 0) {
                    out.add(new Step(Kind.DUPLICATE, packed.get(random.nextInt(packed.size()))));
                    counted++;
                }
            }
            out.add(new Step(null, ""));
        }
        return out;
    }

    // Three kinds in turn: a serial never commissioned, a genuine serial with the wrong lot, or with the wrong expiry.
    private static UnitScan counterfeit(int units, Set<Integer> used, int n, SplittableRandom random) {
        int u;
        do {
            u = random.nextInt(units);
        } while (!used.add(u));
        UnitScan real = RulesWorld.scan(u);
        return switch (n % 3) {
            case 0 -> new UnitScan(real.gtin(), "F" + String.format("%09d", n) + "Z", real.lot(), real.expiry(), false);
            case 1 -> new UnitScan(real.gtin(), real.serial(), new Lot("LBX" + n % 1000), real.expiry(), false);
            default -> new UnitScan(real.gtin(), real.serial(), real.lot(), LocalDate.of(2029, 2, 28), false);
        };
    }

    private static String firstLine(String screen) {
        int nl = screen.indexOf('\n');
        return nl < 0 ? screen : screen.substring(0, nl);
    }

    private static long[] toArray(List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    // The platform the GUI tests use (ADR 0001); set before the toolkit starts, unless given on the command line.
    private static void headless() {
        Map<String, String> props = Map.of("glass.platform", "Monocle", "monocle.platform", "Headless",
                "prism.order", "sw", "prism.text", "t2k", "java.awt.headless", "true");
        props.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }
}
