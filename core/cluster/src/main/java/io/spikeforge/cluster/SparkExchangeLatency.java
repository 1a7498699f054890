package io.spikeforge.cluster;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

import java.io.Serializable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Exchange latency of Spark's barrier execution mode: the time of one {@link BarrierTaskContext#allGather}
 * of a spike interval's indices (as text, the only message type it takes), as a split network would make
 * once per minimum delay. One barrier stage of {@code processes} tasks each make {@code rounds} exchanges;
 * task 0 reports the median and the 90th percentile. A measurement program, not a test (timing belongs
 * in benchmarks).
 *
 * <p>Usage: {@code SparkExchangeLatency MASTER PROCESSES SPIKES ROUNDS}, for example {@code local[2] 2 16 2000}.
 */
public final class SparkExchangeLatency {

    private SparkExchangeLatency() {
    }

    /** @param args master, processes, spikes per process per exchange, rounds */
    public static void main(String[] args) {
        String master = args[0];
        int processes = Integer.parseInt(args[1]);
        int spikes = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("exchange-latency")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            List<Integer> ranks = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                ranks.add(p);
            }
            ClassTag<String> text = ClassTag$.MODULE$.apply(String.class);
            RDD<String> reports = sc.parallelize(ranks, processes).rdd().barrier()
                    .mapPartitions(new Exchange(spikes, rounds), false, text);
            new JavaRDD<>(reports, text).collect().forEach(System.out::println);
        }
    }

    /** One barrier task's exchanges (a Scala function, as RDDBarrier takes). */
    private static final class Exchange extends AbstractFunction1<scala.collection.Iterator<Integer>,
            scala.collection.Iterator<String>> implements Serializable {
        private final int spikes;
        private final int rounds;

        Exchange(int spikes, int rounds) {
            this.spikes = spikes;
            this.rounds = rounds;
        }

        @Override
        public scala.collection.Iterator<String> apply(scala.collection.Iterator<Integer> ignored) {
            return CollectionConverters.asScala(exchange(spikes, rounds));
        }
    }

    private static Iterator<String> exchange(int spikes, int rounds) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < spikes; i++) {
            message.append(ctx.partitionId() * 100000 + i).append(',');
        }
        String sent = message.toString();
        int warmup = Math.max(10, rounds / 10);
        long[] ns = new long[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long t0 = System.nanoTime();
            String[] all = ctx.allGather(sent);
            if (all.length != ctx.getTaskInfos().length) {
                throw new IllegalStateException("allGather returned " + all.length + " messages");
            }
            if (r >= 0) {
                ns[r] = System.nanoTime() - t0;
            }
        }
        if (ctx.partitionId() != 0) {
            return List.<String>of().iterator();
        }
        Arrays.sort(ns);
        return List.of(String.format("Spark barrier processes=%d spikes/process=%d rounds=%d median=%.1f us p90=%.1f us",
                ctx.getTaskInfos().length, spikes, rounds, ns[rounds / 2] / 1e3, ns[rounds * 9 / 10] / 1e3)).iterator();
    }
}
