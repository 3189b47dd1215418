"""The benchmark harness (benchmarks/run.py) on a fake `pelican`: scenarios, checks, ratios, `invoke bench`."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pytest
from invoke import Context

from benchmarks import run
from benchmarks.generate import generate, render_raw

# Writes each content file as its page (project: en/articles/<id>.html, stock: <id>.html), the search index when
# -e NEWS_DIGEST_SEARCH=true, and appends its argv to calls.txt beside the output. FAKE_PELICAN_FAIL makes it
# fail; FAKE_PELICAN_STALE makes it keep pages that already exist, as a cache that misses changes would.
FAKE_PELICAN = '''\
import json, os, sys
from pathlib import Path
args = sys.argv[1:]
content, output = Path(args[0]), Path(args[args.index("-o") + 1])
with open(output.parent / "calls.txt", "a", encoding="utf-8") as calls:
    calls.write(json.dumps(args) + "\\n")
if os.environ.get("FAKE_PELICAN_FAIL"):
    print("ERROR fake pelican failed")
    sys.exit(3)
for source in sorted(content.iterdir()):
    folder = output / "en" / "articles" if source.suffix == ".txt" else output
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / (source.stem + ".html")
    if not (os.environ.get("FAKE_PELICAN_STALE") and page.exists()):
        page.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
if "NEWS_DIGEST_SEARCH=true" in args[args.index("-e") + 1:] if "-e" in args else False:
    (output / "pagefind").mkdir(exist_ok=True)
    (output / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
'''
ALL_SCENARIOS = [scenario.name for scenario in run.SCENARIOS]


@pytest.fixture
def bench(tmp_path, monkeypatch, capsys):
    """Run benchmarks/run.py's main() with a fake pelican; return (exit code, table, temporary folder)."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    pelican = venv / "bin" / "pelican"
    pelican.write_text(f"#!{sys.executable}\n{FAKE_PELICAN}", encoding="utf-8")
    pelican.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))

    def main(*argv: str) -> tuple[int, str, Path]:
        code = run.main(["--venv", str(venv), "--keep", *argv])
        (root,) = work.iterdir()
        return code, capsys.readouterr().out, root
    return main


def rows(table: str) -> dict[tuple[str, str], list[str]]:
    """The table's rows as cells, by (scenario, builder)."""
    found = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 11 and cells[0].isdigit():
            found[(cells[1], cells[2])] = cells
    return found


def test_benchmark_harness_runs_every_scenario(bench, tmp_path):
    code, table, root = bench("--n", "5", "--json", str(tmp_path / "bench.json"))
    assert code == 0, table
    table_rows = rows(table)
    assert list(table_rows) == [(name, "project") for name in ALL_SCENARIOS[:1]] + [("full", "stock")] + [
        (name, "project") for name in ALL_SCENARIOS[1:]]
    assert all(cells[-1] == "ok" for cells in table_rows.values()), table
    assert table_rows[("one-added", "project")][9] == "6/6"
    assert table_rows[("no-change", "project")][9] == "5/5"
    assert table_rows[("full", "stock")][7:9] == ["1.00×", "1.00×"]
    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))["results"]
    by_cell = {(result["scenario"], result["builder"]): result for result in results}
    assert by_cell[("full", "stock")]["wall_vs_stock"] == 1.0
    assert by_cell[("full", "project")]["search"] is False
    assert by_cell[("no-change", "project")]["search"] is False
    assert by_cell[("no-change+search", "project")]["search"] is True
    assert by_cell[("full", "stock")]["search"] is None
    assert by_cell[("one-added", "project")]["pages"]["expected"] == 6
    assert by_cell[("full", "project")]["ms_per_article"] == pytest.approx(
        1000 * by_cell[("full", "project")]["wall_s"] / 5)


def test_benchmark_harness_rebuild_measures_the_prepare_command_again(bench):
    code, table, root = bench("--n", "5", "--scenario", "no-change", "--scenario", "one-change", "--project-only")
    assert code == 0, table
    for scenario in ("no-change", "one-change"):
        calls = (root / "n5" / scenario / "project" / "run1" / "calls.txt").read_text(encoding="utf-8").splitlines()
        assert len(calls) == 2 and calls[0] == calls[1]
        assert json.loads(calls[0])[-2:] == ["-e", "NEWS_DIGEST_SEARCH=false"]
    changed = root / "n5" / "one-change" / "project" / "run1" / "content"
    pristine = root / "n5" / "content" / "raw"
    differing = [path.name for path in sorted(changed.iterdir())
                 if path.read_bytes() != (pristine / path.name).read_bytes()]
    assert differing == [f"{generate(5)[2].id}.txt"]


