"""Throughput of ``framing.analyze``: articles/s, MB/s and peak memory, per engine and corpus size.

On the same articles of ``article_bias_prediction`` (AllSides, 37,554 full news articles), in one
run:

* **engines** (first ``--n`` articles, loaded once, loading not timed):
  (a) ``TextBlob(text).sentiment`` per article, the baseline a user would write;
  (b) ``framing.analyze`` serial, every analysis; (c) ``engine="processes"`` with ``--jobs``
  workers; (d) ``engine="dask"`` on a ``distributed.LocalCluster`` with ``--jobs`` worker
  processes (cluster start-up reported, not timed);
* **sizes**: the streaming path the CLI uses (``load_corpus(..., chunksize=)`` ->
  ``analyze_stream`` -> CSV files, ``--jobs`` processes), end to end including reading the
  gzipped JSONL: one pass over the largest size, recording elapsed time and peak memory as it
  reaches 1k, 5k, 20k articles, then the whole run (all 37,554) including the outlet-level
  tables at the end, to show that time grows linearly and memory stays flat;
* **profile** (``--profile N``): pyinstrument over serial ``analyze`` on N articles, time per
  package module (library calls counted in the framing module that made them) and the top
  functions by own time.

Every configuration runs in a fresh Python process, so its peak RSS (sum over the process and
all its children, sampled every 0.1 s) is its own. Results are printed as Markdown tables and
saved as JSON next to the command line, machine, load average and versions, so a run can be
repeated and compared. On a shared machine the load average before and after each run says how
noisy its timing is; ``--repeat N`` runs every engine configuration N times, taking turns, and
keeps each one's fastest run.

Usage::

    python benchmarks/throughput.py                      # everything (about 15-25 min on 2 cores)
    python benchmarks/throughput.py --n 1000 --sizes 1000,5000 --profile 200
    python benchmarks/throughput.py --n 1000 --sizes '' --repeat 3    # engines, best of 3 each
    python benchmarks/throughput.py --data /path/to/article_bias_prediction --jobs 4
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "article_bias_prediction"
CORPUS = "articles.jsonl.gz"
COLUMNS = {"text_col": "content_original", "id_col": "ID", "outlet_col": "source"}
ENGINES = ("baseline", "serial", "processes", "dask")
LABELS = {
    "baseline": "(a) TextBlob(text).sentiment",
    "serial": "(b) analyze, serial",
    "processes": "(c) analyze, processes",
    "dask": "(d) analyze, Dask LocalCluster",
}


# --- measuring one configuration (in its own process) -----------------------------------------


class PeakRSS:
    """Sample the memory of this process plus all its children; keep the peak.

    Memory is the proportional set size (PSS, Linux) where available: pages shared by forked
    workers count once in total, as they take memory once. Elsewhere it falls back to RSS,
    which overstates a process pool.
    """

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                # PSS shares pages between forked workers fairly (RSS would count them twice).
                info = p.memory_full_info()
                total += getattr(info, "pss", info.rss)
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.peak = max(self.peak, self._sample())
        self._stop.set()
        self._thread.join()


def _chunks(data: Path, n: int | None, chunksize: int) -> Iterator[Any]:
    """The first ``n`` articles (all if None), as tables of at most ``chunksize`` rows."""
    from framing.corpus import load_corpus

    left = n
    for table in load_corpus(data / CORPUS, chunksize=chunksize, **COLUMNS):
        if left is not None:
            if left <= 0:
                return
            table = table.iloc[:left]
            left -= len(table)
        yield table


def _load(data: Path, n: int | None) -> Any:
    import pandas as pd

    return pd.concat(list(_chunks(data, n, min(n or 5000, 5000))), ignore_index=True)


def run_config(
    config: str, data: Path, n: int | None, jobs: int, checkpoints: tuple[int, ...] = ()
) -> dict[str, Any]:
    """Run one configuration and return its measurements.

    For the streaming run, ``checkpoints`` are article counts at which the elapsed time and
    the peak memory so far are recorded (time against corpus size from one pass).
    """
    import warnings

    warnings.simplefilter("ignore")
    out: dict[str, Any] = {"config": config, "jobs": jobs, "load_before": os.getloadavg()[0]}
    cpu_before = _cpu_all()
    if config.startswith("stream"):
        from framing.pipeline import analyze_stream

        marks: list[dict[str, Any]] = []
        todo = sorted(checkpoints)

        logged = [0]

        def checkpoint(articles: int, chars: int) -> None:
            if articles >= logged[0] + 1000:  # a running log, for long runs
                logged[0] = articles
                print(
                    f"    {articles:,} articles, {time.perf_counter() - start:.0f} s, "
                    f"peak {rss.peak / 2**20:,.0f} MB, load {os.getloadavg()[0]:.1f}",
                    file=sys.stderr,
                    flush=True,
                )
            while todo and articles >= todo[0]:
                todo.pop(0)
                marks.append(
                    {
                        "articles": articles,
                        "mb": chars / 1e6,
                        "seconds": time.perf_counter() - start,
                        "peak_rss_mb": rss.peak / 2**20,
                        "load": os.getloadavg()[0],
                    }
                )

        with tempfile.TemporaryDirectory() as tmp, PeakRSS() as rss:
            start = time.perf_counter()
            cpu = time.process_time()
            result = analyze_stream(
                _chunks(data, n, 2000),
                tmp,
                engine="processes",
                jobs=jobs,
                progress=checkpoint,
                on_error="skip",
            )
            out["seconds"] = time.perf_counter() - start
            out["main_cpu_seconds"] = time.process_time() - cpu
            out["articles"] = result.n_articles
            out["mb"] = result.n_chars / 1e6  # characters; UTF-8 bytes are within 1% here
            out["outlets"] = len(result.comparison)
            out["timings"] = result.timings
            out["checkpoints"] = marks
            out["errors"] = _errors(result.files["errors"])
        out["peak_rss_mb"] = rss.peak / 2**20
        out["load_after"] = os.getloadavg()[0]
        out["total_cpu_seconds"] = _cpu_all() - cpu_before
        return out

    start = time.perf_counter()
    articles = _load(data, n)
    out["load_seconds"] = time.perf_counter() - start
    out["load_cpu_seconds"] = _cpu_all() - cpu_before
    texts = articles["text"].tolist()
    out["articles"] = len(texts)
    out["mb"] = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    client = cluster = None
    try:
        if config == "dask":
            from distributed import Client, LocalCluster

            start = time.perf_counter()
            cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=40,
            )
            client = Client(cluster)
            # A cluster's workers are long-lived: import the package on them once, as start-up,
            # so (d) measures the analysis, like the forked workers of (c), which inherit it.
            client.run(_warm_worker)
            out["startup_seconds"] = time.perf_counter() - start
        with PeakRSS() as rss:
            start = time.perf_counter()
            cpu = time.process_time()
            if config == "baseline":
                from textblob import TextBlob

                for text in texts:
                    TextBlob(text).sentiment  # noqa: B018
            else:
                from framing.pipeline import analyze

                engine = {"serial": "serial", "processes": "processes", "dask": "dask"}[config]
                result = analyze(
                    articles,
                    engine=engine,
                    jobs=jobs,
                    client=client,
                    progress=False,
                    on_error="skip",
                )
                assert result.errors is not None
                out["errors"] = result.errors.to_dict("records")
                out["rows"] = {name: len(t) for name, t in result.tables.items()}
            out["seconds"] = time.perf_counter() - start
            out["main_cpu_seconds"] = time.process_time() - cpu
        out["peak_rss_mb"] = rss.peak / 2**20
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    out["load_after"] = os.getloadavg()[0]
    out["total_cpu_seconds"] = _cpu_all() - cpu_before - out.get("load_cpu_seconds", 0.0)
    return out


def _warm_worker() -> None:
    """Import what a worker runs (on a Dask worker, before timing)."""
    import framing.pipeline  # noqa: F401


def _errors(path: Path) -> list[dict[str, Any]]:
    """The rows of an ``errors.csv`` written by ``analyze_stream``."""
    import pandas as pd

    return pd.read_csv(path, dtype=str).to_dict("records")


def _cpu_all() -> float:
    """CPU seconds of this process plus its finished (reaped) children: workers included."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def profile(data: Path, n: int, top: int = 15) -> dict[str, Any]:
    """pyinstrument over serial ``analyze``: seconds per framing module and top functions."""
    from pyinstrument import Profiler

    from framing.pipeline import analyze

    articles = _load(data, n)
    profiler = Profiler(interval=0.001)
    profiler.start()
    analyze(articles, progress=False)
    session = profiler.stop()
    root = session.root_frame()
    package = str(REPO / "framing") + os.sep
    by_module: dict[str, float] = {}
    by_function: dict[str, float] = {}

    def where(frame: Any) -> str:
        path = frame.file_path or ""
        short = path[len(str(REPO)) + 1 :] if path.startswith(package) else Path(path).name
        return f"{frame.function} ({short}:{frame.line_no})"

    def walk(frame: Any, owner: str, parent: Any) -> None:
        path = frame.file_path or ""
        if path.startswith(package):
            owner = path[len(str(REPO)) + 1 :]
        own = frame.time - sum(child.time for child in frame.children)
        by_module[owner] = by_module.get(owner, 0.0) + own
        if own > 0:
            # pyinstrument puts a frame's own time in a synthetic "[self]" child.
            key = where(parent if frame.is_synthetic and parent is not None else frame)
            by_function[key] = by_function.get(key, 0.0) + own
        for child in frame.children:
            walk(child, owner, frame)

    if root is not None:
        walk(root, "(outside framing)", None)
    total = sum(by_module.values()) or 1.0
    return {
        "articles": len(articles),
        "seconds": total,
        "modules": sorted(by_module.items(), key=lambda kv: -kv[1]),
        "functions": sorted(by_function.items(), key=lambda kv: -kv[1])[:top],
    }


