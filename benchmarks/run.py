"""Runs every benchmark interleaved and prints the table; ``python -m benchmarks.run``.

For each benchmark (render PagerDuty with 3/30/300 alerts, parse+compile, the
HTML mail through html/template with 3/30 alerts, the micro shapes) the engines
are timed in rounds: each round times one batch of
calls per engine, in a shuffled order, Go's batch included (through the
oracle), so that a burst of load from other processes hits all of them alike.
A batch is sized to take about ``--batch-ms``; the table shows the median
time per call over ``--rounds`` rounds. Before timing, every engine's output
is checked against gotmpl's (the same check as test_equivalence.py).

Then: the growth per alert between 3, 30 and 300 alerts, and tracemalloc's
peak while rendering 300 alerts (data and template made before tracing) beside
the size of the output. ``--profile N`` prints cProfile's top functions of
gotmpl rendering N alerts; ``--pytest-benchmark`` also runs the pytest-benchmark
suite (benchmarks/test_render.py), whose tables are printed by pytest.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import cases, data, templates

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from goracle import Oracle, OracleError, find_go  # noqa: E402

GoCase = tuple[dict[str, Any], str]  # (oracle request, "ns_per_op" or "parse_ns_per_op")


def _selected(only: str | None, name: str) -> bool:
    """Whether ``--only``'s regular expression (if given) finds something in ``name``."""
    return only is None or re.search(only, name) is not None


def _benchmarks(
    only: str | None,
) -> list[tuple[str, dict[str, Callable[[], Any]], GoCase | None, Callable[[str, Any], str]]]:
    """(name, engine -> callable, Go case, output-to-text) for every benchmark."""
    engines = [e for e in cases.ENGINES if e != "gotpl" or templates.have_gotpl()]
    out: list[Any] = []
    as_text: Callable[[str, Any], str] = lambda engine, result: result  # noqa: E731
    for n in data.SIZES:
        name = f"notification pagerduty {n} alerts"
        if not _selected(only, name):
            continue
        out.append(
            (
                name,
                {e: cases.notification_case(e, n) for e in cases.NOTIFICATION_ENGINES},
                (cases.go_notification_request(n), "ns_per_op"),
                as_text,
            )
        )
    for n in data.SIZES:
        name = f"render pagerduty {n} alerts"
        if not _selected(only, name):
            continue
        out.append(
            (
                name,
                {e: cases.render_case(e, n) for e in [*engines, "floor", "spec"]},
                (cases.go_render_request(n), "ns_per_op"),
                as_text,
            )
        )
    if _selected(only, "parse pagerduty"):
        go_case = cases.go_render_request(data.SIZES[0])
        out.append(
            (
                "parse pagerduty",
                {e: cases.parse_case(e) for e in engines},
                (go_case, "parse_ns_per_op"),
                lambda engine, result: "",  # parsers return templates, not text
            )
        )
    html_engines = [e for e in cases.HTML_ENGINES if e != "gotpl" or templates.have_gotpl()]
    for n in cases.HTML_SIZES:
        name = f"html email {n} alerts"
        if not _selected(only, name):
            continue
        fns = {e: cases.html_case(e, n) for e in html_engines}
        escaped = fns["gotmpl"]()
        # The text render writes other bytes (nothing escaped, the comment kept):
        # it is the baseline the html render is held to, not a peer to compare.
        out.append(
            (
                name,
                fns,
                (cases.go_html_request(n), "ns_per_op"),
                lambda engine, result, escaped=escaped: escaped if engine == "text" else result,
            )
        )
    for m in templates.MICROS:
        name = f"micro {m.name}"
        if not _selected(only, name):
            continue
        go_case = cases.go_micro_request(m)
        out.append(
            (name, {e: cases.micro_case(e, m) for e in engines}, (go_case, "ns_per_op"), as_text)
        )
    return out


def _batch_size(fn: Callable[[], Any], target: float) -> int:
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    return max(1, round(target / max(once, 1e-7)))


# A parse batch lasts this long at least (see measure).
PARSE_BATCH_S = 0.25

CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = CLOCKS["cpu"]


