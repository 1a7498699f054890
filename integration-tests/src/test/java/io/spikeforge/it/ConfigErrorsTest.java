package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad configs are refused with every error, each at its YAML path with the bad value and what is allowed. */
class ConfigErrorsTest {

    private static final String VALID = """
            dt: 0.1
            duration: 10
            populations:
              - {name: pre, size: 2, neuron: LifRef}
              - {name: post, size: 2, neuron: LifRef}
            projections:
              - name: p
                pre: pre
                post: post
                delay: 1.0
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.5}, weight: 0.1}
                syn: {type: Expon, tau: 5}
                out: {type: COBA, E: 0}
                plasticity: {type: STDP_Song2000, tau_s: 16.8}
            """;

    private static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "bad.yaml", Overrides.NONE)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theValidBaseConfigBuilds() {
        Sims.run(VALID, 1);
    }

    @Test
    void misspeltModelNameSuggestsTheClosestAndListsAll() {
        assertEquals(List.of("populations[0].neuron: unknown neuron model 'LifRf'. Did you mean 'LifRef'?"
                        + " Available: AdExIF, AdQuaIF, EIF_cond_exp_isfa_ista, ExpIF, FHN, Gif, HH, HH_cond_exp,"
                        + " HindmarshRose, IF, IF_cond_alpha, IF_cond_exp, IF_curr_alpha, IF_curr_exp, Izhikevich, Lif,"
                        + " LifRef, MorrisLecar, QuaIF, WangBuzsakiHH, iaf_psc_exp, izhikevich. A model of another pack loads with the"
                        + " pack's directory on --plugins DIR (or in $SPIKEFORGE_PLUGINS); './spikeforge plugins' lists"
                        + " the models loaded"),
                errors(VALID.replace("{name: pre, size: 2, neuron: LifRef}", "{name: pre, size: 2, neuron: LifRf}")));
    }

    @Test
    void nonPositiveTimeConstantNamesThePathValueAndRange() {
        assertEquals(List.of("projections[0].plasticity.tau_s: must be > 0 ms, got -1"),
                errors(VALID.replace("tau_s: 16.8", "tau_s: -1")));
    }

    @Test
    void aMonitorOfARefusedProjectionAddsNoSecondError() {
        assertEquals(List.of("projections[0].plasticity.tau_s: must be > 0 ms, got -1"),
                errors(VALID.replace("tau_s: 16.8", "tau_s: -1") + "monitors: [{target: p, var: A_pre}]\n"));
    }

    @Test
    void badDtProbabilitySizeAndDelayAreAllReportedTogether() {
        String yaml = VALID.replace("dt: 0.1", "dt: 0.1")
                .replace("prob: 0.5", "prob: 1.5")
                .replace("{name: post, size: 2,", "{name: post, size: 0,")
                .replace("delay: 1.0", "delay: 0.15");
        assertEquals(List.of(
                "populations[1].size: must be an integer > 0, got 0",
                "projections[0].delay: 0.15 ms is not a multiple of dt = 0.1 ms (within 1e-9 ms)",
                "projections[0].comm.conn.prob: must be in [0, 1], got 1.5"), errors(yaml));
    }

    @Test
    void zeroDtIsRefused() {
        assertEquals(List.of("dt: must be a number > 0 ms, got 0"), errors(VALID.replace("dt: 0.1", "dt: 0")));
    }

    @Test
    void unknownKeysAreRefusedWithSuggestions() {
        assertEquals(List.of("durration: unknown key. Did you mean 'duration'? Allowed: backend, dt, duration, inputs,"
                                + " models, monitors, name, populations, projections, seed",
                        "projections[0].syn.taus: unknown parameter of Expon. Did you mean 'tau'? Allowed: tau"),
                errors(VALID.replace("tau: 5}", "taus: 5}") + "durration: 5\n"));
    }

    @Test
    void everyBuiltInCommHoldsPlasticWeightsOneToOneIncluded() {
        // Only a pack's comm can still lack weight updates (then the rule is refused, naming those that have them).
        assertEquals(2, Sims.weights(Sims.run(VALID.replace("{type: EventCSRLinear, conn: {type: FixedProb, prob:"
                + " 0.5}, weight: 0.1}", "{type: OneToOne, weight: 0.1}"), 1), "p").length);
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals(List.of("projections[0].syn.tau: expected a number in ms or an expression of i (the element's"
                        + " index, from 0) and N (the number of elements) in ms, got 'fast': it may name i, N, pi and e,"
                        + " not 'fast'"),
                errors(VALID.replace("tau: 5}", "tau: fast}")));
    }

    @Test
    void malformedYamlGivesTheLine() {
        List<String> e = errors("dt: [0.1\npopulations: {");
        assertEquals(1, e.size());
        assertEquals(true, e.get(0).startsWith("malformed YAML at line "), e.get(0));
    }

    @Test
    void modelRefusalAtBuildTimeIsAConfigErrorAtTheModelsPath() {
        assertEquals(List.of("projections[0].comm.conn: FixedPreNum: num = 5 exceeds the 2 available pre neurons"),
                errors(VALID.replace("{type: FixedProb, prob: 0.5}", "{type: FixedPreNum, num: 5}")));
    }

    @Test
    void modelsThatRefuseTheirArgumentsWhileBuildingAreAllReportedTogether() {
        String yaml = VALID.replace("{type: FixedProb, prob: 0.5}", "{type: FixedPreNum, num: 5}") + """
                inputs:
                  - {name: step, type: SectionCurrent, target: pre, values: [1, 2], durations: [5]}
                  - {name: src, type: PoissonSpikes, size: 3, rate: 20000}
                """;
        assertEquals(List.of(
                "inputs[0]: SectionCurrent: values has 2 entries but durations has 1; give one duration per value",
                "inputs[1]: PoissonSpikes: rate * dt = 2.0 exceeds one spike per step: a spike source emits at most one"
                        + " spike per neuron and step, so rate <= 1/dt = 10000.0 Hz at dt = 0.1 ms; lower rate or dt, or"
                        + " use PoissonInput, which draws binomial counts per step",
                "projections[0].comm.conn: FixedPreNum: num = 5 exceeds the 2 available pre neurons"), errors(yaml));
    }

    @Test
    void slicesOutsideTheGroupOrNotWrittenAsSlicesAreRefusedWithTheGroupsSize() {
        String yaml = VALID.replace("pre: pre\n", "pre: \"pre[1:3]\"\n").replace("post: post\n", "post: \"post[x:]\"\n");
        assertEquals(List.of(
                "projections[0].pre: 'pre[1:3]' is not a slice of the 2 neurons of pre: [from:to] needs 0 <= from < to"
                        + " <= 2 (a negative bound counts from the end)",
                "projections[0].post: 'post[x:]' names no population, nor a slice of one; write a name, or"
                        + " NAME[from:to] with whole numbers, as Brian2's subgroups are written (P[:3200], P[3200:])"),
                errors(yaml));
    }

    @Test
    void anEmptySliceAndAMisspeltSlicedGroupAreRefused() {
        String yaml = VALID.replace("pre: pre\n", "pre: \"pree[:1]\"\n").replace("post: post\n", "post: \"post[-1:1]\"\n");
        assertEquals(List.of(
                "projections[0].pre: unknown population or spike source 'pree'. Did you mean 'pre'? Known: pre, post",
                "projections[0].post: 'post[-1:1]' is not a slice of the 2 neurons of post: [from:to] needs 0 <= from"
                        + " < to <= 2 (a negative bound counts from the end)"), errors(yaml));
    }

    @Test
    void leavingOutSelfConnectionsIsRefusedBetweenOverlappingSlicesThatStartApart() {
        String yaml = VALID.replace("pre: pre\n", "pre: \"pre[1:]\"\n").replace("post: post\n", "post: pre\n")
                .replace("{type: FixedProb, prob: 0.5}", "{type: FixedProb, prob: 0.5, allow_self: false}");
        assertEquals(List.of("projections[0].comm.conn.allow_self: false cannot leave out self-connections between"
                + " 'pre[1:]' and 'pre': the slices overlap but start at different neurons, and a connector pairs"
                + " neuron i of one with neuron i of the other. Start both slices at the same neuron, or split the"
                + " projection where they overlap"), errors(yaml));
    }
}