# --- driving the runs and printing the tables -----------------------------------------------


def _child(
    args: argparse.Namespace, config: str, n: int | None, checkpoints: str = ""
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--data",
        str(args.data),
        "--jobs",
        str(args.jobs),
        "--run",
        config,
        "--n",
        "all" if n is None else str(n),
        "--checkpoints",
        checkpoints,
    ]
    print(f"  running {config} on {'all' if n is None else n} articles ...", file=sys.stderr)
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:  # its traceback went to stderr
        return {"config": config, "error": f"exit code {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _rate(r: dict[str, Any]) -> tuple[str, str]:
    if "seconds" not in r:
        return "failed", "failed"
    return f"{r['articles'] / r['seconds']:.1f}", f"{r['mb'] / r['seconds']:.2f}"


def _engine_table(results: dict[str, dict[str, Any]], jobs: int) -> str:
    lines = [
        "| configuration | articles | seconds | articles/s | MB/s | peak memory (MB) | vs (a) "
        "| CPU s, all processes | CPU vs (a) | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = results.get("baseline", {}).get("seconds")
    base_cpu = results.get("baseline", {}).get("total_cpu_seconds")
    for config in ENGINES:
        r = results.get(config)
        if r is None:
            continue
        label = LABELS[config] + (f", jobs={jobs}" if config in ("processes", "dask") else "")
        if "seconds" not in r:
            lines.append(f"| {label} | failed: {r.get('error')} |||||||||")
            continue
        per_s, mb_s = _rate(r)
        ratio = f"{r['seconds'] / base:.2f}x" if base else ""
        load = f"{r['load_before']:.1f} / {r['load_after']:.1f}"
        cpu = r.get("total_cpu_seconds")
        cpu_ratio = f"{cpu / base_cpu:.2f}x" if cpu and base_cpu else ""
        lines.append(
            f"| {label} | {r['articles']:,} | {r['seconds']:.1f} | {per_s} | {mb_s} "
            f"| {r['peak_rss_mb']:,.0f} | {ratio} | {cpu or 0:.1f} | {cpu_ratio} | {load} |"
        )
    return "\n".join(lines)


def _size_table(run: dict[str, Any]) -> str:
    lines = [
        "| articles | seconds (cumulative) | articles/s | MB/s | s per 1k articles "
        "| peak memory so far (MB) | load avg |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in run.get("checkpoints", []):
        per_k = 1000 * r["seconds"] / r["articles"]
        lines.append(
            f"| {r['articles']:,} | {r['seconds']:.1f} | {r['articles'] / r['seconds']:.1f} "
            f"| {r['mb'] / r['seconds']:.2f} | {per_k:.1f} | {r['peak_rss_mb']:,.0f} "
            f"| {r['load']:.1f} |"
        )
    if "seconds" in run:
        ends = ", ".join(
            f"{k} {v:.1f} s" for k, v in run.get("timings", {}).items() if k != "analysis"
        )
        per_k = 1000 * run["seconds"] / run["articles"]
        lines.append(
            f"| **{run['articles']:,}, end to end** | **{run['seconds']:.1f}** "
            f"| {run['articles'] / run['seconds']:.1f} | {run['mb'] / run['seconds']:.2f} "
            f"| {per_k:.1f} | **{run['peak_rss_mb']:,.0f}** | {run['load_after']:.1f} |"
        )
        lines.append(
            f"\nEnd to end = reading and cleaning the gzipped JSONL, all analyses, writing "
            f"every table as CSV, then the outlet-level tables ({ends}); "
            f"{run.get('outlets', '?')} outlets."
        )
    else:
        lines.append(f"\nfailed: {run.get('error')}")
    return "\n".join(lines)


def _targets(engines: dict[str, dict[str, Any]], full: dict[str, Any] | None) -> list[str]:
    def secs(name: str) -> float | None:
        return engines.get(name, {}).get("seconds")

    out = []
    a, b, c, d = (secs(k) for k in ENGINES)
    if a and b:
        out.append(f"serial / baseline = {b / a:.2f}x (target <= 2.0x): {_ok(b / a <= 2.0)}")
        a_cpu = engines["baseline"].get("total_cpu_seconds")
        b_cpu = engines["serial"].get("total_cpu_seconds")
        if a_cpu and b_cpu:
            out.append(
                f"the same in CPU seconds (robust to a busy machine) = {b_cpu / a_cpu:.2f}x: "
                f"{_ok(b_cpu / a_cpu <= 2.0)}"
            )
    if b and c:
        out.append(
            f"processes speed-up over serial = {b / c:.2f}x (target >= 1.7x): {_ok(b / c >= 1.7)}"
        )
    if c and d:
        out.append(f"Dask / processes = {d / c:.2f}x (target <= 1.2x): {_ok(d / c <= 1.2)}")
    if full and full.get("n") == "all" and "seconds" in full:
        r = full
        out.append(
            f"all {r['articles']:,} articles end to end = {r['seconds']:.0f} s (target < 300 s): "
            f"{_ok(r['seconds'] < 300)}; peak RSS {r['peak_rss_mb']:,.0f} MB (target < 2048 MB): "
            f"{_ok(r['peak_rss_mb'] < 2048)}"
        )
    return out


def _ok(flag: bool) -> str:
    return "holds" if flag else "MISSED"


def _machine() -> dict[str, Any]:
    import pandas
    import textblob

    import framing

    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "framing"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "framing": framing.__version__,
        "commit": commit + (" (+ uncommitted changes)" if dirty else ""),
        "pandas": pandas.__version__,
        "textblob": textblob.__version__ if hasattr(textblob, "__version__") else "?",
        "load_average": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="article_bias_prediction folder"
    )
    parser.add_argument("--n", default="2000", help="articles for the engine comparison (or 'all')")
    parser.add_argument(
        "--jobs", type=int, default=2, help="worker processes for (c), (d) and sizes"
    )
    parser.add_argument(
        "--sizes",
        default="1000,5000,20000,all",
        help="corpus sizes for the streaming runs ('' skips)",
    )
    parser.add_argument("--engines", default=",".join(ENGINES), help="engine runs ('' skips)")
    parser.add_argument("--profile", type=int, default=300, help="articles to profile (0 skips)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="rounds of every engine configuration, taking turns; the table keeps each "
        "configuration's fastest run",
    )
    parser.add_argument("--json", type=Path, default=REPO / "build" / "bench" / "throughput.json")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--checkpoints", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    n = None if args.n == "all" else int(args.n)

    if args.run:  # one configuration, in this fresh process
        marks = tuple(int(c) for c in args.checkpoints.split(",") if c)
        print(json.dumps(run_config(args.run, args.data, n, args.jobs, marks)))
        return 0

    if not (args.data / CORPUS).is_file():
        print(f"skipped: {args.data / CORPUS} not found (pass --data DIR)")
        return 0
    machine = _machine()
    print("# framing throughput\n")
    for key, value in machine.items():
        print(f"- {key}: {value}")
    print(
        "\nTimings on a machine shared with other work are noisy: compare the load average "
        "column (1-minute load before / after each run) with the number of cores.\n"
    )

    engines: dict[str, dict[str, Any]] = {}
    configs = [c for c in args.engines.split(",") if c]
    # Every configuration runs once per round, taking turns, so a busy spell on the machine
    # hits them alike; each keeps its fastest run (the convention of timeit).
    for _ in range(max(1, args.repeat)):
        for config in configs:
            run = _child(args, config, n)
            best = engines.get(config)
            if best is None or run.get("seconds", math.inf) < best.get("seconds", math.inf):
                engines[config] = run
    if engines:
        print(f"## Engines, same {engines[next(iter(engines))].get('articles', n)} articles\n")
        if args.repeat > 1:
            print(
                f"Each configuration ran {args.repeat} times, taking turns; each row is its "
                "fastest run.\n"
            )
        print(_engine_table(engines, args.jobs))
        dask = engines.get("dask", {})
        if "startup_seconds" in dask:
            print(
                f"\nDask LocalCluster start-up, workers importing the package included (not timed "
                f"above): {dask['startup_seconds']:.1f} s"
            )
        print()

    sizes = [s for s in args.sizes.split(",") if s]
    full = None
    if sizes:
        last = "all" if "all" in sizes else max(sizes, key=int)
        marks = ",".join(s for s in sizes if s != "all")
        full = _child(args, "stream", None if last == "all" else int(last), marks)
        full["n"] = last
        print(f"## Corpus size, streaming path of the CLI (processes, jobs={args.jobs})\n")
        print(
            "One streaming pass; elapsed time and peak memory recorded as the pass reaches "
            "each size.\n"
        )
        print(_size_table(full))
        print()

    prof = None
    if args.profile:
        print(f"  profiling serial analyze on {args.profile} articles ...", file=sys.stderr)
        prof = profile(args.data, args.profile)
        print(f"## Profile: serial analyze, {prof['articles']} articles, {prof['seconds']:.1f} s\n")
        print("| module (incl. library calls it makes) | seconds | share |\n|---|---:|---:|")
        for module, secs in prof["modules"]:
            if secs / prof["seconds"] >= 0.005:
                print(f"| {module} | {secs:.2f} | {100 * secs / prof['seconds']:.1f}% |")
        print("\n| function (own time) | seconds |\n|---|---:|")
        for function, secs in prof["functions"]:
            print(f"| {function} | {secs:.2f} |")
        print()

    runs = [*engines.values(), full or {}]
    failures = {e["article_id"]: e for r in runs for e in r.get("errors", [])}
    if failures:
        print(f"## Articles an analysis failed on ({len(failures)}; skipped)\n")
        for e in list(failures.values())[:20]:
            print(f"- {e['article_id']} ({e['outlet']}): {e['analysis']}: {e['error']}")
        print()
    targets = _targets(engines, full)
    if targets:
        print("## Targets\n")
        for line in targets:
            print(f"- {line}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine, "engines": engines, "sizes": full, "profile": prof}
    args.json.write_text(json.dumps(report, indent=2, default=str))
    print(f"\n(raw results: {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
