package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.checkpoint.CheckpointException;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run resumed from a checkpoint gives bit-identical state, spikes and weights to the run that was never
 * interrupted; a checkpoint that is not whole is refused with a message that says why.
 */
class CheckpointTest {

    @TempDir
    Path tmp;

    /**
     * Everything that carries state: delays, plasticity of every kind, an align-pre projection between
     * slices of groups, all inputs.
     */
    static final String NETWORK = """
            dt: 0.1
            duration: 200
            seed: 11
            inputs:
              - {name: poisson, type: PoissonSpikes, size: 300, rate: 25}
              - {name: times, type: SpikeTimes, size: 5, times: [3, 50.5, 120, 180]}
              - {name: drive, type: SectionCurrent, target: exc, values: [5, 12, 8], durations: [60, 80, 60]}
            populations:
              - name: exc
                size: 120
                neuron: {type: AdExIF, tau_ref: 2}
                init: {V: {type: Normal, mean: -65, scale: 3}}
              - {name: inh, size: 40, neuron: {type: LifRef, V_rest: -60, V_reset: -65, V_th: -50, tau_ref: 2}}
            projections:
              - name: ff
                pre: poisson
                post: exc
                delay: 1.5
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.2}, weight: {type: Uniform, max_val: 0.05}}
                syn: {type: Expon, tau: 5}
                out: COBA
                plasticity: {type: TripletSTDP, W_min: 0, W_max: 0.1}
              - name: ei
                pre: exc
                post: inh
                delay: 0.5
                comm: {type: Dense, conn: {type: FixedProb, prob: 0.3}, weight: 0.05}
                syn: DualExpon
                out: COBA
                plasticity: {type: NearestSTDP, A_plus: 0.001, A_minus: 0.00105, W_min: 0, W_max: 0.1}
              - name: ie
                pre: "inh[10:]"
                post: "exc[:100]"
                align: pre
                comm: {type: CSRLinear, conn: {type: FixedProb, prob: 0.4}, weight: 0.2}
                syn: Alpha
                out: {type: COBA, E: -80}
              - name: rew
                pre: times
                post: exc
                delay: 2.0
                comm: {type: EventCSRLinear, conn: All2All, weight: 0.1}
                syn: Expon
                out: COBA
                plasticity: {type: RewardSTDP, reward_values: [0, 1], reward_durations: [100, 100], eta: 0.01}
              - name: istdp
                pre: poisson
                post: inh
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.1}, weight: 0.01}
                syn: Expon
                out: {type: COBA, E: -80}
                plasticity: {type: iSTDP_Vogels2011, eta: 0.001, alpha: 0.5}
            monitors:
              - {target: exc, var: spike}
              - {target: inh, var: spike}
              - {target: poisson, var: spike, indices: [0, 1, 2]}
              - {target: exc, var: V, every: 5}
              - {target: ff, var: weight, indices: [0, 10, 20]}
              - {target: rew, var: eligibility, every: 7}
              - {target: ie, var: g, every: 3}
            """;

    private static Network build(Engine engine) {
        return engine.build(engine.parse(NETWORK, "checkpointed.yaml", Overrides.NONE));
    }

    private static RunListener stopAt(long step) {
        return new RunListener() {
            @Override
            public boolean afterStep(long s) {
                return s >= step;
            }
        };
    }

    @Test
    void aResumedRunHasExactlyTheStateAndOutputsOfTheUninterruptedRun() throws Exception {
        Engine engine = Packs.ENGINE;
        Network whole = build(engine);
        RunResult all = engine.run(whole, new JvmBackend(1, 1), RunListener.NONE);
        assertEquals(RunResult.Outcome.COMPLETED, all.outcome());
        assertTrue(whole.group("exc").spikeTotal()[0] > 200, "the network is active");

        Network first = build(engine);
        RunResult part = engine.run(first, new JvmBackend(3, 1, Sims.TILE), stopAt(1234));
        assertEquals(RunResult.Outcome.STOPPED, part.outcome());
        assertEquals(1234, first.step());
        Path file = tmp.resolve("at1234.sfck");
        CheckpointFile.write(file, first, new CheckpointMeta(first.spec().origin(), first.step(), "", 0, 1000));

        Engine.Resumed resumed = engine.resume(file, null, null);
        Network rest = resumed.network();
        assertEquals(1234, rest.step());
        assertEquals(1234, resumed.meta().step());
        engine.run(rest, new JvmBackend(2, 1, Sims.TILE), RunListener.NONE);

        Outputs.assertSameState(whole, rest);
        JvmBackend backend = new JvmBackend(1);
        OutputWriter.write(tmp.resolve("whole"), whole, backend, all);
        OutputWriter.write(tmp.resolve("resumed"), rest, backend, all);
        Outputs.assertSameOutputs(tmp.resolve("whole"), tmp.resolve("resumed"));
    }

