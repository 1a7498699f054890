"""docs/python-tutorial.md runs as written: its code blocks, in order, in one namespace."""
import os
import re

import pytest


def test_the_tutorial_runs(root, tmp_path, monkeypatch, capsys):
    pytest.importorskip("matplotlib", reason="the tutorial plots with Debian's python3-matplotlib")
    text = (root / "docs/python-tutorial.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(root)
    code = "\n".join(blocks).replace('Path("out/python-tutorial")', "Path(%r)" % str(tmp_path))
    exec(compile(code, "python-tutorial.md", "exec"), {})
    printed = capsys.readouterr().out
    # The numbers the tutorial quotes are the ones it prints.
    for quoted in ("[ 15.9  45.4  75.3 190.9 220.4 250.3]", "[ 21.   53.  185.9 215.6 245.4]",
                   "(array([2.]), array([0], dtype=int32))", "populations[0].neuron.tau"):
        assert quoted in printed
    assert sorted(os.listdir(tmp_path)) == ["ei_raster.png", "stdp_net.png"]
