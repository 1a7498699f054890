"""The exceptions the engine's refusals become in Python: the engine's own one-line messages."""
import os


class SpikeForgeError(Exception):
    """Anything the engine refused or that failed in it; ``str()`` is the engine's message."""

    def __init__(self, message, java=None):
        super().__init__(message)
        self.java = java
        """The Java exception, for its stack trace (``.java.stacktrace()``), or None."""


class ConfigError(SpikeForgeError, ValueError):
    """A network description with problems: every one of them, each at its config path.

    ``errors`` lists ``(path, message)`` pairs, for example
    ``("projections[0].plasticity.tau_s", "must be > 0 ms, got -1")``; ``source`` names the config.
    """

    def __init__(self, message, errors=(), source=None, java=None):
        super().__init__(message, java)
        self.errors = list(errors)
        self.source = source


class RunError(SpikeForgeError):
    """A run that ended early: a NaN or infinity in the state (its message names the neuron and step)."""


class PackError(SpikeForgeError):
    """A pack that could not be loaded, or a pack's model that failed while it ran."""


class BackendUnavailable(SpikeForgeError):
    """The backend asked for cannot run here (no TornadoVM SDK, no such device)."""


def translate(jexc):
    """Turns a Java exception from the engine into the Python exception that says the same."""
    name = jexc.getClass().getName()
    message = str(jexc.getMessage() or name)
    if os.environ.get("SPIKEFORGE_DEBUG"):
        message += "\n" + str(jexc.stacktrace())
    if name.endswith(".ConfigException"):
        errors = [(str(e.path()), str(e.message())) for e in list(jexc.options()) + list(jexc.errors())]
        return ConfigError(message, errors, str(jexc.source()), jexc)
    if name.endswith((".PackException", ".PluginFailureException", ".TaskFailedException")):
        return PackError(message, jexc)
    if name.endswith(".BackendUnavailableException"):
        return BackendUnavailable(message, jexc)
    if name.endswith(".CheckpointException"):
        return SpikeForgeError(message, jexc)
    if name == "java.lang.IllegalArgumentException":
        return ValueError(message)
    return SpikeForgeError(name + ": " + message, jexc)
