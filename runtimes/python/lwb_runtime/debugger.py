"""Debug environments only (the runner sets _LAMBDA_WORKBENCH_DEBUG; Lambda has nothing like it).

Starts debugpy listening on the runner's host and port and waits for a client before the handler module is imported,
so breakpoints in module-level code bind. debugpy is the interpreter's own when it has one, else Debian's
python3-debugpy from /usr/lib/python3/dist-packages, made importable without putting the rest of that folder on
sys.path. The runner learns where it listens, when a client attached, and every pause and resume on a private pipe (the
fd in the settings, one JSON object a line); paused time counts neither against the timeout nor in
get_remaining_time_in_millis().
"""
import json
import os
import sys
import threading
import time

DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"
# What Debian's debugpy imports from dist-packages: itself (pydevd comes through debugpy/_vendored), bytecode, and on
# Python < 3.10 typing_extensions (Debian's python3-typing-extensions).
_DEBIAN_MODULES = frozenset(("debugpy", "bytecode", "typing_extensions"))

_lock = threading.Lock()
_fd = None
_stopped_threads = 0
_paused_since = 0.0
_paused_before = 0.0


def paused_ms():
    """Milliseconds a debugger has held this process so far; always 0 outside a debug environment."""
    with _lock:
        total = _paused_before + (time.monotonic() - _paused_since if _stopped_threads else 0.0)
    return int(total * 1000)


def _report(message):
    if _fd is None:
        return
    try:
        os.write(_fd, (json.dumps(message) + "\n").encode("utf-8"))
    except OSError:
        pass  # the runner is gone; it ends this process too


class _DebianDebugpyFinder(object):
    """Finds debugpy and what it needs in Debian's dist-packages, and nothing else there."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in _DEBIAN_MODULES:
            return None
        import importlib.machinery  # here: every context imports this module, and only debugging needs this

        return importlib.machinery.PathFinder.find_spec(name, [DEBIAN_DIST_PACKAGES])


def _import_debugpy():
    try:
        import debugpy
        return debugpy
    except ImportError:
        pass
    if not os.path.isdir(os.path.join(DEBIAN_DIST_PACKAGES, "debugpy")):
        return None
    sys.meta_path.append(_DebianDebugpyFinder)
    try:
        import debugpy
        return debugpy
    except ImportError:
        return None


def _on_suspend(stopped):
    """A thread stops in (or leaves) debugpy's suspend loop; the process counts as paused while any thread is."""
    global _stopped_threads, _paused_since, _paused_before
    with _lock:
        if stopped:
            _stopped_threads += 1
            if _stopped_threads == 1:
                _paused_since = time.monotonic()
                _report({"event": "paused"})
        else:
            _stopped_threads -= 1
            if _stopped_threads == 0:
                _paused_before += time.monotonic() - _paused_since
                _report({"event": "resumed"})


def _watch_suspends():
    # Every stop (breakpoint, step, pause, exception) waits in PyDB.do_wait_suspend until the client resumes it.
    import pydevd

    original = pydevd.PyDB.do_wait_suspend

    def do_wait_suspend(self, *args, **kwargs):
        _on_suspend(True)
        try:
            return original(self, *args, **kwargs)
        finally:
            _on_suspend(False)

    pydevd.PyDB.do_wait_suspend = do_wait_suspend


def _cannot_bind(address):
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(address)
        return None
    except OSError as error:
        return error.strerror or str(error)
    finally:
        probe.close()


def _no_delay(address):
    """TCP_NODELAY on debugpy's listening socket, which its connections inherit (Linux). pydevd writes each message as
    a header and then a body: with Nagle's algorithm on, the body waited for the client's delayed ACK, ~40 ms on every
    request the editor makes at a stop (threads, stackTrace, scopes, variables). Found among the process's own
    descriptors by its address, as debugpy does not hand the socket out; nothing happens where there is no /proc."""
    import socket
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in fds:
        try:
            if not os.readlink("/proc/self/fd/" + name).startswith("socket:"):
                continue
            with socket.fromfd(int(name), socket.AF_INET, socket.SOCK_STREAM) as copy:  # a duplicate, closed here
                if copy.family == socket.AF_INET and copy.type == socket.SOCK_STREAM and copy.getsockname() == address:
                    copy.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            continue


def _fail(message):
    _report({"event": "error", "message": message})
    sys.exit(1)


def start(settings_text):
    """Listens and blocks until a debugger has attached and finished configuring (configurationDone)."""
    global _fd
    settings = json.loads(settings_text)
    _fd = settings["fd"]
    os.set_inheritable(_fd, False)  # not for the function's own child processes
    debugpy = _import_debugpy()
    if debugpy is None:
        _fail("debugpy is not installed for %s (Python %d.%d) — install Debian's python3-debugpy "
              "(apt-get install python3-debugpy) or run: %s -m pip install debugpy"
              % ((sys.executable,) + sys.version_info[:2] + (sys.executable,)))
    address = (settings["host"], settings["port"])
    # In-process, debugpy binds on a thread of its own and a busy port would only be a traceback there.
    problem = _cannot_bind(address)
    if problem:
        _fail("debugpy cannot listen on %s:%d (%s) — choose another port" % (address + (problem,)))
    # pydevd warns on stderr about frozen standard modules; the function's breakpoints are unaffected.
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    try:
        # In-process: the port speaks DAP itself, and no adapter process outlives the environment.
        debugpy.listen(address, in_process_debug_adapter=True)
    except TypeError:
        debugpy.listen(address)  # a debugpy older than in_process_debug_adapter
    except ImportError as error:
        _fail("debugpy %s (%s) cannot run on Python %d.%d here: %s — install what it is missing, or debugpy for this "
              "interpreter: %s -m pip install debugpy"
              % ((debugpy.__version__, os.path.dirname(debugpy.__file__)) + sys.version_info[:2] + (error, sys.executable)))
    except Exception as error:
        _fail("debugpy cannot listen on %s:%d: %s — choose another port" % (address + (error,)))
    finally:
        os.environ.pop("PYDEVD_DISABLE_FILE_VALIDATION", None)
    _no_delay(address)
    _watch_suspends()
    _report({"event": "listening", "port": address[1],
             "debugger": "debugpy %s (%s)" % (debugpy.__version__, os.path.dirname(debugpy.__file__))})
    debugpy.wait_for_client()
    _report({"event": "attached"})
