"""`make bench`: the side-by-side table of issue 22 in one run, printed and written into
bench/RESULTS.md between its markers (the hand-kept log below them is left as it is).

Per page type (the pages of cold.py): uncached, cold and warm CPU-ms medians and queries
(in-process, SQLite in memory), then requests/s through nginx's HTTP cache and the share of a
static file of the same size served by the same nginx in the same run (load.py, the production
stack on PostgreSQL and Redis); then the newsletter send rate with one and two workers
(newsletters.py) and the dataset import rate (import_dataset.py), both on PostgreSQL. Each part
runs as its own script with --json, so each keeps its own database settings and stays runnable
alone; the commands are written down with the figures.

    .venv/bin/python bench/table.py [--requests 20] [--duration 3] [--recipients 20000] \\
        [--rows 100000] [--no-write] [PATH ...]
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from _budgets import (
    COLD_MS,
    HTTP_CACHE_SHARE,
    QUERIES,
    SEARCH_UNCACHED_MS,
    SEND_PER_WORKER,
    UNCACHED_MS,
    page_misses,
    send_misses,
    verdict,
)

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
BEGIN, END = "<!-- make bench: begin -->", "<!-- make bench: end -->"
POSTGRES_URL = "postgres://postgres@localhost:5432/portal"


class ResultsFileError(Exception):
    """The results file's markers are not one begin followed by one end: nothing is written."""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="only these pages (default: one of every public type)")
    parser.add_argument("--requests", type=int, default=20, help="CPU-ms requests per page (default 20)")
    parser.add_argument("--duration", type=int, default=3, help="wrk seconds per run (default 3)")
    parser.add_argument(
        "--recipients", type=int, default=20_000, help="newsletter recipients (default 20000)"
    )
    parser.add_argument("--rows", type=int, default=100_000, help="rows imported (default 100000)")
    parser.add_argument("--database-url", default=POSTGRES_URL, help="PostgreSQL for the send and import")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the file to write (bench/RESULTS.md)")
    parser.add_argument("--no-write", action="store_true", help="print the table, write nothing")
    args = parser.parse_args(argv)
    if min(args.requests, args.duration, args.recipients, args.rows) < 1:
        parser.error("--requests, --duration, --recipients and --rows must be at least 1")
    return args


def shown_python():
    """The interpreter as the project's docs name it (relative to the project), else `python`."""
    relative = os.path.relpath(sys.executable, BENCH.parent)
    return "python" if relative.startswith("..") else relative


def command_line(environment, command):
    return shlex.join([*(f"{name}={value}" for name, value in environment.items()), *command])