def _time_batch(fn: Callable[[], Any], k: int) -> float:
    start = _clock()
    for _ in range(k):
        fn()
    return (_clock() - start) / k


class GoRunner:
    """Times cases in Go through the oracle, one batch per call."""

    def __init__(self, oracle: Oracle, clock: str) -> None:
        self.oracle = oracle
        self.clock = clock

    def batch(self, go: GoCase, k: int) -> float:
        """Seconds per op over a batch of ``k``."""
        case, key = go
        return self.oracle.timed(case, {key: k}, clock=self.clock)[key] / 1e9

    def batch_size(self, go: GoCase, target: float) -> int:
        """A batch count that takes about ``target`` seconds in Go."""
        k = 1
        while True:
            per_op = self.batch(go, k)
            if per_op * k >= target / 4 or k >= 10**7:
                return max(1, round(target / per_op))
            k *= 8


def measure(
    rounds: int, batch_s: float, go: GoRunner | None, only: str | None, verbose: bool
) -> list[dict[str, Any]]:
    """Interleaved medians for every benchmark; returns one row per benchmark.

    Every round visits every benchmark, and within a benchmark the engines in
    a shuffled order: engines are compared moments apart, and the group sizes
    (3, 30, 300 alerts) under the same conditions, so the growth is comparable.
    """
    rng = random.Random(0)
    plans = []
    for name, fns, go_case, as_text in _benchmarks(only):
        # Same bytes from every engine, or the comparison means nothing.
        ref = as_text("gotmpl", fns["gotmpl"]())
        for engine, fn in fns.items():
            if as_text(engine, fn()) != ref:
                raise SystemExit(f"{name}: {engine}'s output differs from gotmpl's")
        sizes: dict[str, int | None] = {e: _batch_size(fn, batch_s) for e, fn in fns.items()}
        if name.startswith("parse"):
            # What a compile keeps alive while it runs is promoted to the cyclic
            # collector's oldest generation, whose full collections (tens of
            # milliseconds in this process, which holds every engine's data) come
            # every few dozen compiles: batches long enough to hold about one, so
            # that each batch's mean, and so the median, carries their cost.
            sizes = {e: _batch_size(fn, PARSE_BATCH_S) for e, fn in fns.items()}
        sizes["go"] = None
        if go is not None and go_case is not None:
            try:
                sizes["go"] = go.batch_size(go_case, batch_s)
            except OracleError as e:
                print(f"{name}: Go failed: {e}", file=sys.stderr)
        samples: dict[str, list[float]] = {e: [] for e in [*fns, "go"]}
        for other in ("jinja2", "text", "gotpl", "floor", "spec"):
            samples.setdefault(other, [])
        plans.append((name, fns, go_case, sizes, samples))
    for r in range(rounds):
        if verbose:
            print(f"round {r + 1}/{rounds}", file=sys.stderr, flush=True)
        for _name, fns, go_case, sizes, samples in plans:
            order = [*fns, *(["go"] if sizes["go"] else [])]
            rng.shuffle(order)
            for engine in order:
                k = sizes[engine]
                assert k is not None
                if engine == "go":
                    assert go is not None and go_case is not None
                    samples["go"].append(go.batch(go_case, k))
                else:
                    samples[engine].append(_time_batch(fns[engine], k))
    rows = []
    for name, _fns, _go_case, sizes, samples in plans:
        row: dict[str, Any] = {"name": name, "batch": sizes, "samples": samples}
        for engine, values in samples.items():
            if values:
                row[engine] = statistics.median(values)
                q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
                row[f"{engine}_iqr"] = q[2] - q[0]
        # Ratios are medians of per-round ratios: both sides of one ratio ran
        # moments apart, so a slow spell of the machine cancels out.
        for other in ("jinja2", "text", "gotpl", "floor", "spec", "go"):
            if len(samples[other]) == len(samples["gotmpl"]) == rounds:
                pairs = zip(samples["gotmpl"], samples[other], strict=True)
                row[f"ratio_{other}"] = statistics.median(g / o for g, o in pairs)
        rows.append(row)
    return rows


def _fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1e-1:
        return f"{seconds * 1e3:,.0f} ms"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:,.1f} us"


