#!/usr/bin/python3
"""Writes the Potjans & Diesmann (2014) cortical microcircuit as a SpikeForge config.

The parameters are the model paper's (Cerebral Cortex 24:785, Tables 4-5), as NEST's
examples/Potjans_2014 uses them. Fixed total synapse numbers per population pair from the
connection probabilities, K = log(1 - p) / log(1 - 1/(Npre Npost)); a down-scaled network
(--n-scale, --k-scale) keeps the mean input of the full one: in-degrees times k_scale, weights
over sqrt(k_scale), and the missing mean as a DC current (NEST's example does the same).

    /usr/bin/python3 examples/microcircuit/make_config.py > examples/microcircuit.yaml
    /usr/bin/python3 examples/microcircuit/make_config.py --n-scale 0.1 --k-scale 0.1 --duration 1000
"""
import argparse
import math

POPS = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"]
N_FULL = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948]
# Connection probabilities, rows the target population, columns the source (paper Table 5).
P = [[0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0],
     [0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0],
     [0.0077, 0.0059, 0.0497, 0.1350, 0.0067, 0.0003, 0.0453, 0.0],
     [0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0],
     [0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0],
     [0.0548, 0.0269, 0.0257, 0.0022, 0.0600, 0.3158, 0.0086, 0.0],
     [0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252],
     [0.0364, 0.0010, 0.0034, 0.0005, 0.0277, 0.0080, 0.0658, 0.1443]]
K_EXT = [1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100]   # background in-degree per target population
# Mean rates of the full-scale model with Poisson background (NEST's example, spikes/s); only the DC
# that makes up for a down-scaled in-degree uses them.
FULL_RATES = [0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523]
W = 0.0878          # nA, PSC amplitude of a 0.15 mV PSP
G = -4.0            # inhibitory weight relative to excitatory
W_SD = 0.1          # relative standard deviation of the weights
BG_RATE = 8.0       # Hz per background source
TAU_SYN = 0.5       # ms
DT = 0.1            # ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-scale", type=float, default=1.0)
    ap.add_argument("--k-scale", type=float, default=1.0)
    ap.add_argument("--duration", type=float, default=1200.0, help="ms")
    ap.add_argument("--background", choices=["poisson", "dc"], default="poisson")
    ap.add_argument("--seed", type=int, default=55)
    a = ap.parse_args()
    n = [max(1, round(x * a.n_scale)) for x in N_FULL]
    sk = math.sqrt(a.k_scale)
    out = []
    w = lambda t, s: (W * (2 if (t, s) == (0, 2) else 1)) if s % 2 == 0 else G * W
    print(f"# Potjans & Diesmann (2014) cortical microcircuit, written by examples/microcircuit/make_config.py"
          f" (n-scale {a.n_scale:g}, k-scale {a.k_scale:g}, {a.background} background).")
    print("# iaf_psc_exp neurons with NEST's parameters (C_m 250 pF, tau_m 10 ms, tau_syn 0.5 ms, t_ref 2 ms),")
    print("# fixed total synapse numbers per pair, normal weights (sd 10 %, truncated at 0 to keep their sign),")
    print("# normal per-synapse delays (exc 1.5 +- 0.75 ms, inh 0.75 +- 0.375 ms, truncated at dt), dt 0.1 ms,")
    print("# initial V normal(-58, 10) mV. The first 200 ms are the transient; rates are read after it.")
    print(f"name: microcircuit")
    print(f"dt: {DT}")
    print(f"duration: {a.duration:g}   # ms")
    print(f"seed: {a.seed}")
    total = 0
    inputs, pops, projs = [], [], []
    for t, name in enumerate(POPS):
        mean_recurrent = sum(w(t, s) * K_total(t, s) / N_FULL[t] * FULL_RATES[s] for s in range(8))  # nA kHz*1e3
        dc = 0.0
        if a.background == "poisson":
            k_ext = round(K_EXT[t] * a.k_scale)
            inputs.append(f"  - {{name: bg_{name}, type: PoissonInput, target: {name}, var: isyn_exc, num: {k_ext},"
                          f" freq: {BG_RATE:g}, weight: {W / sk:.6g}}}")
            dc_missing = (1 - sk) * (mean_recurrent + W * K_EXT[t] * BG_RATE)
        else:
            dc = BG_RATE * K_EXT[t] * W * TAU_SYN * 1e-3
            dc_missing = (1 - sk) * mean_recurrent
        dc += TAU_SYN * 1e-3 * dc_missing
        pops.append(f"  - name: {name}\n    size: {n[t]}\n"
                    f"    neuron: {{type: iaf_psc_exp, cm: 0.25, tau_m: 10, tau_syn_E: {TAU_SYN}, tau_syn_I: {TAU_SYN},"
                    f" tau_refrac: 2, v_rest: -65, v_reset: -65, v_thresh: -50, i_offset: {dc:.6g}}}\n"
                    f"    init: {{v: {{type: Normal, mean: -58, scale: 10}}}}")
        for s, src in enumerate(POPS):
            if P[t][s] == 0:
                continue
            num = round(K_total(t, s) * a.n_scale * a.k_scale)
            total += num
            ws = w(t, s) / sk
            exc = s % 2 == 0
            weight = (f"{{type: TruncatedNormal, loc: {ws:.6g}, scale: {abs(ws) * W_SD:.6g}, lower: 0}}" if exc else
                      f"{{type: TruncatedNormal, loc: {ws:.6g}, scale: {abs(ws) * W_SD:.6g}, upper: 0}}")
            d_mean = 1.5 if exc else 0.75
            delay = f"{{type: TruncatedNormal, loc: {d_mean}, scale: {d_mean / 2}, lower: {DT}}}"
            var = "isyn_exc" if exc else "isyn_inh"
            projs.append(f"  - {{name: {src}_{name}, pre: {src}, post: {name}, delay: {delay},\n"
                         f"     comm: {{type: EventCSRLinear, conn: {{type: FixedTotalNum, num: {num}}}, weight: {weight}}},"
                         f" on_pre: {var} += w}}")
    print(f"# {sum(n)} neurons, {total} synapses")
    if inputs:
        print("inputs:   # 8 Hz from each of K_ext background sources, into the excitatory synaptic current")
        print("\n".join(inputs))
    print("populations:")
    print("\n".join(pops))
    print("projections:")
    print("\n".join(projs))
    print("monitors:")
    for name in POPS:
        print(f"  - {{target: {name}, var: spike}}")


def K_total(t, s):
    """Synapses from population s onto t at full scale (multapses allowed in the count, as NEST's example)."""
    p = P[t][s]
    if p == 0:
        return 0
    pairs = N_FULL[t] * N_FULL[s]
    return round(math.log(1 - p) / math.log(1 - 1 / pairs))


if __name__ == "__main__":
    main()