def run_part(ran, script, *options, environment=None):
    """Run one script with --json from the project root, noting its command line in ``ran``; its
    figures are the last line it prints."""
    environment = environment or {}
    shown = command_line(environment, [shown_python(), script, *options, "--json"])
    ran.append(shown)
    print(f"== {shown}", file=sys.stderr, flush=True)
    output = subprocess.run(
        [sys.executable, script, *options, "--json"],
        cwd=BENCH.parent,
        env={**os.environ, **environment},
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(args):
    """Every part in turn; the report the table is drawn from."""
    ran = []
    postgres = {"DATABASE_URL": args.database_url}
    pages = run_part(ran, "bench/cold.py", "--requests", str(args.requests), *args.paths)["pages"]
    # The same pages through nginx, so that both halves of a row are one page.
    paths = [page["path"] for page in pages]
    load = run_part(ran, "bench/load.py", "--http-cache-only", "--duration", str(args.duration), *paths)
    http_cache = {run["path"]: run for run in load["http_cache"]}
    for page in pages:
        run = http_cache.get(page["path"])
        page["cached_rps"] = run and run["cached"]["rps"]
        page["static_rps"] = run and run["static"]["rps"]
        page["cache_share"] = run and run["share"]
    newsletters = ("--recipients", str(args.recipients), "--workers", "1,2", "--signups", "0")
    sends = run_part(ran, "bench/newsletters.py", *newsletters, environment=postgres)["sends"]
    imports = run_part(ran, "bench/import_dataset.py", "--sizes", str(args.rows), environment=postgres)
    return {"pages": pages, "sends": sends, "imports": imports["imports"], "commands": ran}


def machine():
    """What the figures depend on: cores, load before the run, versions."""
    import django
    import wagtail

    return {
        "cores": os.cpu_count(),
        "load": os.getloadavg(),
        "versions": ", ".join(
            [
                f"Python {platform.python_version()}",
                f"Django {django.get_version()}",
                f"Wagtail {wagtail.__version__}",
                *(version_of(command) for command in (["nginx", "-v"], ["wrk", "-v"], ["psql", "--version"])),
            ]
        ),
    }


def version_of(command):
    """A tool's own one-line version (nginx and wrk print it on stderr), or that it is missing."""
    # Debian keeps nginx in /usr/sbin, which is not on every user's PATH.
    found = shutil.which(command[0], path=f"{os.environ.get('PATH', '')}{os.pathsep}/usr/sbin")
    try:
        done = subprocess.run(
            [found or command[0], *command[1:]], capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return f"{command[0]} not found"
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0].split(" Copyright")[0].strip() if lines else command[0]


def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def render(report, when, machine):
    """The generated section: heading, machine, commands, then the tables (Markdown)."""
    load = " / ".join(f"{figure:.2f}" for figure in machine["load"])
    lines = [
        f"## {when:%Y-%m-%d %H:%M} UTC, `make bench` (generated: replaced on each run)",
        "",
        f"Machine: {machine['cores']} cores, load average {load} before the run (1, 5, 15 min). "
        f"{machine['versions']}.",
        "",
        "```sh",
        report["commands"][0],
        "# which ran, one after another:",
        *report["commands"][1:],
        "```",
        "",
        f"Budgets: uncached <= {UNCACHED_MS} CPU-ms (search {SEARCH_UNCACHED_MS}), queries <= {QUERIES}, "
        f"cold <= {COLD_MS} CPU-ms, through nginx >= {HTTP_CACHE_SHARE:.0%} of the static file's "
        f"requests/s, send >= {SEND_PER_WORKER} emails/s per worker. CPU-ms are medians of this "
        "process's CPU time per request.",
        "",
        "| page | uncached CPU-ms | queries | cold CPU-ms | warm CPU-ms | nginx cached req/s "
        "| static req/s | cached/static | budgets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for page in report["pages"]:
        share = page.get("cache_share")
        lines.append(
            f"| `{page['path']}` | {number(page['uncached_ms'])} | {page['queries']} "
            f"| {number(page['cold_ms'])} | {number(page['warm_ms'], 2)} "
            f"| {number(page.get('cached_rps'), 0)} | {number(page.get('static_rps'), 0)} "
            f"| {'-' if share is None else f'{share:.0%}'} | {verdict(page_misses(page))} |"
        )
    lines += [
        "",
        "| newsletter send | emails | emails/s | per worker | budget |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for send in report["sends"]:
        lines.append(
            f"| {send['workers']} worker(s) | {send['emails']:,} | {number(send['rate'], 0)} "
            f"| {number(send['rate'] / send['workers'], 0)} | {verdict(send_misses(send))} |"
        )
    lines += [
        "",
        "| dataset import | rows | rows/s | rows per CPU-s of the importer |",
        "| --- | ---: | ---: | ---: |",
    ]
    for figure in report["imports"]:
        lines.append(
            f"| one version | {figure['rows']:,} | {number(figure['rate'], 0)} "
            f"| {number(figure['rows'] / figure['cpu'], 0)} |"
        )
    return "\n".join(lines) + "\n"


def with_section(text, section):
    """``text`` with ``section`` between the marker lines: in place of the previous one, or, the
    first time, above the first dated section (below the intro). Anything else is refused, not
    guessed. A marker counts only on a line of its own, so prose may name it."""
    block = f"{BEGIN}\n{section.rstrip()}\n{END}"
    begins = [match.start() for match in re.finditer(f"^{re.escape(BEGIN)}$", text, re.MULTILINE)]
    ends = [match.end() for match in re.finditer(f"^{re.escape(END)}$", text, re.MULTILINE)]
    if not begins and not ends:
        first = text.find("\n## ")
        if first == -1:
            return f"{text.rstrip()}\n\n{block}\n"
        return f"{text[: first + 1]}{block}\n{text[first:]}"
    if len(begins) == len(ends) == 1 and begins[0] < ends[0]:
        return text[: begins[0]] + block + text[ends[0] :]
    raise ResultsFileError(
        f"expected one '{BEGIN}' line and one '{END}' line after it, found {len(begins)} and "
        f"{len(ends)}{' in the wrong order' if len(begins) == len(ends) == 1 else ''}: fix the file by "
        "hand; nothing was written"
    )


def main():
    args = parse_args()
    text = "" if args.no_write else args.results.read_text(encoding="utf-8")
    if not args.no_write:
        try:
            with_section(text, "")  # a malformed file stops the run before ten minutes of measuring
        except ResultsFileError as error:
            raise SystemExit(f"{args.results}: {error}") from None
    before = machine()
    when = datetime.datetime.now(datetime.UTC)
    try:
        report = measure(args)
    except subprocess.CalledProcessError as error:
        raise SystemExit(
            f"{error.cmd[1]} failed (exit {error.returncode}, above); nothing was written."
        ) from None
    report["commands"].insert(0, command_line({}, [shown_python(), "bench/table.py", *sys.argv[1:]]))
    section = render(report, when, before)
    print(section)
    if not args.no_write:
        args.results.write_text(with_section(text, section), encoding="utf-8")
        print(f"Written between the markers of {args.results}.", file=sys.stderr)


if __name__ == "__main__":
    main()
