"""Makes ``pyNN.spikeforge`` importable beside the PyNN that is installed (Debian's python3-pynn).

This folder is not PyNN: it joins the installed package's path, so that ``import pyNN.nest`` still
finds the installed backends and ``import pyNN.spikeforge`` finds SpikeForge's, then runs the installed
package's own ``__init__``. With ``python/`` on ``sys.path`` nothing else changes.
"""
import os as _os
import sys as _sys

_here = _os.path.dirname(_os.path.abspath(__file__))
_installed = None
for _entry in _sys.path:
    _candidate = _os.path.join(_os.path.abspath(_entry or "."), "pyNN")
    if _candidate != _here and _os.path.isfile(_os.path.join(_candidate, "__init__.py")):
        _installed = _candidate
        break
if _installed is None:
    raise ImportError("pyNN.spikeforge needs PyNN 0.10 installed (Debian: apt-get install python3-pynn)")
__path__ = [_installed, _here]
with open(_os.path.join(_installed, "__init__.py")) as _f:
    exec(compile(_f.read(), _os.path.join(_installed, "__init__.py"), "exec"))
