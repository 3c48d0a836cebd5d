"""``make bench`` (bench/table.py): the table it draws, the budgets it judges and how it writes its
section into bench/RESULTS.md without touching the hand-kept log, or anything, when the file's
markers are not as it left them."""

import datetime
import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.append(str(BENCH))  # the scripts import their shared modules as siblings
spec = importlib.util.spec_from_file_location("bench_table", BENCH / "table.py")
table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(table)

INTRO = "# Benchmark results\n\nWhat the benchmarks measured.\n"
LOG = "## 2026-12-06, newsletter sending\n\nHand-kept figures.\n\n## 2026-12-05, older\n\nMore.\n"
WHEN = datetime.datetime(2026, 12, 7, 20, 5, tzinfo=datetime.UTC)
MACHINE = {"cores": 2, "load": (0.5, 0.25, 0.1), "versions": "Python 3.11.7, Django 5.2"}


def page(path="/about/", **figures):
    return {
        "path": path,
        "uncached_ms": 6.0,
        "queries": "6",
        "cold_ms": 19.0,
        "warm_ms": 0.15,
        "cached_rps": 9000.0,
        "static_rps": 12000.0,
        "cache_share": 0.75,
        **figures,
    }


def report(**parts):
    return {
        "pages": [page()],
        "sends": [
            {"workers": 1, "emails": 20000, "rate": 640.0},
            {"workers": 2, "emails": 20000, "rate": 900.0},
        ],
        "imports": [{"rows": 100000, "rate": 25000.0, "cpu": 2.5}],
        "commands": [
            ".venv/bin/python bench/table.py",
            ".venv/bin/python bench/cold.py --requests 20 --json",
        ],
        **parts,
    }


def test_a_page_within_every_budget_is_met():
    assert table.page_misses(page()) == []
    assert table.verdict([]) == "met"


@pytest.mark.parametrize(
    ("figures", "missed"),
    [
        ({"uncached_ms": 12.1}, ["uncached"]),
        ({"queries": "15.5"}, ["queries"]),
        ({"cold_ms": 25.01}, ["cold"]),
        ({"cache_share": 0.49}, ["nginx"]),
        ({"uncached_ms": 30.0, "queries": "40", "cold_ms": 60.0}, ["uncached", "queries", "cold"]),
    ],
)
def test_each_budget_is_judged(figures, missed):
    assert table.page_misses(page(**figures)) == missed


def test_search_has_its_own_uncached_budget():
    assert table.page_misses(page("/search/?q=population", uncached_ms=19.9)) == []
    assert table.page_misses(page("/search/?q=population", uncached_ms=20.1)) == ["uncached"]


def test_the_limits_themselves_are_met():
    assert table.page_misses(page(uncached_ms=12.0, queries="15", cold_ms=25.0, cache_share=0.5)) == []


def test_a_figure_not_measured_is_not_judged():
    assert table.page_misses(page(cache_share=None, cached_rps=None, static_rps=None)) == []


def test_the_send_budget_is_per_worker():
    assert table.send_misses({"workers": 1, "rate": 500.0}) == []
    assert table.send_misses({"workers": 2, "rate": 999.0}) == ["send"]
    assert table.verdict(["send"]) == "MISSED (send)"


def test_the_table_shows_every_figure_and_verdict():
    slow = page("/", uncached_ms=32.04, queries="23", cache_share=0.4)
    section = table.render(report(pages=[page(), slow]), WHEN, MACHINE)
    assert section.startswith("## 2026-12-07 20:05 UTC, `make bench`")
    assert "2 cores, load average 0.50 / 0.25 / 0.10 before the run" in section
    assert "Python 3.11.7, Django 5.2" in section
    assert (
        "```sh\n.venv/bin/python bench/table.py\n# which ran, one after another:\n"
        ".venv/bin/python bench/cold.py --requests 20 --json\n```"
    ) in section
    assert "| `/about/` | 6.0 | 6 | 19.0 | 0.15 | 9,000 | 12,000 | 75% | met |" in section
    assert (
        "| `/` | 32.0 | 23 | 19.0 | 0.15 | 9,000 | 12,000 | 40% | MISSED (uncached, queries, nginx) |"
        in section
    )
    assert "| 1 worker(s) | 20,000 | 640 | 640 | met |" in section
    assert "| 2 worker(s) | 20,000 | 900 | 450 | MISSED (send) |" in section
    assert "| one version | 100,000 | 25,000 | 40,000 |" in section


def test_a_page_without_nginx_figures_shows_dashes():
    missing = page(cached_rps=None, static_rps=None, cache_share=None)
    section = table.render(report(pages=[missing]), WHEN, MACHINE)
    assert "| `/about/` | 6.0 | 6 | 19.0 | 0.15 | - | - | - | met |" in section


