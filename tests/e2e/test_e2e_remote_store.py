"""The argmap command on a shared triplestore, as a team would use it: the bundled article ingested, reasoned,
queried (every competency question), mapped, listed, exported, imported, validated, re-ingested and removed
with --store pointing at a real server on loopback, and every answer compared with the embedded store's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

import pytest

from argmap.ontology.queries import COMPETENCY_NUMBERS
from tests.e2e.conftest import CliRunner
from tests.graph import remote_servers as servers

SAMPLE = Path(__file__).resolve().parents[2] / "argmap" / "samples" / "xiaomi-premiumization.zh.txt"
PARAMS = {1: ["brand=小米"], 3: ["brand=小米"], 4: ["brand=小米"], 5: ["brand=小米"], 7: ["brand=小米"]}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=[servers.ServerKind.OXIGRAPH_UNION, servers.ServerKind.VIRTUOSO],
                ids=lambda k: k.value)
def server_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    reason = servers.missing(request.param)
    if reason:
        pytest.skip(reason)
    server = servers.start(request.param, tmp_path_factory.mktemp(request.param.value))
    try:
        yield server.url
    finally:
        server.stop()


def _rows(out: str) -> list[str]:
    """A JSON result's rows as sorted text, blank nodes left out (their labels differ between stores);
    GROUP_CONCAT's parts sorted (SPARQL leaves their order to the server)."""
    doc = json.loads(out)
    if "boolean" in doc:
        return [str(doc["boolean"])]
    rows = []
    for binding in doc["results"]["bindings"]:
        cells = {k: v["value"] for k, v in binding.items() if v["type"] != "bnode"}
        rows.append(json.dumps({k: " ".join(sorted(re.split(r"[,\s]+", v))) for k, v in cells.items()},
                               sort_keys=True, ensure_ascii=False))
    return sorted(rows)


def _session(cli: CliRunner, store: str, tmp: Path) -> dict[str, object]:
    """Every command once; what each answered."""
    seen: dict[str, object] = {}
    seen["ingest"] = cli("ingest", str(SAMPLE), "--store", store).returncode
    seen["again"] = "unchanged" in cli("ingest", str(SAMPLE), "--store", store).stdout.lower()
    cli("reason", "--store", store)
    for n in COMPETENCY_NUMBERS:
        params = [arg for p in PARAMS.get(n, []) for arg in ("--param", p)]
        seen[f"cq{n}"] = _rows(cli("query", f"cq{n}", *params, "--format", "json", "--store", store).stdout)
    seen["articles"] = cli("articles", "--store", store).stdout
    page = tmp / "map.html"
    cli("map", "--output", str(page), "--store", store)
    seen["map"] = page.stat().st_size > 10_000
    seen["validate"] = cli("validate", "--store", store, check=False).returncode
    dump = tmp / "all.nq"
    dump.write_bytes(cli("export", "--format", "nq", "--store", store).stdout.encode("utf-8"))
    seen["export"] = sum(1 for line in dump.read_text(encoding="utf-8").splitlines() if line.strip())
    cli("import", str(dump), "--store", store)
    seen["after import"] = _rows(cli("query", "cq1", "--param", "brand=小米", "--format", "json", "--store", store).stdout)
    key = SAMPLE.stem
    cli("remove", key, "--store", store)
    seen["after remove"] = _rows(cli("query", "SELECT ?a WHERE { ?a a am:Article }", "--format", "json",
                                     "--store", store).stdout)
    return seen


def test_every_command_answers_as_on_the_embedded_store(argmap_cli: CliRunner, server_url: str, tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "far").mkdir()
    expected = _session(argmap_cli, str(tmp_path / "embedded-store"), tmp_path / "local")
    got = _session(argmap_cli, server_url, tmp_path / "far")
    assert expected["cq1"], "the sample article answers CQ1"
    assert got == expected
