#!/usr/bin/python3
"""Items found per feed: NewsDesk's CLI against Python's feedparser (Debian: apt-get install python3-feedparser).

For each file in CORPUS, runs `newsdesk ingest --json` on a fresh database and counts the items it found
(added + updated + duplicates + items it refused one by one), and feedparser's entries. Prints a table and the
number of files where they differ. A file NewsDesk refuses whole (not a feed, entity declarations) counts 0 items.
Usage: bench/Ingest/compare_feedparser.py CORPUS [CLI_DLL]
"""
import json
import os
import subprocess
import sys
import tempfile

import feedparser


def ours(dll, path):
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(["dotnet", dll, "ingest", "--json", "--db", os.path.join(tmp, "c.db"), path],
                             capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            return None, f"exit {run.returncode}"
        summary = json.loads(run.stdout)
        per_item = [r for r in summary["rejected"] if r["reason"].startswith("item ")]
        whole = [r["reason"] for r in summary["rejected"] if not r["reason"].startswith("item ")]
        found = summary["added"] + summary["updated"] + summary["duplicates"] + len(per_item)
        return found, "; ".join(whole)


def main():
    corpus = sys.argv[1]
    dll = sys.argv[2] if len(sys.argv) > 2 else "src/NewsDesk.Cli/bin/Release/net10.0/newsdesk.dll"
    differ = 0
    print("| file | feedparser | NewsDesk | NewsDesk's note |")
    print("| --- | --- | --- | --- |")
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        theirs = feedparser.parse(path)
        count, note = ours(dll, path)
        mark = "" if count == len(theirs.entries) else " ≠"
        differ += mark != ""
        print(f"| {name} | {len(theirs.entries)}{' (bozo)' if theirs.bozo else ''} | {count}{mark} | {note[:90]} |")
    print(f"\n{differ} of {len(os.listdir(corpus))} files differ")


if __name__ == "__main__":
    main()