def _ratio(row: dict[str, Any], other: str) -> str:
    r = row.get(f"ratio_{other}")
    return "-" if r is None else f"{r:.2f}"


_HEADER = (
    f"{'benchmark':<28} {'gotmpl':>10} {'Jinja2':>10} {'gotpl':>10} {'Go':>10}"
    f" {'gotmpl/Jinja2':>13} {'gotmpl/gotpl':>12} {'gotmpl/Go':>9}"
)


def _format_row(row: dict[str, Any]) -> str:
    g, j, p, go = (row.get(k) for k in ("gotmpl", "jinja2", "gotpl", "go"))
    return (
        f"{row['name']:<28} {_fmt_time(g):>10} {_fmt_time(j):>10} {_fmt_time(p):>10}"
        f" {_fmt_time(go):>10} {_ratio(row, 'jinja2'):>13} {_ratio(row, 'gotpl'):>12} {_ratio(row, 'go'):>9}"
    )


def _is_html(row: dict[str, Any]) -> bool:
    return str(row["name"]).startswith("html ")


def _is_notification(row: dict[str, Any]) -> bool:
    return str(row["name"]).startswith("notification ")


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a fixed-width table (median time per call)."""
    text_rows = [r for r in rows if not _is_html(r) and not _is_notification(r)]
    return "\n".join([_HEADER, "-" * len(_HEADER), *map(_format_row, text_rows)])


_NOTIFICATION_COLUMNS = (
    ("gotmpl", 10),
    ("Jinja2", 10),
    ("floor", 10),
    ("spec", 10),
    ("Go", 10),
    ("gotmpl/Jinja2", 13),
    ("gotmpl/floor", 12),
    ("gotmpl/spec", 11),
    ("gotmpl/Go", 9),
)


def notification_table(rows: list[dict[str, Any]], markdown: bool = False) -> str:
    """Per notification (JSON text decoded, then rendered: new data every render) and
    steady (the same decoded data again), each beside Jinja2, the two hand-written
    floors (benchmarks.floor) and Go."""
    heads = [head for head, _ in _NOTIFICATION_COLUMNS]
    if markdown:
        lines = ["| benchmark | " + " | ".join(heads) + " |"]
        lines.append("| --- |" + " ---: |" * len(heads))
    else:
        header = f"{'benchmark':<33} " + " ".join(
            f"{head:>{width}}" for head, width in _NOTIFICATION_COLUMNS
        )
        lines = [header, "-" * len(header)]
    chosen = [r for r in rows if _is_notification(r) or str(r["name"]).startswith("render ")]
    for row in chosen:
        name = str(row["name"]).replace("render ", "steady ")
        cells = [_fmt_time(row.get(k)) for k in ("gotmpl", "jinja2", "floor", "spec", "go")]
        cells += [_ratio(row, k) for k in ("jinja2", "floor", "spec", "go")]
        if markdown:
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        else:
            widths = [width for _, width in _NOTIFICATION_COLUMNS]
            lines.append(
                f"{name:<33} " + " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
            )
    return "\n".join(lines)


_HTML_HEADER = (
    f"{'benchmark':<28} {'html':>10} {'text':>10} {'gotpl':>10} {'Go':>10}"
    f" {'html/text':>10} {'html/gotpl':>10} {'html/Go':>8}"
)


def html_table(rows: list[dict[str, Any]]) -> str:
    """The html/template rows: gotmpl's html render beside its text render of the
    same template, gotpl's html mode and Go's html/template."""
    lines = [_HTML_HEADER, "-" * len(_HTML_HEADER)]
    for row in filter(_is_html, rows):
        g, t, p, go = (row.get(k) for k in ("gotmpl", "text", "gotpl", "go"))
        lines.append(
            f"{row['name']:<28} {_fmt_time(g):>10} {_fmt_time(t):>10} {_fmt_time(p):>10}"
            f" {_fmt_time(go):>10} {_ratio(row, 'text'):>10} {_ratio(row, 'gotpl'):>10}"
            f" {_ratio(row, 'go'):>8}"
        )
    return "\n".join(lines)


def spread_table(rows: list[dict[str, Any]]) -> str:
    """Interquartile range of the rounds, as a percentage of the median, per engine."""
    engines = ("gotmpl", "jinja2", "text", "gotpl", "floor", "spec", "go")
    lines = [f"{'IQR / median':<33}" + "".join(f"{e:>10}" for e in engines)]
    for row in rows:
        cells = [
            f"{100 * row[e + '_iqr'] / row[e]:>9.0f}%" if row.get(e) else f"{'-':>10}"
            for e in engines
        ]
        lines.append(f"{row['name']:<33}" + "".join(cells))
    return "\n".join(lines)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """The results as a Markdown table, for the README."""
    lines = [
        "| benchmark | gotmpl | Jinja2 | gotpl | Go | gotmpl/Jinja2 | gotmpl/gotpl | gotmpl/Go |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if _is_html(row) or _is_notification(row):
            continue
        g, j, p, go = (row.get(k) for k in ("gotmpl", "jinja2", "gotpl", "go"))
        cells = [_fmt_time(g), _fmt_time(j), _fmt_time(p), _fmt_time(go)]
        cells += [_ratio(row, "jinja2"), _ratio(row, "gotpl"), _ratio(row, "go")]
        lines.append(f"| {row['name']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def linearity(rows: list[dict[str, Any]]) -> str:
    """Time per alert at each size, the cost of each added alert, and their ratio.

    The ratio is the median over rounds of (cost per added alert from 30 to
    300) / (cost per added alert from 3 to 30): 1.0 is linear growth.
    """
    by_n = {
        n: next((r for r in rows if r["name"] == f"render pagerduty {n} alerts"), None)
        for n in data.SIZES
    }
    if any(r is None for r in by_n.values()):
        return "(linearity needs all three render benchmarks)"
    a, b, c = data.SIZES
    lines = [
        f"{'engine':<8} {'per alert at ' + ' / '.join(map(str, data.SIZES)):<33}"
        f" {'per added alert ' + f'{a}->{b} / {b}->{c}':<32} ratio"
    ]
    for engine in ("gotmpl", "jinja2", "gotpl", "go"):
        runs = [r["samples"][engine] for r in by_n.values()]  # type: ignore[index]
        if not all(runs) or len({len(x) for x in runs}) != 1:
            continue
        t = {n: statistics.median(x) for n, x in zip(data.SIZES, runs, strict=True)}
        per = " / ".join(_fmt_time(t[n] / n) for n in data.SIZES)
        s1 = (t[b] - t[a]) / (b - a)
        s2 = (t[c] - t[b]) / (c - b)
        ratio = statistics.median(
            ((z - y) / (c - b)) / ((y - x) / (b - a)) for x, y, z in zip(*runs, strict=True)
        )
        lines.append(
            f"{engine:<8} {per:<33} {_fmt_time(s1) + ' / ' + _fmt_time(s2):<32} {ratio:.2f}"
        )
    return "\n".join(lines)


_IMPORT_CPU = "import time; t = time.process_time(); import {}; print(time.process_time() - t)"
# The first template of a process: the PagerDuty template compiled from its text
# and rendered once on 3 alerts, CPU time of that alone (imports and data made
# before). Nothing is cached yet: no generated code, no lookups, no formats.
_FIRST_TEMPLATE_CPU = (
    "import time; from benchmarks import data, templates; d = data.{engine}_data(3); "
    "t = time.process_time(); templates.{engine}_pagerduty().{run}(d); "
    "print(time.process_time() - t)"
)


def startup(rounds: int) -> list[dict[str, Any]]:
    """Fresh processes, interleaved: ``import gotmpl`` and ``import jinja2`` (CPU time
    inside the child, the interpreter's own start-up left out), the first template
    of a process in each engine (the cold compile through the first render, CPU
    time of that alone), and ``gotmpl render`` of the seed as README's first command
    runs it (wall and CPU time of the whole process), beside ``python -c pass``.
    Byte-code caches are written first, as an installed package has them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    script = Path(sys.executable).with_name("gotmpl")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "gotmpl"]
    examples = templates.ROOT / "examples"
    render = [*cli, "render", "--profile", "cubeapm", str(examples / "pagerduty.tmpl")]
    render += ["--data", str(examples / "alerts.json")]
    commands = {
        "import gotmpl": [sys.executable, "-c", _IMPORT_CPU.format("gotmpl")],
        "import jinja2": [sys.executable, "-c", _IMPORT_CPU.format("jinja2")],
        "first template gotmpl": [
            sys.executable,
            "-c",
            _FIRST_TEMPLATE_CPU.format(engine="gotmpl", run="execute"),
        ],
        "first template jinja2": [
            sys.executable,
            "-c",
            _FIRST_TEMPLATE_CPU.format(engine="jinja", run="render"),
        ],
        "python -c pass": [sys.executable, "-c", "pass"],
        "gotmpl render (seed)": render,
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for warm_up in (True, *([False] * rounds)):
        for name, argv in commands.items():
            before = os.times()
            start = time.perf_counter()
            done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
            wall = time.perf_counter() - start
            after = os.times()
            cpu = (after.children_user - before.children_user) + (
                after.children_system - before.children_system
            )
            if name.startswith(("import ", "first template ")):
                cpu = float(done.stdout)
            if not warm_up:
                samples[name].append((wall, cpu))
    return [
        {
            "name": name,
            "wall_s": statistics.median(w for w, _ in got),
            "cpu_s": statistics.median(c for _, c in got),
        }
        for name, got in samples.items()
    ]


def startup_table(rows: list[dict[str, Any]], markdown: bool = False) -> str:
    """Start-up medians; an import's wall time is its whole process, its CPU the import."""
    head = ("process", "wall", "CPU")
    lines = [(r["name"], _fmt_time(r["wall_s"]), _fmt_time(r["cpu_s"])) for r in rows]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "| --- | ---: | ---: |"]
        return "\n".join(out + ["| " + " | ".join(line) + " |" for line in lines])
    return "\n".join(f"{a:<24}{b:>12}{c:>12}" for a, b, c in [head, *lines])


