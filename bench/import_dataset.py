"""Dataset import benchmark: observations imported per second, and memory against file size.

Writes tidy CSV files of ``--sizes`` rows (default 100 000 and 1 000 000) to a temporary folder,
then imports each as a new version of one dataset, through the same code as the admin's
background import and ``manage.py import_dataset``. For each size it prints the rows per second
(wall clock, and this process's CPU time: the database server's work is not in it), the time of
each phase (reading and staging, inserting, comparing with the previous version, and on
PostgreSQL on this machine the CPU time of the database server's process), and how much this
process's peak memory (RSS) grew during the import: it should stay the same from 100 000 to a
million rows, as the file is streamed. Run from the project root:

    .venv/bin/python bench/import_dataset.py [--sizes 100000 1000000] [--profile] [--json]

DATABASE_URL is honoured (a throwaway database bench_<name> on PostgreSQL; SQLite in memory
otherwise). ``--profile`` prints cProfile's top functions for the largest size.
"""

import argparse
import csv
import itertools
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from _harness import demo_database, setup_django

SEXES = ("F", "M", "_T")
AGES = ("0-14", "15-64", "65+", "_T")
INDICATORS = ("POP", "BIRTHS")
STATUSES = ("", "", "", "", "", "", "", "P", "E")


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="rows per file")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest import")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for bench/table.py)")
    args = parser.parse_args()
    if min(args.sizes) < 1:
        parser.error("--sizes must be at least 1")
    return args


def periods(count):
    return [f"{1900 + number // 12}-{number % 12 + 1:02d}" for number in range(count)]


def areas(count):
    return [f"A{number:04d}" for number in range(count)]


def write_csv(path, rows, area_codes):
    """A tidy file of ``rows`` distinct observations, written as it goes."""
    per_period = len(INDICATORS) * len(area_codes) * len(SEXES) * len(AGES)
    keys = itertools.product(periods(-(-rows // per_period)), INDICATORS, area_codes, SEXES, AGES)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator", "period", "area", "sex", "age", "value", "status"])
        for number, (period, indicator, area, sex, age) in enumerate(itertools.islice(keys, rows)):
            status = STATUSES[number % len(STATUSES)]
            value = f"{(number * 7919) % 100000 / 100:.2f}"
            writer.writerow([indicator, period, area, sex, age, value, status])


def make_dataset(area_codes):
    from datasets.models import Code, CodeList, Dataset, Indicator

    area_list = CodeList.objects.create(slug="bench-areas", name="Areas", kind=CodeList.AREA)
    Code.objects.bulk_create(Code(code_list=area_list, code=code, label=code) for code in area_codes)
    dataset = Dataset.objects.create(title="Bench", slug="bench", area_code_list=area_list)
    for slug, codes in (("sex", SEXES), ("age", AGES)):
        code_list = CodeList.objects.create(slug=slug, name=slug)
        Code.objects.bulk_create(Code(code_list=code_list, code=code, label=code) for code in codes)
        dataset.breakdown_code_lists.add(code_list)
    for code in INDICATORS:
        Indicator.objects.create(dataset=dataset, code=code, name=code)
    return dataset


def reset_peak_rss():
    """Linux lets a process reset its peak RSS (VmHWM); elsewhere the peak since start is used."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def rss_kib(field):
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def server_cpu():
    """CPU seconds of this connection's PostgreSQL server process (same machine), else 0."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_import(dataset, path, profile=False):
    from datasets.importing import import_observations

    reset_peak_rss()
    before = rss_kib("VmRSS")
    started, cpu, server = time.perf_counter(), time.process_time(), server_cpu()
    phases = {}
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    with path.open("rb") as binary:
        result = import_observations(dataset, binary, filename=path.name, timings=phases)
    if profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    phases["server CPU"] = server_cpu() - server
    grown = max(0, rss_kib("VmHWM") - before)
    return result, wall, cpu, grown, phases


def import_rates(sizes, profile=False):
    """Each size imported in turn as a new version of one dataset; each import's figures."""
    sizes = sorted(sizes)
    area_codes = areas(max(1, -(-max(sizes) // (len(INDICATORS) * len(SEXES) * len(AGES) * 12 * 20))))
    dataset = make_dataset(area_codes)
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        for rows in sizes:
            path = Path(folder) / f"tidy-{rows}.csv"
            write_csv(path, rows, area_codes)
            result, wall, cpu, grown, phases = run_import(
                dataset, path, profile=profile and rows == sizes[-1]
            )
            if result.rows != rows:
                raise SystemExit(f"imported {result.rows} rows of {rows}")
            figures.append(
                {
                    "rows": rows,
                    "wall": wall,
                    "rate": rows / wall,
                    "cpu": cpu,
                    "grown_kib": grown,
                    "phases": phases,
                }
            )
            path.unlink()
    return figures


def main():
    args = parse_args()
    setup_django()
    from django.db import connection

    with demo_database(demo=False) as where:
        figures = import_rates(args.sizes, args.profile)
        vendor = connection.vendor
    if args.json:
        print(json.dumps({"description": where, "imports": figures}))
        return
    print(where)
    print(
        f"{'rows':>10}{'wall s':>9}{'rows/s':>10}{'CPU s':>8}{'rows/CPU s':>12}{'RSS +MiB':>10}  phases (s)"
    )
    for figure in figures:
        shown = ", ".join(f"{name} {seconds:.2f}" for name, seconds in figure["phases"].items())
        print(
            f"{figure['rows']:>10}{figure['wall']:>9.2f}{figure['rate']:>10.0f}{figure['cpu']:>8.2f}"
            f"{figure['rows'] / figure['cpu']:>12.0f}{figure['grown_kib'] / 1024:>10.1f}  {shown}"
        )
    if len(figures) > 1:
        small, large = figures[0], figures[-1]
        ratio = large["grown_kib"] / small["grown_kib"] if small["grown_kib"] else float("inf")
        print(
            f"Peak RSS growth, {large['rows']} rows against {small['rows']}: {ratio:.2f} times "
            f"for {large['rows'] / small['rows']:.0f} times the rows ({vendor})"
        )


if __name__ == "__main__":
    main()
