"""Speed and memory benchmark for wbl (issue 15). Prints figures measured in one run; asserts nothing.

    python bench/bench.py                 # everything, within about 10 minutes on 2 idle cores
    python bench/bench.py --full          # larger corpora and more repeats (much longer)
    python bench/bench.py --only cold,throughput

Every figure is a ratio of two measurements taken in the same run on the same machine (in turn,
where noise could favour one side), so machine speed cancels out; the absolute times are printed
beside them. The real PR/FAQs are ../shared/corpus/dev and dev2 (beside the development
checkout; `--real DIR` adds folders), the generated ones come from bench/corpus.py.

Steps: cold (one-file `wbl check --no-cache` against bare spaCy import + full load + parse of
the same prose), throughput (wbl against bare spaCy's full pipeline on the same prose, with and
without the parse cascade, whose findings must be identical; proselint on the same files),
cascade (identical findings on a generated corpus), lsp (edit-to-diagnostics latency), jobs
(`--jobs 2` against `--jobs 1`), dask (two local Dask workers against `--jobs 1`), memory (peak
resident memory at 100 and 1,000 documents) and cache (a re-run over 100 unchanged documents).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import document, write_corpus

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
WORK = Path(os.environ.get("WBL_BENCH_DIR", tempfile.gettempdir())) / "wbl-bench"
WBL = [sys.executable, "-m", "wbl.cli"]
STEPS = ("cold", "throughput", "cascade", "lsp", "jobs", "dask", "memory", "cache")

# Children run as on a user's machine: with bytecode caching (some sandboxes turn it off, which
# makes every start compile wbl, click and the rule pack again).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def interleaved_medians(first: Callable[[], float], second: Callable[[], float], repeat: int) -> tuple[float, float]:
    """Median times of two measurements taken in turn, so that drift in machine speed hits both alike."""
    firsts, seconds = [], []
    for _ in range(repeat):
        firsts.append(first())
        seconds.append(second())
    return statistics.median(firsts), statistics.median(seconds)


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def run_quiet(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV if env is None else env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"command failed ({code}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def corpus(count: int, words: int = 800) -> Path:
    folder = WORK / f"corpus-{count}-{words}"
    write_corpus(folder, count, words)
    return folder


def unit_texts(paths: Sequence[Path]) -> list[str]:
    """The prose wbl analyses in these files: the text of every unit."""
    from wbl.engine import build

    return [u.text for path in paths for u in build(str(path), path.read_text(encoding="utf-8")).units]


def word_count(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def real_prfaqs(extra: Sequence[str]) -> list[Path]:
    folders = [SHARED / "dev", SHARED / "dev2", *map(Path, extra)]
    return [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.md")) if p.name != "INDEX.md"]


def ratio_line(label: str, value: float, target: str) -> str:
    return f"   {label:<44} {value:6.2f}   ({target})"


# --- 1. cold start ------------------------------------------------------------------------------


def bench_cold(paths: Sequence[Path], repeat: int) -> None:
    """One-file `wbl check --no-cache` against bare spaCy importing, loading its full pipeline and
    parsing the same prose, each in a fresh process."""
    from wbl.nlp import resolve_model

    model = resolve_model()
    print(f"1. cold one-file run (medians of {repeat}, interleaved, fresh processes):")
    for path in paths:
        texts = WORK / f"{path.stem}.units.json"
        texts.write_text(json.dumps(unit_texts([path])), encoding="utf-8")
        bare_code = (
            f"import json, spacy; nlp = spacy.load({model!r}); "
            f"list(nlp.pipe(json.load(open({str(texts)!r}, encoding='utf-8'))))"
        )
        bare, cold = interleaved_medians(
            lambda code=bare_code: run_quiet([sys.executable, "-c", code])[0],  # type: ignore[misc]
            lambda path=path: run_quiet([*WBL, "check", "--no-cache", str(path)])[0],  # type: ignore[misc]
            repeat,
        )
        words = word_count(json.loads(texts.read_text(encoding="utf-8")))
        print(f"   {path.name} ({words:,} words of prose)")
        print(f"      bare spaCy import + full load + parse  {bare:6.2f} s")
        print(f"      wbl check --no-cache                   {cold:6.2f} s")
        print(ratio_line("   ratio wbl/bare", cold / bare, "target <= 1.15"))


def bench_phases(path: Path) -> None:
    """Where a cold one-file run's time goes (one fresh process, `bench/phases.py`)."""
    result = subprocess.run(
        [sys.executable, str(HERE / "phases.py"), str(path)], capture_output=True, text=True, env=CHILD_ENV
    )
    print(f"   phases of one cold run on {path.name}:")
    for line in result.stdout.splitlines():
        print(f"      {line}")