def memory(n: int = data.SIZES[-1]) -> list[dict[str, Any]]:
    """tracemalloc peak of one render of ``n`` alerts, per engine, beside the output size."""
    results = []
    for engine in cases.ENGINES:
        if engine == "gotpl" and not templates.have_gotpl():
            continue
        fn = cases.render_case(engine, n)  # data, template and a warm-up call, untraced
        gc.collect()
        tracemalloc.start()
        tracemalloc.reset_peak()
        out = fn()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = sys.getsizeof(out)  # the str object: 2 bytes a character once one is non-Latin-1
        utf8 = len(out.encode("utf-8"))
        results.append(
            {
                "engine": engine,
                "alerts": n,
                "peak_bytes": peak,
                "output_str_bytes": size,
                "output_utf8_bytes": utf8,
                "peak_per_str": peak / size,
                "peak_per_utf8": peak / utf8,
            }
        )
        del out
    return results


def memory_table(results: list[dict[str, Any]]) -> str:
    """The memory results as text."""
    lines = [
        "engine   alerts   output: str object / UTF-8   tracemalloc peak   peak/str  peak/UTF-8"
    ]
    for r in results:
        lines.append(
            f"{r['engine']:<8} {r['alerts']:>6}   {r['output_str_bytes'] / 1024:>9.1f} KiB"
            f" / {r['output_utf8_bytes'] / 1024:>7.1f} KiB   {r['peak_bytes'] / 1024:>12.1f} KiB"
            f"   {r['peak_per_str']:>8.2f}  {r['peak_per_utf8']:>10.2f}"
        )
    return "\n".join(lines)


