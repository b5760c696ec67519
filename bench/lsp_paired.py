"""The language server's edit latency, this checkout against another, edit by edit (a benchmark).

    python bench/lsp_paired.py /path/to/other/checkout          # e.g. `git archive main | tar -x -C DIR`
    python bench/lsp_paired.py /path/to/other/checkout --edits 60

Starts two `wbl lsp` servers, one running the other checkout's `wbl` and rule pack, one this
checkout's, opens the same ~1,500-word PR/FAQ in both (bench/corpus.py), then sends each edit of
one paragraph to both servers in turn (the order alternating), timing didChange to the
publishDiagnostics of that version as `bench/lsp_latency.py` does. On a machine whose speed
drifts with other work, a run of one server and then a run of the other can differ by more than
the change measured; edits taken in turn see the same moments. Prints each server's median and
the median of the paired differences (this checkout minus the other). `--same` runs this checkout
twice: the paired difference then shows the noise.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from lsprotocol import types
from pygls import uris
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import document  # noqa: E402
from lsp_latency import PAUSE, SERVER, edited_versions, send_change  # noqa: E402


def checkout_environment(checkout: Path, packages: Path) -> dict[str, str]:
    """An environment whose `wbl` and `wbl_rules` are a checkout's (its `wbl/` and `rules/`)."""
    (packages / "wbl").symlink_to(checkout / "wbl", target_is_directory=True)
    (packages / "wbl_rules").symlink_to(checkout / "rules", target_is_directory=True)
    return {**os.environ, "PYTHONPATH": str(packages)}


async def open_session(
    env: dict[str, str], folder: Path, text: str
) -> tuple[LanguageClient, str, Callable[[int], Awaitable[float]]]:
    """A client of one server with the document open and its first diagnostics received."""
    path = folder / "prfaq.md"
    path.write_text(text, encoding="utf-8")
    uri = uris.from_fs_path(str(path))
    assert uri is not None
    published: dict[int, float] = {}
    arrived = asyncio.Event()
    client = LanguageClient("wbl-bench-paired", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri and params.version is not None:
            published[params.version] = time.perf_counter()
            arrived.set()

    # Started outside this checkout, so that the current folder does not put its `wbl` first.
    await client.start_io(*SERVER, env=env, cwd=tempfile.gettempdir())
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=uris.from_fs_path(str(folder)))
    )
    client.initialized(types.InitializedParams())

    async def wait_for(version: int) -> float:
        while version not in published:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 120)
        return published[version]

    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await wait_for(1)
    return client, uri, wait_for


async def run(checkout: Path | None, edits: int, words: int) -> dict[str, list[float]]:
    text = document(7, words)
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        for name in ("other", "this", "packages", "own"):
            (root / name).mkdir()
        # Both servers get their `wbl` and rule pack by path, this checkout's as well.
        own = checkout_environment(HERE.parent, root / "own")
        other = own if checkout is None else checkout_environment(checkout.resolve(), root / "packages")
        sessions = {
            "other": await open_session(other, root / "other", text),
            "this": await open_session(own, root / "this", text),
        }
        latencies: dict[str, list[float]] = {"other": [], "this": []}
        for version, edited in edited_versions(text, edits):
            for name in ("other", "this") if version % 2 else ("this", "other"):
                client, uri, wait_for = sessions[name]
                sent = send_change(client, uri, version, edited)
                latencies[name].append((await wait_for(version) - sent) * 1000)
                await asyncio.sleep(PAUSE)
        for client, _, _ in sessions.values():
            await client.shutdown_async(None)
            client.exit(None)
            await client.stop()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", type=Path, help="the other checkout (a folder with wbl/ and rules/)")
    parser.add_argument("--same", action="store_true", help="run this checkout twice (the noise of the method)")
    parser.add_argument("--edits", type=int, default=40, help="edits sent to each server (default 40)")
    parser.add_argument("--words", type=int, default=1500, help="size of the PR/FAQ (default 1500 words)")
    args = parser.parse_args()
    if args.checkout is None and not args.same:
        parser.error("name the other checkout, or pass --same")
    latencies = asyncio.run(run(None if args.same else args.checkout, args.edits, args.words))
    other, this = latencies["other"], latencies["this"]
    difference = statistics.median(b - a for a, b in zip(other, this, strict=True))
    label = "this checkout again" if args.same else str(args.checkout)
    print(f"didChange -> publishDiagnostics, {args.edits} edits to each server in turn, load {os.getloadavg()[0]:.1f}:")
    print(f"  {label:<40} median {statistics.median(other):5.0f} ms, min {min(other):4.0f} ms")
    print(f"  {'this checkout':<40} median {statistics.median(this):5.0f} ms, min {min(this):4.0f} ms")
    print(f"  median paired difference (this minus the other): {difference:+.1f} ms")


if __name__ == "__main__":
    main()