    @Test
    void theCommandLineResumesFromTheLastPeriodicCheckpointToTheSameFiles() throws Exception {
        Path config = tmp.resolve("net.yaml");
        Files.writeString(config, NETWORK);
        Path whole = tmp.resolve("whole");
        Cli.Result run = Cli.run("run", config.toString(), "--out", whole.toString(), "--checkpoint-every", "50",
                "--quiet", "--plugins", Packs.DIR.toString());
        assertEquals(0, run.code(), run.err());
        Path checkpoint = whole.resolve("checkpoint.sfck");
        assertEquals(1500, CheckpointFile.read(checkpoint).meta().step(), "the last checkpoint before the end");
        assertTrue(Files.notExists(whole.resolve("checkpoint.sfck.tmp")));

        Path resumed = tmp.resolve("resumed");
        Cli.Result resume = Cli.run("resume", checkpoint.toString(), "--out", resumed.toString(), "--threads", "2",
                "--quiet", "--plugins", Packs.DIR.toString());
        assertEquals(0, resume.code(), resume.err());
        assertEquals("", resume.err());
        Outputs.assertSameOutputs(whole, resumed);
        assertEquals(1500, Outputs.summary(resumed).get("resumed_from_step").asLong());
        assertEquals(false, Outputs.summary(resumed).get("partial").asBoolean());
    }

