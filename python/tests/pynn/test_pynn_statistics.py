"""A PyNN script of our own (va_network.py: a balanced network of IF_cond_exp cells) gives, on
pyNN.spikeforge, statistics inside the band pyNN.brian2 gives for it over seeds 1-4 on this machine
(integration-tests/REFERENCES.md, "PyNN: the VA network on pyNN.brian2", has the command and figures)."""
import statistics

import pytest

sim = pytest.importorskip("pyNN.spikeforge", reason="pyNN.spikeforge needs Debian's python3-pynn")
from va_network import run  # noqa: E402

# pyNN.brian2 (Brian2 2.5.1, PyNN 0.10.1), seeds 1-4: excitatory rate (Hz) and mean CV of the ISIs.
BRIAN2_RATE = [55.27, 55.86, 51.46, 51.38]
BRIAN2_CV = [0.958, 0.928, 1.083, 0.917]


def test_va_network_rates_and_irregularity_are_inside_brian2s_seed_band():
    runs = [run(sim, seed) for seed in (1, 2)]
    rate = statistics.mean(r["exc_rate_hz"] for r in runs)
    cv = statistics.mean(r["exc_cv"] for r in runs)
    # The rate within Brian2's spread over seeds, widened by 10 %.
    assert 0.9 * min(BRIAN2_RATE) <= rate <= 1.1 * max(BRIAN2_RATE)
    for r in runs:
        assert abs(r["inh_rate_hz"] - r["exc_rate_hz"]) < 10
    # Irregular firing (CV near 1) like Brian2's: SpikeForge's CV runs about 10 % below Brian2's
    # (0.79-0.95 over seeds 1-4 against 0.92-1.08); pyNN.brian2 integrates IF_cond_exp with Euler,
    # SpikeForge's with RK4 (REFERENCES.md).
    assert 0.85 * statistics.mean(BRIAN2_CV) <= cv <= 1.1 * max(BRIAN2_CV)