# --- 2. throughput and the cascade ---------------------------------------------------------------


def _lint_reports(items: Sequence[tuple[str, bytes]], cascade: bool) -> tuple[list[dict], Callable[[], object]]:
    import wbl
    from wbl.files import FileLinter

    linter = FileLinter(wbl.Linter(cascade=cascade))
    list(linter.lint_many(items[:2]))  # warm up: the pipeline, prepared rules, tables
    found: list[dict] = []

    def run() -> None:
        found[:] = [r.to_dict() for r in linter.lint_many(items)]

    return found, run


def same_findings(first: Sequence[dict], second: Sequence[dict]) -> tuple[int, list[str]]:
    """How many reports are identical, and the paths of those that are not."""
    differ = [a["path"] for a, b in zip(first, second, strict=True) if a != b]
    return len(first) - len(differ), differ


def bench_throughput(paths: Sequence[Path], repeat: int, label: str) -> None:
    """wbl (cascade on and off) against bare spaCy's full pipeline on the same prose, in this process."""
    import spacy

    from wbl.nlp import numpy_ops, resolve_model

    items = [(str(p), p.read_bytes()) for p in paths]
    texts = unit_texts(paths)
    words = word_count(texts)
    nlp = spacy.load(resolve_model())  # every component the package enables: the full pipeline
    list(nlp.pipe(texts[:50]))
    # For scale: the same pipeline run as wbl runs its own (numpy's BLAS, `wbl.nlp.numpy_ops`).
    with numpy_ops():
        nlp_numpy = spacy.load(resolve_model())
        list(nlp_numpy.pipe(texts[:50]))

    def bare_numpy() -> None:
        with numpy_ops():
            list(nlp_numpy.pipe(texts))

    cascaded, run_cascaded = _lint_reports(items, cascade=True)
    full, run_full = _lint_reports(items, cascade=False)
    bare_times, numpy_times, cascade_times, full_times = [], [], [], []
    for _ in range(repeat):
        bare_times.append(timed(lambda: list(nlp.pipe(texts))))
        numpy_times.append(timed(bare_numpy))
        cascade_times.append(timed(run_cascaded))
        full_times.append(timed(run_full))
    bare, bare_fast, ours, ours_full = map(statistics.median, (bare_times, numpy_times, cascade_times, full_times))
    same, differ = same_findings(cascaded, full)
    print(f"2. throughput on {label}: {len(paths)} files, {words:,} words of prose (medians of {repeat}):")
    print(f"   bare spaCy, full pipeline ({', '.join(nlp.pipe_names)})  {words / bare:8,.0f} words/s")
    print(f"   wbl, every unit parsed (--no-cascade)                    {words / ours_full:8,.0f} words/s")
    print(f"   wbl with the parse cascade                              {words / ours:8,.0f} words/s")
    print(f"   bare spaCy, full pipeline on numpy's BLAS (as wbl runs it) {words / bare_fast:8,.0f} words/s")
    print(ratio_line("wbl (cascade) / bare full pipeline", bare / ours, "target >= 2.5"))
    print(ratio_line("wbl (cascade) / bare full pipeline on numpy's BLAS", bare_fast / ours, "for scale"))
    print(ratio_line("wbl (cascade) / wbl (every unit parsed)", ours_full / ours, "the cascade's gain"))
    print(f"   findings with and without the cascade: {same} of {len(cascaded)} files identical" + _listed(differ))
    bench_proselint(paths, words, ours)


def _listed(paths: Sequence[str]) -> str:
    return f"; DIFFERENT: {', '.join(paths)}" if paths else ""


