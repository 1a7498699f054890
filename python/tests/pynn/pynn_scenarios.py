"""PyNN's own system scenarios (test/system/scenarios of PyNN 0.10.1, from its public repository;
not part of this repository) run against a PyNN backend, each in a process of its own:

    git clone --branch 0.10.1 https://github.com/NeuralEnsemble/PyNN /tmp/PyNN
    /usr/bin/python3 python/tests/pynn/pynn_scenarios.py /tmp/PyNN spikeforge|brian2 [SCENARIO ...]

(Brian2's code generation target: BRIAN2_TARGET, default numpy, which compiles nothing) prints one
JSON line per scenario (name, result: passed, failed, excluded or timeout; the error's
last line) and a summary line with the counts. The scenarios are written for nose: the few nose and
testconfig names they import are provided here from the standard library.
"""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

PYTHON = Path(__file__).resolve().parents[2]
SHIMS = {
    "nose/__init__.py": "",
    "nose/tools.py": textwrap.dedent("""
        import unittest
        _t = unittest.TestCase()
        _t.maxDiff = None
        assert_equal = _t.assertEqual
        assert_not_equal = _t.assertNotEqual
        assert_almost_equal = _t.assertAlmostEqual
        assert_raises = _t.assertRaises
        assert_true = _t.assertTrue
        assert_false = _t.assertFalse
        assert_less = _t.assertLess
        assert_greater = _t.assertGreater
        assert_is_instance = _t.assertIsInstance
    """),
    "nose/plugins/__init__.py": "",
    "nose/plugins/skip.py": "from unittest import SkipTest\n",
    "testconfig.py": "config = {}\n",
}

ONE = textwrap.dedent("""
    import sys, importlib
    sys.path[:0] = [{shims!r}, {python!r}, {pynn!r} + "/test"]
    from system.scenarios.registry import registry
    import system.scenarios as pkg, pkgutil
    for m in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module("system.scenarios." + m.name)
    sim = importlib.import_module("pyNN." + {backend!r})
    if {backend!r} == "brian2":
        import brian2, os
        brian2.prefs.codegen.target = os.environ.get("BRIAN2_TARGET", "numpy")
    scenario = [s for s in registry if s.__name__ == {name!r}][0]
    if {backend!r} in scenario.exclude:
        print("EXCLUDED"); sys.exit(0)
    try:
        scenario(sim)
    except Exception as e:
        if type(e).__name__ == "SkipTest":
            print("SKIPPED"); sys.exit(0)
        raise
    print("PASSED")
""")


def names(pynn, shims):
    code = ONE.split("sim = importlib")[0] + "print('\\n'.join(s.__name__ for s in registry))"
    code = code.format(shims=shims, python=str(PYTHON), pynn=pynn, backend="", name="")
    out = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode:
        sys.exit(out.stderr)
    return out.stdout.split()


def main():
    pynn, backend, chosen = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.TemporaryDirectory() as shims:
        for rel, text in SHIMS.items():
            Path(shims, rel).parent.mkdir(parents=True, exist_ok=True)
            Path(shims, rel).write_text(text)
        counts = {}
        for name in chosen or names(pynn, shims):
            code = ONE.format(shims=shims, python=str(PYTHON), pynn=pynn, backend=backend, name=name)
            try:
                out = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, timeout=600, cwd=tempfile.gettempdir(),
                                     env=dict(os.environ, SPIKEFORGE_NO_AOT="1"))
                last = out.stdout.strip().splitlines()[-1:] or [""]
                result = {"PASSED": "passed", "EXCLUDED": "excluded", "SKIPPED": "skipped"}.get(last[0], "failed")
                error = "" if result != "failed" else (out.stderr.strip().splitlines() or [""])[-1][:300]
            except subprocess.TimeoutExpired:
                result, error = "timeout", "over 600 s"
            counts[result] = counts.get(result, 0) + 1
            print(json.dumps({"backend": backend, "scenario": name, "result": result, "error": error}), flush=True)
        print(json.dumps({"backend": backend, "summary": counts}))


if __name__ == "__main__":
    main()
