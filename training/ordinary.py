"""How wbl treats ordinary Markdown: the kind it takes each file for and whether a pre-commit
hook with the default configuration would block it (a measurement; nothing is fitted).

    python training/ordinary.py --folder DIR [--manifest training/corpora/ordinary-2026-12-01.tsv]

The manifest lists each file's repository, path, commit and category; the files themselves are
third-party text and are not in this repository. Fetch them into DIR under the manifest's
`filename` (for each row: `git -C CLONE show COMMIT:PATH > DIR/FILENAME`). The set is for
measuring only: never tune on it.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from wbl.findings import Report
from wbl.project import Project

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, required=True, help="the fetched files, named as in the manifest")
    parser.add_argument("--manifest", type=Path, default=HERE / "corpora" / "ordinary-2026-12-01.tsv")
    args = parser.parse_args()
    with args.manifest.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    present = [r for r in rows if (args.folder / r["filename"]).is_file()]
    print(f"{len(present)} of {len(rows)} files of the manifest found in {args.folder}")
    project = Project(isolated=True)  # the default configuration, as a new user's hook has it
    report = project.lint_paths([str(args.folder / r["filename"]) for r in present])
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    blocking: list[tuple[str, str, str]] = []
    for row, file_report in zip(present, report.files, strict=True):
        category = row["category"]
        kinds[category][file_report.kind or "error"] += 1
        if Report((file_report,)).exit_code() != 0:
            blocking.append((category, row["filename"], file_report.kind or "error"))
    print(f"{'category':<12} {'files':>5}  kinds taken")
    for category in sorted(kinds):
        taken = ", ".join(f"{kind} {n}" for kind, n in kinds[category].most_common())
        print(f"{category:<12} {sum(kinds[category].values()):>5}  {taken}")
    ordinary = [b for b in blocking if b[0] != "near-genre"]
    total = sum(sum(c.values()) for k, c in kinds.items() if k != "near-genre")
    print(f"\nordinary files that would block a hook: {len(ordinary)} of {total}")
    for category, name, kind in blocking:
        print(f"  {category:<11} {kind:<14} {name}")


if __name__ == "__main__":
    main()
