"""The store through the real CLI: ingest (files, folders, stdin), query formats, errors, remove, export/import, kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.samples import DEMO_ARTICLE

pytestmark = pytest.mark.slow

CLAIM_COUNT = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a am:Claim }"


def _count(cli, *store: str) -> int:
    out = cli("query", CLAIM_COUNT, "--format", "json", *store).stdout
    return int(json.loads(out)["results"]["bindings"][0]["n"]["value"])


def test_ingest_query_remove_export_import(argmap_cli, tmp_path: Path) -> None:
    folder = tmp_path / "articles" / "more"
    folder.mkdir(parents=True)
    text = DEMO_ARTICLE.read_text(encoding="utf-8")
    (folder / "copy.md").write_text("# 小米\n\n" + text, encoding="utf-8")
    out = argmap_cli("ingest", str(DEMO_ARTICLE), str(tmp_path / "articles"), "--no-reason").stdout
    assert out.count(": added") == 2
    again = argmap_cli("ingest", str(DEMO_ARTICLE), "--no-reason").stdout
    assert "unchanged" in again
    piped = argmap_cli("ingest", "-", "--no-reason", input="小米的高端化仍停留在价格层面。因为它依赖促销。").stdout
    assert ": added" in piped

    listing = argmap_cli("articles").stdout.splitlines()
    assert len(listing) == 3
    claims = _count(argmap_cli)
    assert claims > 0

    table = argmap_cli("query", "SELECT ?c ?t WHERE { ?c a am:Claim ; am:text ?t } LIMIT 3").stdout
    assert "│" in table and "(3 rows)" in table
    csv_out = argmap_cli("query", "SELECT ?c WHERE { ?c a am:Claim } LIMIT 2", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "c"
    ttl = argmap_cli("query", "CONSTRUCT { ?c a am:Claim } WHERE { ?c a am:Claim } LIMIT 2", "--format", "json").stdout
    assert "@prefix am:" in ttl

    bad = argmap_cli("query", "SELECT ?c WHERE {\n ?c a am:Claim", check=False)
    assert bad.returncode != 0 and "line 2" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    slow = argmap_cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }",
                      "--timeout", "1", check=False)
    assert slow.returncode != 0 and "did not finish within 1 s" in slow.stderr

    export = tmp_path / "all.trig"
    argmap_cli("export", "--format", "trig", "-o", str(export))
    copy = ["--store", str(tmp_path / "copy")]
    argmap_cli("import", str(export), *copy)
    assert _count(argmap_cli, *copy) == claims

    key = listing[0].split("\t")[0]
    argmap_cli("remove", key, "--store", str(tmp_path / "copy"), check=False)  # removal re-runs the reasoner if present
    assert len(argmap_cli("articles", *copy).stdout.splitlines()) == 2
    missing = argmap_cli("remove", "no-such-article", check=False)
    assert missing.returncode != 0 and "argmap articles" in missing.stderr


def test_kill_during_a_cli_ingest_keeps_whole_articles(argmap_cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = DEMO_ARTICLE.read_text(encoding="utf-8")
    for i in range(12):
        (folder / f"copy-{i:02d}.txt").write_text(text, encoding="utf-8")
    argmap_cli("ingest", str(folder / "copy-00.txt"), "--no-reason")
    reference = _count_statements(argmap_cli)["copy-00"]

    env = {**os.environ, "ARGMAP_STORE": str(tmp_path / "store")}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "ingest", str(folder), "--no-reason"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    assert proc.stdout is not None
    added = 0
    for line in proc.stdout:
        added += ": added" in line
        if added >= 2:
            break
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    counts = _count_statements(argmap_cli)
    assert len(counts) >= 3
    assert set(counts.values()) == {reference}, f"an article is incomplete: {counts}"
    # and the store takes the rest afterwards
    argmap_cli("ingest", str(folder), "--no-reason")
    assert len(_count_statements(argmap_cli)) == 12


def _count_statements(cli) -> dict[str, int]:
    q = ("SELECT ?g (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?g a am:Article . "
         "OPTIONAL { ?s am:inArticle ?g ; am:startChar ?x } } } GROUP BY ?g")
    rows = json.loads(cli("query", q, "--format", "json").stdout)["results"]["bindings"]
    return {r["g"]["value"].rsplit("/", 1)[-1]: int(r["n"]["value"]) for r in rows}


def test_a_failed_import_creates_no_store(argmap_cli, tmp_path) -> None:
    proc = argmap_cli("import", "missing.trig", "--store", "fresh", check=False)
    assert proc.returncode != 0 and "no such file" in proc.stderr
    assert not (tmp_path / "fresh").exists()


def test_a_killed_import_leaves_all_or_nothing(tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from argmap.graph.io import export_dataset
    from argmap.graph.store import list_articles, open_store
    from argmap.graph.synthetic import synthetic_analysis
    from argmap.ingestion import store_analysis

    with open_store(tmp_path / "source") as source:
        for i in range(150):
            store_analysis(source, synthetic_analysis(i, claims=10, evidence=10))
        (tmp_path / "all.trig").write_bytes(export_dataset(source, "trig"))
    outcomes = set()
    for delay in (0.0, 0.5, 1.0, 2.0):
        target = tmp_path / f"target-{delay}"
        proc = subprocess.Popen([sys.executable, "-m", "argmap", "import", str(tmp_path / "all.trig"), "--store",
                                 str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not target.exists() and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if not target.exists():
            continue
        with open_store(target) as st:
            count = len(list_articles(st))
        assert count in (0, 150), f"a kill after {delay} s left {count} of 150 articles"
        outcomes.add(count)
    assert outcomes  # at least one kill landed after the store was opened


def test_reingesting_with_another_lexicon_or_language_extracts_again(argmap_cli, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Zorblax raised prices again. Zorblax said demand held.\n", encoding="utf-8")
    assert "added" in argmap_cli("ingest", "a.txt").stdout
    assert "unchanged" in argmap_cli("ingest", "a.txt").stdout
    (tmp_path / "lex.json").write_text('{"entities": [{"kind": "brand", "key": "zorblax", "en": "Zorblax", '
                                       '"zh": "佐布拉克斯", "aliases": []}]}', encoding="utf-8")
    assert "replaced" in argmap_cli("ingest", "a.txt", "--lexicon", "lex.json").stdout
    assert "unchanged" in argmap_cli("ingest", "a.txt", "--lexicon", "lex.json").stdout
    assert "replaced" in argmap_cli("ingest", "a.txt", "--lang", "en", "--lexicon", "lex.json").stdout
    labels = argmap_cli("query", "SELECT ?l WHERE { amid:brand/zorblax rdfs:label ?l }").stdout
    assert "佐布拉克斯" in labels
