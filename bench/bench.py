"""Speed and memory benchmark for wbl (issue 5). Prints figures; asserts nothing.

    python bench/bench.py                 # everything (several minutes on 2 cores)
    python bench/bench.py --quick         # smaller corpora, fewer repeats
    python bench/bench.py --only cold,cache

All ratios are measured in one run on one machine, so noise and machine speed cancel out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import document, write_corpus

HERE = Path(__file__).resolve().parent
WORK = Path(os.environ.get("WBL_BENCH_DIR", tempfile.gettempdir())) / "wbl-bench"
WBL = [sys.executable, "-m", "wbl.cli"]


def median_time(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def run_quiet(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV if env is None else env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"command failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def corpus(count: int, words: int = 800) -> Path:
    folder = WORK / f"corpus-{count}-{words}"
    write_corpus(folder, count, words)
    return folder


def words_in(folder: Path) -> int:
    from wbl.document import build_document
    from wbl.markdown import parse
    from wbl.source import SourceText

    total = 0
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        total += sum(len(u.text.split()) for u in build_document(str(path), SourceText(text), parse(text)).units)
    return total


def bench_throughput(count: int, repeat: int) -> None:
    """1. wbl words/s against bare nlp.pipe with the same components on the same text."""
    import wbl
    from wbl.document import build_document
    from wbl.files import FileLinter
    from wbl.markdown import parse
    from wbl.nlp import load_pipeline
    from wbl.source import SourceText

    folder = corpus(count)
    paths = sorted(folder.glob("*.md"))
    items = [(str(p), p.read_bytes()) for p in paths]
    linter = FileLinter(wbl.Linter())
    pipeline = load_pipeline()
    texts = []
    for path, data in items:
        text = data.decode()
        texts += [u.text for u in build_document(path, SourceText(text), parse(text)).units]
    words = sum(len(t.split()) for t in texts)
    features = linter.linter.features
    list(linter.lint_many(items[:2]))  # warm up (textstat, lexicons)
    bare, full = interleaved_medians(
        lambda: median_time(lambda: pipeline.pipe(texts, features), 1),
        lambda: median_time(lambda: list(linter.lint_many(items)), 1),
        repeat,
    )
    print(f"1. throughput on {count} documents, {words:,} words, components for {sorted(features)}:")
    print(f"   bare nlp.pipe  {words / bare:10,.0f} words/s")
    print(f"   wbl            {words / full:10,.0f} words/s")
    print(f"   ratio wbl/bare {bare / full:10.2f}   (target >= 0.8)")


def bench_jobs(count: int, repeat: int) -> None:
    """2. --jobs 2 against --jobs 1."""
    folder = corpus(count)
    words = words_in(folder)
    one = statistics.median(
        run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(folder)])[0] for _ in range(repeat)
    )
    two = statistics.median(
        run_quiet([*WBL, "check", "--no-cache", "--jobs", "2", str(folder)])[0] for _ in range(repeat)
    )
    print(f"2. {count} documents ({words:,} words), whole CLI run:")
    print(f"   --jobs 1  {one:7.1f} s  {words / one:8,.0f} words/s")
    print(f"   --jobs 2  {two:7.1f} s  {words / two:8,.0f} words/s")
    print(f"   speed-up  {one / two:7.2f}   (target >= 1.6)")


def bench_cold(repeat: int) -> None:
    """3. Cold wbl check of one ~1,500-word document against bare spaCy on the same text."""
    from wbl.nlp import resolve_model

    path = WORK / "cold-1500.md"
    path.write_text(document(7, 1500), encoding="utf-8")
    model = resolve_model()
    bare_code = f"import spacy, pathlib; spacy.load({model!r})(pathlib.Path({str(path)!r}).read_text())"
    bare, cold = interleaved_medians(
        lambda: run_quiet([sys.executable, "-c", bare_code])[0],
        lambda: run_quiet([*WBL, "check", "--no-cache", str(path)])[0],
        repeat,
    )
    print(f"3. cold run, one ~1,500-word document (medians of {repeat}, interleaved):")
    print(f"   bare spaCy load + parse  {bare:6.2f} s")
    print(f"   wbl check --no-cache     {cold:6.2f} s")
    print(f"   ratio                    {cold / bare:6.2f}   (target <= 1.3)")


def bench_cache(count: int, repeat: int) -> None:
    """4. A second run over unchanged documents, all cached."""
    folder = corpus(count)
    cache = WORK / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    first = run_quiet([*WBL, "check", "--cache-dir", str(cache), str(folder)])[0]
    cached = statistics.median(
        run_quiet([*WBL, "check", "--cache-dir", str(cache), str(folder)])[0] for _ in range(repeat)
    )
    print(f"4. {count} unchanged documents: first run {first:.2f} s, cached run {cached:.3f} s (target < 0.3 s)")


def bench_memory(small: int, large: int) -> None:
    """5. Peak resident memory at `small` and `large` documents."""
    low = run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(corpus(small))])[1]
    high = run_quiet([*WBL, "check", "--no-cache", "--jobs", "1", str(corpus(large))])[1]
    print(
        f"5. peak memory: {small} documents {low / 1024:.0f} MiB, {large} documents {high / 1024:.0f} MiB, "
        f"ratio {high / low:.2f} (target <= 1.2)"
    )


def bench_proselint(count: int) -> None:
    """6. proselint on the same corpus, in the benchmark's own environment."""
    venv = WORK / "venv-proselint"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        installed = subprocess.run([str(python), "-m", "pip", "install", "-q", "proselint==0.16.0"])
        if installed.returncode != 0:
            print("6. proselint: could not be installed from the package index; skipped")
            return
    folder = corpus(count)
    words = words_in(folder)
    files = [str(p) for p in sorted(folder.glob("*.md"))]
    command = [str(venv / "bin" / "proselint"), "check", *files]
    if subprocess.run([str(venv / "bin" / "proselint"), "check", "--help"], capture_output=True).returncode != 0:
        command = [str(venv / "bin" / "proselint"), *files]
    elapsed = run_quiet(command)[0]
    ours = run_quiet([*WBL, "check", "--no-cache", "--jobs", "2", str(folder)])[0]
    print(
        f"6. {count} documents ({words:,} words): proselint {words / elapsed:,.0f} words/s, "
        f"wbl --jobs 2 {words / ours:,.0f} words/s (ratio {elapsed / ours:.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpora and fewer repeats")
    parser.add_argument("--only", default="throughput,jobs,cold,cache,memory,proselint")
    args = parser.parse_args()
    only = set(args.only.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    repeat, large = (1, 200) if args.quick else (3, 1000)
    print(f"wbl benchmark on {os.cpu_count()} cores; work folder {WORK}")
    if "throughput" in only:
        bench_throughput(100, repeat)
    if "jobs" in only:
        bench_jobs(large, 1)
    if "cold" in only:
        bench_cold(3 if args.quick else 9)
    if "cache" in only:
        bench_cache(100, 5)
    if "memory" in only:
        bench_memory(100, large)
    if "proselint" in only:
        bench_proselint(large)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
