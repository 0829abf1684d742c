"""``clauses explore``: Datasette started on a free loopback port, queried over HTTP, always stopped."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator

import pytest
from conftest import REPO

from clauses.cli import cli
from clauses.export import table_metadata

STARTUP_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The bundled corpus in Datasette; the process is stopped whatever the tests do, and leaves nothing."""
    port = free_port()
    scratch = tmp_path_factory.mktemp("explore-tmp")
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(scratch)}
    process = subprocess.Popen(
        [sys.executable, "-m", "clauses", "explore", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"clauses explore exited: {process.stderr.read().decode()}")
            try:
                get(base, "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"Datasette did not answer within {STARTUP_SECONDS} s")
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
    assert process.returncode == 0 and not list(scratch.iterdir()), "explore left its database behind"


def test_a_search_for_patriot_finds_romanias_donation(server) -> None:
    data = get(server, "/corpus/clauses.json?_search=Patriot&_shape=objects")
    romania = [row for row in data["rows"] if row["agreement_id"] == "ua-ro-2024"]
    assert romania and "donate" in romania[0]["text"]


def test_a_facet_count_by_category_equals_clauses_matrix(server, runner) -> None:
    result = runner.invoke(cli, ["matrix", "--format", "json"])
    assert result.exit_code == 0, result.output
    cells = json.loads(result.stdout)["cells"]
    for section, field in (("signed", "clauses"), ("statement", "statements")):
        expected = Counter()
        for cell in cells:
            expected[cell["category"]] += len(cell[field])
        data = get(server, f"/corpus/who.json?section={section}&_facet=category&_size=0")
        counts = {r["value"]: r["count"] for r in data["facet_results"]["category"]["results"]}
        assert counts == {category: n for category, n in expected.items() if n}


def test_tables_carry_their_facets_and_descriptions(server) -> None:
    data = get(server, "/corpus/clauses.json?_size=0")
    assert {"kind", "strength", "categories", "obligors"} <= set(data["facet_results"])
    metadata = get(server, "/-/metadata.json")
    tables = metadata["databases"]["corpus"]["tables"]
    assert tables["clauses"]["columns"] == table_metadata()["clauses"]["columns"]


def test_canned_queries_answer(server, runner) -> None:
    rows = get(server, "/corpus/who_committed.json?category=air-defense&_shape=objects")["rows"]
    result = runner.invoke(cli, ["who", "air-defense", "--format", "json"])
    partners = {p["party"] for p in json.loads(result.stdout)["partners"]}
    assert {r["party"] for r in rows} == partners
    rows = get(server, "/corpus/clauses_mentioning_system.json?system=Patriot&_shape=objects")["rows"]
    assert "ua-ro-2024" in {r["agreement_id"] for r in rows}
    rows = get(server, "/corpus/clauses_mentioning_system.json?system=F-16&_shape=objects")["rows"]
    assert rows and all("F-16" in r["text"] for r in rows)  # a phrase, not FTS syntax ("-16" is no column)
    rows = get(server, "/corpus/commitments_by_partner_and_year.json?_shape=objects")["rows"]
    assert {"party": "RO", "year": "2024"}.items() <= next(r for r in rows if r["party"] == "RO").items()


def test_explore_without_datasette_says_how_to_install(runner, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "datasette.app", None)  # as if the extra were not installed
    from clauses.export.browse import INSTALL_HINT

    result = runner.invoke(cli, ["explore", str(REPO / "agreements" / "ua-ro-2024.md")])
    assert result.exit_code == 2 and INSTALL_HINT in result.output


def test_a_port_in_use_is_a_one_line_error(runner) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            cli, ["explore", str(REPO / "agreements" / "ua-ro-2024.md"), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.output and "Traceback" not in result.output


def test_explore_takes_a_taxonomy_and_refuses_a_bad_one(runner, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories: [unclosed\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["explore", str(REPO / "agreements" / "ua-ro-2024.md"), "--taxonomy", str(bad)]
    )
    assert result.exit_code == 2 and "bad.yaml" in result.output and "Traceback" not in result.output