def _proselint() -> list[str] | None:
    """A proselint command: installed beside this Python, else in a venv of the work folder."""
    beside = Path(sys.executable).parent / "proselint"
    if beside.exists():
        return [str(beside)]
    venv = WORK / "venv-proselint"
    executable = venv / "bin" / "proselint"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "proselint==0.16.0"])
        if installed.returncode != 0:
            return None
    return [str(executable)]


def bench_proselint(paths: Sequence[Path], words: int, ours: float) -> None:
    """proselint (regular expressions only) over the same files, as a whole command."""
    command = _proselint()
    if command is None:
        print("   proselint: could not be installed from the package index; skipped")
        return
    if subprocess.run([*command, "check", "--help"], capture_output=True).returncode == 0:
        command = [*command, "check"]
    elapsed = run_quiet([*command, *map(str, paths)])[0]
    print(f"   proselint (whole command, one process)                  {words / elapsed:8,.0f} words/s")
    print(ratio_line("wbl (cascade, in process) / proselint", elapsed / ours, "for scale"))


def bench_cascade(count: int) -> None:
    """Findings with and without the cascade on a generated corpus."""
    items = [(f"doc-{i:05d}.md", document(i).encode()) for i in range(count)]
    cascaded, run_cascaded = _lint_reports(items, cascade=True)
    full, run_full = _lint_reports(items, cascade=False)
    with_cascade, without = timed(run_cascaded), timed(run_full)
    same, differ = same_findings(cascaded, full)
    print(f"3. the cascade on {count} generated documents: {same} of {count} reports identical{_listed(differ)}")
    print(f"   time with the cascade {with_cascade:.1f} s, every unit parsed {without:.1f} s")


# --- 4. the editor --------------------------------------------------------------------------------


def bench_lsp(edits: int) -> None:
    from lsp_latency import run

    timed_edits = asyncio.run(run(1500, edits, None))
    latencies = sorted(pair[0] * 1000 for pair in timed_edits)
    p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
    print(f"4. language server, one-paragraph edits of a 1,500-word PR/FAQ ({len(latencies)} edits):")
    print(
        f"   didChange -> publishDiagnostics median {statistics.median(latencies):.0f} ms, p90 {p90:.0f} ms"
        "   (target: median < 50 ms)"
    )


# --- 5. processes and clusters -------------------------------------------------------------------


def words_in(folder: Path) -> int:
    return word_count(unit_texts(sorted(folder.glob("*.md"))))


def bench_jobs(count: int) -> None:
    folder = corpus(count)
    words = words_in(folder)
    one, two = interleaved_medians(
        lambda: run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(folder)])[0],
        lambda: run_quiet([*WBL, "check", "--no-cache", "--jobs", "2", str(folder)])[0],
        1,
    )
    print(f"5. {count} generated documents ({words:,} words), whole CLI runs:")
    print(f"   --jobs 1  {one:7.1f} s  {words / one:8,.0f} words/s")
    print(f"   --jobs 2  {two:7.1f} s  {words / two:8,.0f} words/s")
    print(ratio_line("speed-up --jobs 2 / --jobs 1", one / two, "target >= 1.7"))


def bench_dask(count: int) -> None:
    """Two local Dask worker processes against `--jobs 1`, whole CLI runs (the cluster is started first)."""
    try:
        from distributed import LocalCluster
    except ImportError:
        print("6. Dask: not installed (pip install 'wbl[dask]'); skipped")
        return
    folder = corpus(count)
    words = words_in(folder)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        base = [*WBL, "check", "--no-cache", "--format", "json"]
        # Three timed runs whose outputs are compared too (the step used to run five): the first
        # Dask run loads the pipeline in each worker, the second finds the workers warm.
        outputs, seconds = {}, {}
        runs = (("first", ["--dask", address]), ("jobs1", ["--jobs", "1"]), ("dask", ["--dask", address]))
        for name, extra in runs:
            with open(WORK / f"out-{name}.json", "wb") as out:
                start = time.perf_counter()
                subprocess.run([*base, *extra, str(folder)], stdout=out, env=CHILD_ENV)
                seconds[name] = time.perf_counter() - start
            outputs[name] = (WORK / f"out-{name}.json").read_bytes()
        first, one, warm = seconds["first"], seconds["jobs1"], seconds["dask"]
    identical = outputs["first"] == outputs["dask"] == outputs["jobs1"]
    print(f"6. Dask, 2 local worker processes, {count} generated documents ({words:,} words), whole CLI runs:")
    print(f"   --jobs 1 {one:7.1f} s; --dask {warm:7.1f} s (workers already warm; {first:.1f} s in the first run)")
    print(ratio_line("speed-up --dask (2 workers) / --jobs 1", one / warm, "two workers on this machine"))
    print(f"   output byte-identical to --jobs 1: {'yes' if identical else 'NO'}")