def test_benchmark_harness_full_turns_search_off(bench):
    code, table, root = bench("--n", "3", "--scenario", "full", "--project-only")
    assert code == 0, table
    call = json.loads((root / "n3" / "full" / "project" / "run1" / "calls.txt").read_text(encoding="utf-8"))
    assert call[-2:] == ["-e", "NEWS_DIGEST_SEARCH=false"]


def test_benchmark_harness_reports_a_failed_prepare_in_the_table(bench, monkeypatch):
    monkeypatch.setenv("FAKE_PELICAN_FAIL", "1")
    code, table, _ = bench("--n", "3", "--scenario", "no-change", "--scenario", "full")
    assert code == 1
    table_rows = rows(table)
    assert table_rows[("no-change", "project")][-1].startswith("**ERROR**: prepare failed: prepare build: pelican")
    assert table_rows[("full", "stock")][-1] == "**ERROR**: pelican exited with 3"


def test_benchmark_harness_notices_a_rebuild_that_misses_the_edit(bench, monkeypatch):
    monkeypatch.setenv("FAKE_PELICAN_STALE", "1")
    code, table, _ = bench("--n", "5", "--scenario", "one-change", "--scenario", "one-added", "--project-only")
    assert code == 1
    table_rows = rows(table)
    assert "does not show the edit" in table_rows[("one-change", "project")][-1]
    assert table_rows[("one-added", "project")][-1] == "ok"


def test_benchmark_edit_is_deterministic_and_keeps_a_valid_article(analyse):
    for article in generate(3):
        edited = run.edited_article(article)
        assert render_raw(edited) == render_raw(run.edited_article(article))
        doc = analyse(render_raw(edited), f"{article.id}.txt")
        assert doc.problems == []
        assert (doc.lang, doc.headline, len(doc.paragraphs)) == (article.lang, article.headline,
                                                                 len(article.paragraphs))
        assert render_raw(edited).endswith(f"{run.EDIT_SENTENCES[article.lang]}\n")


def result(n: int, scenario: str, builder: str, wall: float, peak_kib: int) -> run.Result:
    """A measured cell, as benchmark() would fill it."""
    measured = run.Result(n=n, scenario=scenario, builder=builder)
    measured.runs.append(run.Measurement(wall_s=wall, cpu_s=wall, peak_kib=peak_kib, exit_code=0, timed_out=False))
    return measured


def test_benchmark_ratios_compare_with_stock_cold_build_and_scaling_with_smallest_n():
    results = [
        result(1000, "full", "project", 10.0, 200 * 1024), result(1000, "full", "stock", 5.0, 100 * 1024),
        result(1000, "no-change", "project", 0.5, 150 * 1024),
        result(4000, "full", "project", 44.0, 400 * 1024), result(4000, "full", "stock", 20.0, 100 * 1024),
    ]
    table = run.markdown_table(results, repeat=1)
    no_change = next(line for line in table.splitlines() if "| no-change |" in line).split(" | ")
    assert no_change[6:9] == ["0.50", "0.10×", "1.50×"]
    assert "ms/article at N=4000 vs N=1000: project full 10.00 → 11.00 ms (1.10×), " \
           "stock full 5.00 → 5.00 ms (1.00×)" in table


def test_bench_task_passes_sizes_repeat_and_scenarios_through():
    import tasks

    class Recorder(Context):
        """A context that records commands instead of running them."""

        def run(self, command, **kwargs):
            self.config["commands"] = [*self.config.get("commands", []), command]

    context = Recorder()
    tasks.bench(context, n=["1000", "5000"], repeat=3, scenario=["one-change", "no-change"])
    (command,) = context.config["commands"]
    assert command.endswith("benchmarks/run.py --n=1000 --n=5000 --repeat=3 "
                            "--scenario=one-change --scenario=no-change")
