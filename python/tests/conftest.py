import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT / "python" / "tests" / "pynn"))


@pytest.fixture(scope="session")
def root():
    return ROOT


def cli(*args, check=True):
    """Runs the command line as a user would (./spikeforge), without its ahead-of-time cache."""
    env = dict(os.environ, SPIKEFORGE_NO_AOT="1")
    done = subprocess.run([str(ROOT / "spikeforge"), *map(str, args)], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if check and done.returncode != 0:
        raise AssertionError("spikeforge %s failed (%d):\n%s" % (" ".join(map(str, args)), done.returncode,
                                                                  done.stderr))
    return done
