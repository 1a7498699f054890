"""Starts the SpikeForge engine's JVM inside this Python process, once, through JPype.

The JVM options, the JDK and the class path come from the launcher (``./spikeforge`` with
``SPIKEFORGE_PRINT_JVM=1``), which also builds the project first when its sources changed: Python
and the command line run the same JVM with the same settings.
"""
import glob
import os
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The SpikeForge checkout this package belongs to (it lives in ``python/spikeforge``)."""

# Debian's python3-jpype needs its own jar on the class path, or the JVM start fails with
# ClassNotFoundException: org.jpype.classloader.DynamicClassLoader.
JPYPE_JARS = ("/usr/share/java/org.jpype.jar",)

_started = False


def _launcher_settings():
    """Asks the launcher for the JDK, the JVM options and the class path (building when needed)."""
    env = dict(os.environ, SPIKEFORGE_PRINT_JVM="1", SPIKEFORGE_NO_AOT="1")
    done = subprocess.run([str(ROOT / "spikeforge")], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError("spikeforge: the launcher could not prepare the engine (exit %d):\n%s"
                           % (done.returncode, done.stderr.strip()))
    lines = done.stdout.splitlines()
    jdk, args = lines[0], lines[1:]
    classpath, options = [], []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "-cp":
            for part in args[i + 1].split(":"):
                # The java launcher expands "dir/*"; the JNI start does not.
                classpath.extend(sorted(glob.glob(part)) if part.endswith("*") else [part])
            i += 2
            continue
        if arg.startswith("@"):
            # An argument file (TornadoVM's tornado-argfile) is the java launcher's, not JNI's.
            options.extend(_argfile(arg[1:]))
        elif not arg.startswith("-XX:AOTCache"):
            # The ahead-of-time cache belongs to the launcher's exact class path.
            options.append(arg)
        i += 1
    return jdk, options, classpath


def _argfile(path):
    words = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.extend(shlex.split(line))
    out, i = [], 0
    while i < len(words):
        if words[i] in ("--add-modules", "--add-exports", "--add-opens", "--module-path", "-p",
                        "--upgrade-module-path", "--add-reads"):
            out.append(words[i] + "=" + words[i + 1])
            i += 2
        elif words[i] in ("-server", "-client"):
            # The java launcher's choice of libjvm.so (start() loads the server one); the JNI start
            # rejects it ("Unrecognized option: -server").
            i += 1
        else:
            out.append(words[i])
            i += 1
    return out


def start():
    """Starts the JVM unless it runs already; returns the ``jpype`` module."""
    global _started
    import jpype
    if _started or jpype.isJVMStarted():
        _started = True
        return jpype
    jdk, options, classpath = _launcher_settings()
    jvm = os.path.join(jdk, "lib", "server", "libjvm.so")
    options = [o for o in options if not o.startswith("-Xlog")]
    options += ["--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-Xlog:all=error:stderr"]
    options += shlex.split(os.environ.get("SPIKEFORGE_PY_JAVA_OPTS", ""))
    jars = [j for j in JPYPE_JARS if os.path.exists(j)]
    jpype.startJVM(jvm, *options, classpath=classpath + jars, convertStrings=True)
    _started = True
    # A Python session wants results, not the engine's INFO lines ("built ...", "ran ... steps"):
    # warnings and errors only, unless asked (log_level("info"), or SPIKEFORGE_LOG=info).
    log_level(os.environ.get("SPIKEFORGE_LOG", "warn"))
    return jpype


def log_level(level):
    """Sets the engine's log level: ``"debug"``, ``"info"``, ``"warn"`` (the default here) or ``"error"``."""
    jpype = start()
    names = {"debug": "DEBUG", "info": "INFO", "warn": "WARN", "warning": "WARN", "error": "ERROR"}
    if level.lower() not in names:
        raise ValueError("log level '%s': allowed are %s" % (level, ", ".join(sorted(names))))
    factory = jpype.JClass("org.slf4j.LoggerFactory")
    root = factory.getLogger("ROOT")
    root.setLevel(jpype.JClass("ch.qos.logback.classic.Level").toLevel(names[level.lower()]))