def profile(n: int, top: int = 30) -> str:
    """cProfile's top functions (by own time) of gotmpl rendering ``n`` alerts."""
    fn = cases.render_case("gotmpl", n)
    calls = max(1, 300 // n)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(calls):
        fn()
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    buf.write(f"gotmpl, PagerDuty, {n} alerts, {calls} renders, by own time\n")
    stats.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def machine() -> str:
    """A one-line description of where this ran."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; {cpu}, {os.cpu_count()} cores;"
        f" Python {platform.python_version()}; load average {' '.join(f'{x:.2f}' for x in load)}"
    )


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for pkg in ("gotmpl", "jinja2", "gotpl"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} (not installed)")
    return ", ".join(parts)


def _gotmpl_commit() -> str:
    """The work tree's commit, with "+changes" when src/ differs from it."""
    root = HERE.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown commit"
    return f"commit {head or '?'}{' +changes in src/' if dirty else ''}"


def _go_version() -> str | None:
    go = find_go()
    if go is None:
        return None
    try:
        return subprocess.run([go, "version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Command line: see ``python -m benchmarks.run --help``."""
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--rounds", type=int, default=21, help="interleaved rounds (default 21)")
    ap.add_argument("--batch-ms", type=float, default=20, help="time per batch (default 20 ms)")
    ap.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: process CPU time (default; steady on a shared machine); wall: elapsed",
    )
    ap.add_argument("--only", help="run only benchmarks whose name matches this regular expression")
    ap.add_argument("--no-go", action="store_true", help="leave Go out")
    ap.add_argument("--profile", type=int, metavar="N", help="also profile gotmpl on N alerts")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown too")
    ap.add_argument("--no-startup", action="store_true", help="leave out the fresh-process timings")
    ap.add_argument(
        "--pytest-benchmark", action="store_true", help="also run benchmarks/ under pytest"
    )
    args = ap.parse_args(argv)
    global _clock
    _clock = CLOCKS[args.clock]

    print(f"machine: {machine()}")
    print(f"versions: {_versions()} ({_gotmpl_commit()}); {_go_version() or 'Go: not available'}")
    print(
        f"method: {args.rounds} interleaved rounds, batches of ~{args.batch_ms:g} ms,"
        f" {args.clock} time, medians"
    )
    print()
    oracle = None
    if not args.no_go and find_go() is not None:
        try:
            oracle = Oracle()
        except OracleError as e:
            print(f"Go oracle unavailable: {e}")
    try:
        rows = measure(
            args.rounds,
            args.batch_ms / 1000,
            GoRunner(oracle, args.clock) if oracle else None,
            args.only,
            verbose=True,
        )
    finally:
        if oracle is not None:
            oracle.close()
    print(table(rows))
    if any(map(_is_notification, rows)):
        print()
        print("Per notification (webhook JSON text -> data -> output, new data every render),")
        print("and steady (the same data rendered again), beside the hand-written floors")
        print("(floor: from json.loads' dicts; spec: from gotmpl's data, see benchmarks/floor.py):")
        print(notification_table(rows))
    if any(map(_is_html, rows)):
        print()
        print("html/template (the HTML mail, tests/data/acme/acme_mail_full.tmpl):")
        print(html_table(rows))
    print()
    print(spread_table(rows))
    if args.markdown:
        print()
        print(markdown_table(rows))
        if any(map(_is_notification, rows)):
            print()
            print(notification_table(rows, markdown=True))
    print()
    print("Linear growth (PagerDuty render):")
    print(linearity(rows))
    print()
    mem = memory()
    print("Memory, one render of 300 alerts:")
    print(memory_table(mem))
    starts: list[dict[str, Any]] = []
    if not args.no_startup and not args.only:
        starts = startup(min(args.rounds, 11))
        print()
        print("Start-up, fresh processes (medians; import and first template rows: CPU of")
        print("the import alone, of the first compile and render alone):")
        print(startup_table(starts))
        if args.markdown:
            print()
            print(startup_table(starts, markdown=True))
    if args.profile:
        print()
        print(profile(args.profile))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": machine(), "rows": rows, "memory": mem, "startup": starts}, indent=2
            )
            + "\n",
            encoding="utf-8",
        )
    if args.pytest_benchmark:
        print()
        return subprocess.call(
            [
                sys.executable,
                "-m",
                "pytest",
                str(HERE),
                "--benchmark-only",
                "--benchmark-timer=time.process_time",
                "--benchmark-min-rounds=5",
                "--benchmark-columns=median,iqr,rounds",
            ],
            cwd=HERE.parent,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
