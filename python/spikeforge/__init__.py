"""SpikeForge from Python: the engine runs in this process (through JPype), and monitors, state and
weights come back as NumPy arrays straight from its arrays.

    import spikeforge
    net = spikeforge.load("examples/stdp_net.yaml")
    net.run()
    t, i = net.spikes("post")

See the README's Python quickstart and docs/python-tutorial.md.
"""
from .errors import BackendUnavailable, ConfigError, PackError, RunError, SpikeForgeError
from ._jvm import log_level
from .network import Group, Network, StateArray, from_yaml, load, model
from .split import SplitRun, run_split
from .sweep import sweep

__all__ = ["Network", "Group", "StateArray", "load", "from_yaml", "model", "SpikeForgeError", "ConfigError",
           "RunError", "PackError", "BackendUnavailable", "log_level", "sweep", "run_split", "SplitRun"]