# --- 6. memory and the cache ----------------------------------------------------------------------


def bench_memory(small: int, large: int, words: int) -> None:
    low = run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(corpus(small, words))])[1]
    high = run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(corpus(large, words))])[1]
    print(
        f"7. peak memory ({words}-word documents, --jobs 1): {small} documents {low / 1024:.0f} MiB, "
        f"{large} documents {high / 1024:.0f} MiB"
    )
    print(ratio_line(f"memory {large} / {small} documents", high / low, "target <= 1.1"))


def bench_cache(count: int, repeat: int) -> None:
    folder = corpus(count)
    cache = WORK / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    first = run_quiet([*WBL, "check", "--cache-dir", str(cache), str(folder)])[0]
    cached = statistics.median(
        run_quiet([*WBL, "check", "--cache-dir", str(cache), str(folder)])[0] for _ in range(repeat)
    )
    probe = (
        "import atexit, sys\n"
        "out = sys.argv[1]\n"  # read now: sys.argv is replaced below, before the exit handler runs
        "atexit.register(lambda: open(out, 'w').write(' '.join(m for m in ('spacy', 'mistune', 'wbl_rules')"
        " if any(k == m or k.startswith(m + '.') for k in sys.modules))))\n"
        "sys.argv = ['wbl', 'check', '--cache-dir', sys.argv[2], sys.argv[3]]\n"
        "from wbl.cli import main\nmain()\n"
    )
    imported_file = WORK / "imported.txt"
    subprocess.run(
        [sys.executable, "-c", probe, str(imported_file), str(cache), str(folder)],
        env=CHILD_ENV,
        stdout=subprocess.DEVNULL,
    )
    imported = imported_file.read_text(encoding="utf-8").split()
    print(
        f"8. {count} unchanged documents: first run {first:.2f} s, cached run {cached:.3f} s (target < 0.3 s);"
        f" imported by the cached run: {', '.join(imported) or 'none of spaCy, mistune, the rule pack'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="larger corpora and more repeats")
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated steps of {', '.join(STEPS)}")
    parser.add_argument("--real", action="append", default=[], help="another folder of real PR/FAQs")
    args = parser.parse_args()
    only = set(args.only.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    full = args.full
    started = time.perf_counter()
    print(f"wbl benchmark on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; work folder {WORK}")
    real = real_prfaqs(args.real)
    if "cold" in only:
        generated = WORK / "cold-1500.md"
        generated.write_text(document(7, 1500), encoding="utf-8")
        one_real = min(real, key=lambda p: abs(len(p.read_text(encoding="utf-8").split()) - 950), default=None)
        bench_cold([p for p in (one_real, generated) if p is not None], 9 if full else 5)
        bench_phases(one_real or generated)
    if "throughput" in only:
        if real:
            bench_throughput(real, 3 if full else 1, "real PR/FAQs")
        bench_throughput(sorted(corpus(100).glob("*.md")), 3 if full else 1, "generated PR/FAQs")
    if "cascade" in only:
        if full or "throughput" not in only:
            bench_cascade(1000 if full else 100)
        else:  # step 2's generated corpus is these 100 documents, and it compared their findings
            print("3. the cascade on 100 generated documents: compared in step 2 (--full: 1,000 documents)")
    if "lsp" in only:
        bench_lsp(50 if full else 30)
    if "jobs" in only:
        bench_jobs(1000 if full else 200)
    if "dask" in only:
        bench_dask(1000 if full else 200)
    if "memory" in only:
        bench_memory(100, 1000, 800 if full else 250)
    if "cache" in only:
        bench_cache(100, 5)
    print(f"load average {os.getloadavg()[0]:.1f}; the whole benchmark took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
