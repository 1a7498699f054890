"""A progress bar for runs, in a terminal and in Jupyter, drawn by a thread that reads the run's
progress fields while the engine runs (the engine never calls back into Python during a run)."""
import sys
import threading
import time

FIRST_DRAW_S = 1.0
"""A run shorter than this draws nothing: short runs stay quiet."""
EVERY_S = 0.25


def _in_notebook():
    try:
        from IPython import get_ipython
        shell = get_ipython()
    except ImportError:
        return False
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def wanted(progress):
    """True when a bar should be drawn: asked for, or 'auto' and a terminal or notebook is there."""
    if progress == "auto":
        return _in_notebook() or sys.stderr.isatty()
    return bool(progress)


def line(done, total, wall_s, start_ms, dt_ms, width=30):
    """The bar for ``done`` of ``total`` steps after ``wall_s`` seconds: simulated time, rate, ETA."""
    frac = done / total if total else 1.0
    filled = int(round(frac * width))
    t = start_ms + done * dt_ms
    sim_s = done * dt_ms / 1000.0
    speed = sim_s / wall_s if wall_s > 0 else 0.0
    eta = (wall_s / done * (total - done)) if done else float("nan")
    return "[%s%s] %3d%%  t = %.1f ms  %.2fx realtime  ETA %.0f s" % (
        "#" * filled, "." * (width - filled), int(frac * 100), t, speed, eta)


class Bar:
    """Draws the progress of one run until ``close()``."""

    def __init__(self, listener, start_ms, dt_ms):
        self._listener = listener
        self._start_ms = start_ms
        self._dt_ms = dt_ms
        self._stop = threading.Event()
        self._t0 = time.perf_counter()
        self._drawn = False
        self._notebook = _in_notebook()
        self._handle = None
        self._thread = threading.Thread(target=self._loop, name="spikeforge-progress", daemon=True)
        self._thread.start()

    def _loop(self):
        if self._stop.wait(FIRST_DRAW_S):
            return
        while not self._stop.is_set():
            self._draw()
            self._stop.wait(EVERY_S)

    def _draw(self, final=False):
        total = int(self._listener.total())
        done = total if final else int(self._listener.done())
        if not total:
            return
        text = line(done, total, time.perf_counter() - self._t0, self._start_ms, self._dt_ms)
        if self._notebook:
            from IPython.display import display
            if self._handle is None:
                self._handle = display(text, display_id=True)
            else:
                self._handle.update(text)
        else:
            sys.stderr.write("\r" + text)
            sys.stderr.flush()
        self._drawn = True

    def close(self, completed):
        self._stop.set()
        self._thread.join()
        if self._drawn:
            if completed:
                self._draw(final=True)
            if not self._notebook:
                sys.stderr.write("\n")
                sys.stderr.flush()