    @Test
    void resumingWithoutThePacksTheConfigNeedsIsAConfigError() throws Exception {
        Path file = checkpoint();
        Cli.Result r = Cli.run("resume", file.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals("spikeforge: 1 configuration error in checkpointed.yaml (stored in " + file + "):\n"
                + "  projections[1].plasticity.type: unknown plasticity model 'NearestSTDP'. Available: RewardSTDP,"
                + " STDP_Guetig2003, STDP_Song2000, STDP_vanRossum2000, TripletSTDP, iSTDP_Vogels2011."
                + " A model of another pack loads with the pack's directory on --plugins DIR (or in $SPIKEFORGE_PLUGINS); './spikeforge plugins' lists the models loaded\n",
                r.err());
    }

    /** @return a checkpoint of the network at step 100 */
    private Path checkpoint() throws Exception {
        Network net = build(Packs.ENGINE);
        Packs.ENGINE.run(net, new JvmBackend(1), stopAt(100));
        Path file = tmp.resolve("net.sfck");
        CheckpointFile.write(file, net, new CheckpointMeta(net.spec().origin(), net.step(), "", 0, 1000));
        return file;
    }

    private static void assertRefused(String message, Path file) {
        Cli.Result r = Cli.run("resume", file.toString(), "--quiet", "--plugins", Packs.DIR.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: " + message + "\n", r.err());
    }

    @Test
    void aCheckpointWithAFlippedBitIsRefusedByItsCrc() throws Exception {
        Path file = checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 24, bytes.length - 24);
        int recorded = ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertRefused("checkpoint " + file + " is corrupt: the CRC32 of its state is "
                + String.format("%08x", crc.getValue()) + ", its header records " + String.format("%08x", recorded), file);
    }

    @Test
    void aTruncatedCheckpointIsRefused() throws Exception {
        Path file = checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1000));
        long announced = ByteBuffer.wrap(bytes, 12, 8).getLong();
        assertEquals(bytes.length - 24, announced);
        assertRefused("checkpoint " + file + " is truncated: its header announces " + announced + " bytes of state,"
                + " but " + (announced - 1000) + " follow the header", file);
        Files.write(file, Arrays.copyOf(bytes, 10));
        assertRefused("checkpoint " + file + " is truncated: it ends inside its 24-byte header", file);
    }

    /** Rewrites a checkpoint's CRC to fit its bytes, as a forger would. */
    static void forgeCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 24, bytes.length - 24);
        ByteBuffer.wrap(bytes).putInt(20, (int) crc.getValue());
    }

    @Test
    void aForgedLengthFieldIsRefusedAsCorruptBeforeAnythingOfThatLengthIsAllocated() throws Exception {
        Path file = checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        // The config text's length, the payload's first field.
        ByteBuffer.wrap(bytes).putInt(24, Integer.MAX_VALUE - 8);
        forgeCrc(bytes);
        Files.write(file, bytes);
        long allocated = Allocation.during(() -> assertRefused("checkpoint " + file + " is corrupt: its config text is"
                + " announced as " + (Integer.MAX_VALUE - 8) + " bytes, but only " + (bytes.length - 28) + " follow",
                file));
        assertTrue(allocated < 256L << 20, allocated + " bytes allocated");
    }

    @Test
    void aForgedSpikeCountIsRefusedAsCorrupt() throws Exception {
        Path file = checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        // The first monitor's name, then its count of recorded spikes.
        byte[] name = "\0\0\0\texc.spike".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = lastIndexOf(bytes, name) + name.length;
        ByteBuffer.wrap(bytes).putLong(at, 1L << 40);
        forgeCrc(bytes);
        Files.write(file, bytes);
        assertRefused("checkpoint " + file + " is corrupt: the recording of monitor exc.spike (1099511627776 spikes)"
                + " is announced as 8796093022208 bytes, but only " + (bytes.length - at - 8) + " follow", file);
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void resumingIntoAFolderThatIsAFileIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        Path file = checkpoint();
        Path out = tmp.resolve("taken");
        Files.writeString(out, "");
        Cli.Result r = Cli.run("resume", file.toString(), "--out", out.toString(), "--quiet", "--threads", "-2",
                "--plugins", Packs.DIR.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: 2 command-line errors:\n  --out: " + out + " is a file, not a folder; give a folder"
                + " (new or existing) for the outputs\n  --threads: must be an integer in [0, 4096] (0: one per core),"
                + " got -2\n", r.err());
    }

    @Test
    void aCheckpointWithBytesAppendedIsRefused() throws Exception {
        Path file = checkpoint();
        long announced = Files.size(file) - 24;
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertRefused("checkpoint " + file + " is corrupt: its header announces " + announced + " bytes of state, but "
                + (announced + 3) + " follow the header", file);
    }

    @Test
    void aFileThatIsNoCheckpointOrOfAnotherVersionIsRefused() throws Exception {
        Path yaml = tmp.resolve("net.yaml");
        Files.writeString(yaml, NETWORK);
        assertRefused(yaml + " is not a SpikeForge checkpoint (it does not start with the checkpoint signature)", yaml);
        Path file = checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 9);
        Files.write(file, bytes);
        assertRefused("checkpoint " + file + " is in format version 9; this SpikeForge reads version 1", file);
        assertRefused("checkpoint " + tmp.resolve("none.sfck") + " does not exist", tmp.resolve("none.sfck"));
    }

    @Test
    void weightsOfAProjectionWithoutPlasticityAreTheConfigsAndACheckpointWithOthersIsRefused() throws Exception {
        Network net = build(Packs.ENGINE);
        Packs.ENGINE.run(net, new JvmBackend(1), stopAt(100));
        float[] w = (float[]) net.states().find("ie.weight").orElseThrow().array();
        w[5] = 0.3f;
        Path file = tmp.resolve("edited.sfck");
        CheckpointFile.write(file, net, new CheckpointMeta(net.spec().origin(), net.step(), "", 0, 1000));
        assertRefused("checkpoint " + file + " does not match the network its config builds: state 'ie.weight' holds"
                + " the weights of a projection without plasticity, which its config fixes, and they differ from the"
                + " config's at synapse 5 (the config gives 0.2) (were the packs or SpikeForge changed since it was"
                + " written?)", file);
    }

    @Test
    void aCheckpointIsRestoredOnlyIntoTheNetworkItWasTakenFrom() throws Exception {
        Path file = checkpoint();
        Network other = Packs.ENGINE.build(Packs.ENGINE.parse(NETWORK.replace("size: 120", "size: 100"), "other",
                Overrides.NONE));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointFile.read(file).restoreInto(other));
        assertEquals("checkpoint " + file + " does not match the network its config builds: state 'exc.current' holds"
                + " 120 values of type F in the checkpoint and 100 of type F in the network (were the packs or"
                + " SpikeForge changed since it was written?)", e.getMessage());
    }
}
