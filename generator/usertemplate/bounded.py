"""A committee's template prints in a child process bounded in time and memory.

The sandbox stops a template reaching Python, files or the network, and refuses huge
strings (``'x' * 10**9``), but a recursive macro or loops nested within the range cap
still run for minutes or fill memory. So every print with a user template runs in a
forked child with an address-space limit and a wall clock; the parent waits, kills a
child that overruns, and turns what happened into one Vietnamese reason. Forking a
loaded process is copy-on-write: a few milliseconds per document.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import struct
import sys
import time

from jinja2.sandbox import SecurityError

SECONDS = float(os.environ.get("KIEMDIEM_GIAY_IN_MAU", "15"))  # one document printed with a user template
MEMORY = 768 * 1024 * 1024  # bytes the child may add to what the parent already maps
_HEADER = struct.Struct("!Q")


class TemplateOverrun(SecurityError):
    """The template ran too long, used too much memory or recursed too deep; the message is Vietnamese."""


def _mapped() -> int:
    """The bytes this process maps now (VmSize), the base the child's limit adds to."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 2 * 1024**3


def bounded(function, *args):
    """``function(*args)`` in a child bounded by ``SECONDS`` and ``MEMORY``; its result or its exception.

    Without ``fork`` (not Linux) the call runs in this process, bounded only by the sandbox."""
    if not hasattr(os, "fork"):
        return function(*args)
    read_end, write_end = os.pipe()
    limit = _mapped() + MEMORY
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:  # under a limit already (a test's, a server's): stay inside it
        limit = min(limit, hard)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: print, send the outcome, leave without running the parent's cleanup
        os.close(read_end)
        code = 0
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            sys.setrecursionlimit(min(sys.getrecursionlimit(), 2000))
            try:
                outcome = ("ok", function(*args))
            except MemoryError:
                outcome = ("overrun", "mẫu dùng quá nhiều bộ nhớ khi in (chuỗi hay danh sách quá lớn)")
            except RecursionError:
                outcome = ("overrun", "mẫu gọi lồng nhau quá sâu khi in (macro tự gọi lại mình?)")
            except Exception as error:  # noqa: BLE001 — sent to the parent, which re-raises it
                outcome = ("error", error)
            try:
                payload = pickle.dumps(outcome)
            except Exception as error:  # noqa: BLE001 — an exception that cannot be pickled
                payload = pickle.dumps(("overrun", f"lỗi khi in bằng mẫu ({type(error).__name__})"))
            with os.fdopen(write_end, "wb") as out:
                out.write(_HEADER.pack(len(payload)) + payload)
        except BaseException:  # noqa: BLE001 — nothing of the child may escape into the parent's code
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        data = _receive(read_end, pid)
    finally:
        os.close(read_end)
    kind, value = pickle.loads(data)  # noqa: S301 — our own child's pickle
    if kind == "ok":
        return value
    if kind == "overrun":
        raise TemplateOverrun(value)
    raise value


def _receive(fd: int, pid: int) -> bytes:
    deadline = time.monotonic() + SECONDS
    chunks, wanted, got = [], None, 0
    while wanted is None or got < wanted:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            _kill(pid)
            raise TemplateOverrun(f"mẫu in quá {SECONDS:g} giây một văn bản (vòng lặp lồng nhau quá lớn?)")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        if wanted is None and got >= _HEADER.size:
            wanted = _HEADER.unpack(b"".join(chunks)[: _HEADER.size])[0] + _HEADER.size
    _, status = os.waitpid(pid, 0)
    data = b"".join(chunks)
    if wanted is None or got < wanted:
        killed = os.WIFSIGNALED(status)
        raise TemplateOverrun(
            "mẫu dùng quá nhiều bộ nhớ khi in"
            if not killed or os.WTERMSIG(status) != signal.SIGKILL
            else "tiến trình in bằng mẫu bị dừng"
        )
    return data[_HEADER.size :]


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
