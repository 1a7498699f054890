package io.spikeforge.sweep;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Function1;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The Spark side of a sweep: a session on the master asked for, and the runs as one job of one task
 * each, whose rows reach the driver one by one as their tasks end (so that each is journaled at once).
 * Spark runs a task again elsewhere when its executor is lost, and hands the driver one result per task:
 * no row is lost or doubled when a worker dies.
 */
final class SparkRuns {

    private SparkRuns() {
    }

    /**
     * @param master  a Spark master URL, or null for Spark's own setting (spark-submit's) or else
     *                {@code local[*]}
     * @param conf    further Spark settings (key, value)
     */
    static SparkSession session(String appName, String master, Map<String, String> conf) {
        SparkConf c = new SparkConf().setAppName("spikeforge sweep " + appName);
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster("local[*]");
        }
        c.setIfMissing("spark.ui.enabled", "false");
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.forEach(c::set);
        if (!c.get("spark.master").startsWith("local") && !c.contains("spark.jars")) {
            // Executors of a cluster have Spark's jars; SpikeForge's travel from the driver.
            c.set("spark.jars", String.join(",", executorJars()));
        }
        return SparkSession.builder().config(c).getOrCreate();
    }

    /**
     * @return this module's jar (made from its class folder when run from one, as in tests) and the jars of
     *         {@code engine-lib} beside it: SpikeForge's engine, packs and their own libraries
     */
    static List<String> executorJars() {
        try {
            Path own = Path.of(SparkRuns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> jars = new ArrayList<>();
            jars.add((Files.isDirectory(own) ? jarOf(own) : own).toString());
            Path lib = own.getParent().resolve("engine-lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> files = Files.list(lib)) {
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
                }
            }
            return jars;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the jars the executors need: " + e.getMessage(), e);
        }
    }

    private static Path jarOf(Path classes) throws IOException {
        Path jar = Files.createTempFile("spikeforge-sweep-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }

    /** Takes a partition's single row: each run is a partition of its own. */
    private static final class Only implements Function1<Iterator<RunRow>, RunRow>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public RunRow apply(Iterator<RunRow> rows) {
            return rows.next();
        }
    }

    /**
     * Runs {@code points}, one task each, and hands each row to {@code done} on the driver as its task ends.
     *
     * @throws RuntimeException when Spark gives up on the job (a task lost more times than it retries)
     */
    static void run(SparkSession spark, List<RunPoint> points, Consumer<RunRow> done) {
        if (points.isEmpty()) {
            return;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("spikeforge sweep: " + points.size() + " runs");
        JavaRDD<RunRow> rows = jsc.parallelize(points, points.size()).map(RunTask::run);
        List<Object> partitions = IntStream.range(0, points.size()).boxed().map(i -> (Object) i).toList();
        var future = spark.sparkContext().submitJob(rows.rdd(), new Only(),
                CollectionConverters.asScala(partitions).toSeq(),
                new scala.runtime.AbstractFunction2<Object, RunRow, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object partition, RunRow row) {
                        done.accept(row);
                        return BoxedUnit.UNIT;
                    }
                }, new scala.runtime.AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
        try {
            future.get();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