def test_the_first_run_puts_its_section_under_the_intro():
    written = table.with_section(INTRO + "\n" + LOG, "## Generated\n\nThe table.\n")
    assert written == (
        INTRO + "\n" + table.BEGIN + "\n## Generated\n\nThe table.\n" + table.END + "\n\n" + LOG
    )


def test_a_file_with_only_an_intro_gets_the_section_at_the_end():
    written = table.with_section(INTRO, "## Generated")
    assert written == f"{INTRO}\n{table.BEGIN}\n## Generated\n{table.END}\n"


def test_a_rerun_replaces_only_the_generated_section():
    first = table.with_section(INTRO + "\n" + LOG, "## Generated, first run")
    second = table.with_section(first, "## Generated, second run")
    assert "first run" not in second
    assert second == first.replace("first run", "second run")
    assert second.startswith(INTRO)
    assert second.endswith(LOG)
    assert table.with_section(second, "## Generated, second run") == second


@pytest.mark.parametrize(
    "text",
    [
        INTRO + table.BEGIN + "\n## Half a section\n" + LOG,
        INTRO + "## Half a section\n" + table.END + "\n" + LOG,
        INTRO + table.END + "\n## Backwards\n" + table.BEGIN + "\n" + LOG,
        INTRO + (table.BEGIN + "\n## Twice\n" + table.END + "\n") * 2 + LOG,
    ],
    ids=["lone begin", "lone end", "end before begin", "two sections"],
)
def test_malformed_markers_are_refused_not_clobbered(text):
    with pytest.raises(table.ResultsFileError, match="fix the file by hand; nothing was written"):
        table.with_section(text, "## Generated")


def test_a_malformed_results_file_stops_the_run_before_measuring(tmp_path, monkeypatch):
    results = tmp_path / "RESULTS.md"
    results.write_text(INTRO + table.BEGIN + "\n" + LOG, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["table.py", "--results", str(results)])
    monkeypatch.setattr(table, "measure", lambda args: pytest.fail("measured despite a malformed file"))
    with pytest.raises(SystemExit, match="nothing was written"):
        table.main()
    assert results.read_text(encoding="utf-8") == INTRO + table.BEGIN + "\n" + LOG


@pytest.mark.parametrize("option", ["--requests", "--duration", "--recipients", "--rows"])
def test_sizes_below_one_are_refused(option, capsys):
    with pytest.raises(SystemExit):
        table.parse_args([option, "0"])
    assert "must be at least 1" in capsys.readouterr().err


def test_a_run_writes_its_table_between_the_markers(tmp_path, monkeypatch, capsys):
    results = tmp_path / "RESULTS.md"
    results.write_text(INTRO + "\n" + LOG, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["table.py", "--results", str(results)])
    monkeypatch.setattr(table, "measure", lambda args: report())
    monkeypatch.setattr(table, "machine", lambda: MACHINE)
    table.main()
    written = results.read_text(encoding="utf-8")
    assert written.startswith(INTRO + "\n" + table.BEGIN + "\n## ")
    assert written.endswith(table.END + "\n\n" + LOG)
    assert "| `/about/` | 6.0 | 6 |" in written
    assert "| `/about/` | 6.0 | 6 |" in capsys.readouterr().out
    assert f"{table.shown_python()} bench/table.py --results {results}\n# which ran" in written


def test_a_failed_part_stops_the_run_and_writes_nothing(tmp_path, monkeypatch):
    results = tmp_path / "RESULTS.md"
    results.write_text(INTRO + "\n" + LOG, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["table.py", "--results", str(results)])
    monkeypatch.setattr(table, "machine", lambda: MACHINE)

    def failing(args):
        raise table.subprocess.CalledProcessError(1, [sys.executable, "bench/load.py", "--json"])

    monkeypatch.setattr(table, "measure", failing)
    with pytest.raises(SystemExit, match=r"bench/load\.py failed .*nothing was written"):
        table.main()
    assert results.read_text(encoding="utf-8") == INTRO + "\n" + LOG


def test_a_missing_tool_is_named_in_the_versions():
    assert table.version_of(["no-such-benchmark-tool", "-v"]) == "no-such-benchmark-tool not found"


def test_a_marker_named_in_prose_is_not_a_marker():
    intro = f"# Results\n\nThe table goes between `{table.BEGIN}` and `{table.END}`.\n"
    first = table.with_section(intro + "\n" + LOG, "## Generated")
    assert first.startswith(intro + "\n" + table.BEGIN + "\n## Generated\n" + table.END + "\n")
    assert table.with_section(first, "## Again").startswith(intro + "\n" + table.BEGIN + "\n## Again\n")
