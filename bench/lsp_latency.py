"""How long `wbl lsp` takes to re-publish diagnostics after an edit (a benchmark, not a test).

Starts `wbl lsp` as a subprocess, opens a ~1,500-word PR/FAQ (bench/corpus.py), then edits one
paragraph again and again and measures, for each edit, the time from sending didChange to
receiving the publishDiagnostics for that version. Edits are spaced wider than the debounce
window, as when a writer pauses, so each is linted at once (the leading edge of the debounce);
a burst of keystrokes is coalesced and linted once the burst stops.

    python3 bench/lsp_latency.py                  # every rule, the default configuration
    python3 bench/lsp_latency.py --select WB6     # only some rules (written to a wbl.toml)
    python3 bench/lsp_latency.py --edits 50 --words 1500

Prints the median, 90th percentile, minimum and maximum in milliseconds, twice: when the
diagnostics message reached the client (the JSON read, before pygls's client turns it into
objects) and when the client had decoded it; the target (issue 15), a median under 50 ms, is about the first.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls import uris
from pygls.lsp.client import LanguageClient
from pygls.protocol import LanguageServerProtocol

sys.path.insert(0, str(Path(__file__).parent))
from corpus import document

SERVER = [sys.executable, "-m", "wbl.cli", "lsp"]
PAUSE = 0.3  # seconds between edits: longer than the server's debounce window (0.15 s)


def edited_versions(text: str, edits: int) -> Iterator[tuple[int, str]]:
    """(version, whole text) of each edit, from version 2 on: a small change to the longest paragraph."""
    paragraphs = text.split("\n\n")
    target = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    for version in range(2, edits + 2):
        edited = list(paragraphs)
        edited[target] = paragraphs[target].replace(" ", f" {version % 10} ", 1) + f" Edit {version}."
        yield version, "\n\n".join(edited)


def send_change(client: LanguageClient, uri: str, version: int, text: str) -> float:
    """Send the whole new text as didChange; returns when it was sent (time.perf_counter)."""
    sent = time.perf_counter()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return sent


async def run(words: int, edits: int, select: str | None) -> list[tuple[float, float]]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if select:
            tokens = ", ".join(f'"{t.strip()}"' for t in select.split(",") if t.strip())
            (root / "wbl.toml").write_text(f"select = [{tokens}]\n", encoding="utf-8")
        text = document(7, words)
        path = root / "prfaq.md"
        path.write_text(text, encoding="utf-8")
        uri = uris.from_fs_path(str(path))
        assert uri is not None
        published: dict[int, float] = {}
        arrived = asyncio.Event()

        received: dict[int, float] = {}  # version -> when its message arrived, before the client decoded it

        class TimedProtocol(LanguageServerProtocol):
            def structure_message(self, data: dict[str, Any]) -> Any:
                if data.get("method") == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
                    version = data.get("params", {}).get("version")
                    if isinstance(version, int):
                        received.setdefault(version, time.perf_counter())
                return super().structure_message(data)

        client = LanguageClient("wbl-bench", "1", protocol_cls=TimedProtocol)

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri and params.version is not None:
                published[params.version] = time.perf_counter()
                arrived.set()

        await client.start_io(*SERVER)
        await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=uris.from_fs_path(folder))
        )
        client.initialized(types.InitializedParams())

        async def wait_for(version: int) -> float:
            while version not in published:
                arrived.clear()
                await asyncio.wait_for(arrived.wait(), 120)
            return published[version]

        started = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        print(f"first diagnostics (spaCy load and a full analysis): {(await wait_for(1)) - started:.2f} s")
        latencies = []
        for version, edited in edited_versions(text, edits):
            sent = send_change(client, uri, version, edited)
            handled = await wait_for(version)
            latencies.append((received[version] - sent, handled - sent))
            await asyncio.sleep(PAUSE)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1500, help="size of the PR/FAQ (default 1500 words)")
    parser.add_argument("--edits", type=int, default=30, help="edits to time (default 30)")
    parser.add_argument("--select", help="rules to run, e.g. WB6 or weasel-word (default: every rule)")
    args = parser.parse_args()
    timed = asyncio.run(run(args.words, args.edits, args.select))
    print(
        f"didChange -> publishDiagnostics over {len(timed)} edits of one paragraph of a {args.words}-word PR/FAQ"
        f" ({'rules: ' + args.select if args.select else 'every rule'}):"
    )
    for label, index in (("message received by the client", 0), ("decoded by the (Python) client", 1)):
        latencies = sorted(pair[index] * 1000 for pair in timed)
        p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
        print(
            f"  {label:<31} median {statistics.median(latencies):4.0f} ms, p90 {p90:4.0f} ms,"
            f" min {latencies[0]:4.0f} ms, max {latencies[-1]:4.0f} ms"
        )
    print("  target: median under 50 ms (the first line: when the server has published)")


if __name__ == "__main__":
    main()
