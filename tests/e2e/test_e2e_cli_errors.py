"""The CLI speaks to users: helpful help, and one-line errors with non-zero exits on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import CliRunner

VERBS = ["ingest", "query", "reason", "map", "serve", "export", "import", "articles", "remove", "validate", "explain", "demo"]


def test_top_level_help_lists_every_verb(argmap_cli: CliRunner) -> None:
    out = argmap_cli("--help").stdout
    for verb in VERBS:
        assert verb in out


@pytest.mark.parametrize("verb", VERBS)
def test_each_verb_has_help_with_store_option(argmap_cli: CliRunner, verb: str) -> None:
    out = argmap_cli(verb, "--help").stdout
    assert "--store" in out


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("gbk.txt", "小米发布了战报".encode("gb18030"), "UTF-8"),
        ("tags.html", b"<html><script>alert(1)</script><img src=x></html>", "no text"),
        ("only-meta.md", b"---\ntitle: 'x'\ndate: Wed, 09 Feb 2022 23:59:17 GMT\n---\n![img](https://a.example/x.png)\n", "no text"),
        ("notice.txt", "图片来源：网络\n本文系某网独家稿件，未经授权，不得转载。\n".encode(), "no text"),
        ("broken-front.md", b"---\ntitle: 'unclosed\ndate: [1, 2\n---\nXiaomi raised prices.\n", "front matter"),
    ],
)
def test_bad_article_gives_one_line_error(argmap_cli: CliRunner, tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    (tmp_path / name).write_bytes(data)
    proc = argmap_cli("ingest", name, check=False)
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert needle in lines[0] and name in lines[0]
    assert not (tmp_path / "store").exists(), "a refused article must not touch the store"


def test_a_folder_with_unreadable_files_ingests_the_others(argmap_cli: CliRunner, tmp_path: Path) -> None:
    """A folder of crawled pages holds a stub or a binary now and then: each gets its line, the others go in,
    and the exit is still non-zero."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_text("Kelmar raised its prices again. Analysts say the brand has lost buyers.\n",
                                  encoding="utf-8")
    (folder / "b.md").write_bytes("---\ntitle: 凯达涨价了\n---\n<div>\n凯达涨价了\n</div>\n".encode())
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = argmap_cli("ingest", "--no-reason", "crawl", check=False)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("argmap: error")]
    assert len(errors) == 3, proc.stderr
    assert "b.md" in errors[0] and "only a title" in errors[0] and "c.txt" in errors[1] and "binary" in errors[1]
    assert "2 of 3 files" in errors[2]
    listed = argmap_cli("articles").stdout
    assert "Kelmar" in listed or "a\t" in listed, listed


def test_a_folder_of_unreadable_files_touches_no_store(argmap_cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = argmap_cli("ingest", "crawl", check=False)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(errors) == 2 and "b.txt" in errors[0] and "c.txt" in errors[1], proc.stderr
    assert not (tmp_path / "store").exists()


def test_huge_article_is_refused(argmap_cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(("小米高端化。" * 400_000).encode())
    proc = argmap_cli("ingest", "huge.txt", check=False)
    assert proc.returncode != 0 and "limit" in proc.stderr


def test_missing_file_is_refused(argmap_cli: CliRunner) -> None:
    proc = argmap_cli("ingest", "nope.txt", check=False)
    assert proc.returncode != 0 and "no such file" in proc.stderr


def test_version_is_printed(argmap_cli: CliRunner) -> None:
    from argmap import __version__

    assert argmap_cli("--version").stdout.strip() == f"argmap {__version__}"


@pytest.mark.parametrize("args", [("reason",), ("remove", "some-article"), ("articles",), ("validate",)])
def test_commands_other_than_ingest_and_import_never_create_a_store(
        argmap_cli: CliRunner, tmp_path: Path, args: tuple[str, ...]) -> None:
    proc = argmap_cli(*args, "--store", "typo-store", check=False)
    assert proc.returncode != 0 and "E201" in proc.stderr
    assert not (tmp_path / "typo-store").exists()


def test_a_misspelled_ontology_term_is_one_line_with_a_hint(argmap_cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("小米发布了新款手机，售价六千元。\n", encoding="utf-8")
    argmap_cli("ingest", "a.txt")
    proc = argmap_cli("query", "SELECT ?b WHERE { ?b a am:Brandd }", check=False)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode != 0 and len(lines) == 1 and "did you mean am:Brand?" in lines[0]
    ok = argmap_cli("query", "SELECT ?l WHERE { amid:brand/xiaomi rdfs:label ?l }")
    assert "小米" in ok.stdout


def test_competency_questions_are_listed_and_take_parameters_by_label(argmap_cli: CliRunner, tmp_path: Path) -> None:
    listed = argmap_cli("query", "--list").stdout
    assert all(f"cq{n}" in listed for n in range(1, 9)) and "某个品牌" in listed and "parameters: brand" in listed
    (tmp_path / "a.txt").write_text("小米营收增长5%，苹果份额为40%。\n", encoding="utf-8")
    argmap_cli("ingest", "a.txt")
    rows = argmap_cli("query", "cq5", "--param", "brand=小米", "--format", "csv").stdout.strip().splitlines()[1:]
    assert rows and all(row.split(",")[0].endswith("brand/xiaomi") for row in rows)
    wrong = argmap_cli("query", "cq5", "--param", "colour=red", check=False)
    assert wrong.returncode != 0 and "takes: brand" in wrong.stderr


def test_ingest_progress_is_a_plain_line_when_not_on_a_terminal(argmap_cli: CliRunner, tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"小米第{i}次发布新品，售价{i + 1}000元。\n", encoding="utf-8")
    proc = argmap_cli("ingest", *(f"a{i}.txt" for i in range(5)))
    assert "ingest: 5/5 articles" in proc.stderr and "articles/s" in proc.stderr
    assert "\r" not in proc.stderr  # no terminal control characters in a log
    assert "reasoner:" in proc.stderr  # the phase line before the reasoner's run


def test_map_open_without_a_browser_says_where_the_file_is(argmap_cli: CliRunner, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("小米发布了新款手机，售价六千元。\n", encoding="utf-8")
    argmap_cli("ingest", "a.txt")
    # A headless machine: no display, no $BROWSER, and no browser program on the PATH.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env.update(PATH=str(Path(sys.executable).parent), ARGMAP_STORE=str(tmp_path / "store"))
    proc = subprocess.run([sys.executable, "-m", "argmap", "map", "-o", "m.html", "--open"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "no browser could be started" in proc.stderr and (tmp_path / "m.html").as_uri() in proc.stderr


def test_pipes_devices_and_huge_sparse_files_are_named_and_refused_unread(argmap_cli: CliRunner, tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    with open(tmp_path / "sparse.txt", "wb") as f:
        f.truncate(1 << 30)  # 1 GB of nothing: refused from its size, never read
    for name, needle in (("pipe.txt", "named pipe"), ("/dev/zero", "a device"), ("sparse.txt", "limit")):
        proc = argmap_cli("ingest", name, check=False, timeout=60)
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert proc.returncode != 0 and len(lines) == 1 and needle in lines[0], proc.stderr
    assert not (tmp_path / "store").exists()


def test_a_control_character_in_a_file_name_is_harmless(argmap_cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad\x01name.txt").write_text("小米发布了新款手机，售价六千元。\n", encoding="utf-8")
    proc = argmap_cli("ingest", "bad\x01name.txt")
    assert "added" in proc.stdout and "bad-name" in argmap_cli("articles").stdout


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [("bad-key.json", '{"entities": [{"kind": "brand", "key": "a b<c>", "en": "AB"}]}', "key"),
     ("old.tsv", "kind\tkey\tlabel_en\nbrand\tab\tAB\n", "convert it to JSON")],
)
def test_a_bad_lexicon_is_one_line(argmap_cli: CliRunner, tmp_path: Path, name: str, content: str, needle: str) -> None:
    (tmp_path / "a.txt").write_text("AB is a brand.\n", encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    proc = argmap_cli("ingest", "a.txt", "--lang", "en", "--lexicon", name, check=False)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode != 0 and len(lines) == 1 and needle in lines[0] and "Traceback" not in proc.stderr


def test_explain_cannot_be_injected_through_an_iri(argmap_cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("小米的高端化仍停留在价格层面。\n", encoding="utf-8")
    argmap_cli("ingest", "a.txt")
    proc = argmap_cli("explain", "<urn:x> } } ; DROP ALL ; #>", check=False)
    assert proc.returncode != 0 and "is not an IRI" in proc.stderr


@pytest.fixture
def synthetic_store(tmp_path: Path) -> Path:
    """A store of ten synthetic articles and the ontology (about 3,000 triples, like the demo's)."""
    from argmap.graph.store import open_store
    from argmap.graph.synthetic import synthetic_analysis
    from argmap.ingestion import store_analysis

    with open_store(tmp_path / "store") as st:
        for i in range(10):
            store_analysis(st, synthetic_analysis(i))
    return tmp_path / "store"


def test_a_query_that_needs_too_much_memory_is_stopped_in_one_line(argmap_cli: CliRunner, synthetic_store: Path) -> None:
    """Every result row of a self-join, sorted: tens of millions of rows, gigabytes unless capped (default cap)."""
    proc = argmap_cli("query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c", check=False, timeout=120)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.count("\n") == 1 and "E304" in proc.stderr and "--max-memory" in proc.stderr
    assert proc.stdout == ""


def test_a_query_past_its_timeout_is_stopped_in_one_line(argmap_cli: CliRunner, synthetic_store: Path) -> None:
    proc = argmap_cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "1",
                      check=False, timeout=120)
    assert proc.returncode == 4 and proc.stderr.count("\n") == 1 and "E302" in proc.stderr, proc.stderr


def test_ordinary_queries_answer_the_same_capped_or_in_process(argmap_cli: CliRunner, synthetic_store: Path) -> None:
    query = "SELECT ?b ?l WHERE { ?b a am:Brand ; rdfs:label ?l } ORDER BY ?b ?l"
    capped = argmap_cli("query", query, "--format", "csv")
    in_process = argmap_cli("query", query, "--format", "csv", "--max-memory", "0")
    assert capped.stdout == in_process.stdout and capped.stdout.count("\n") > 3
    bad = argmap_cli("query", "SELECT ?x WHERE { ?x ?y }", check=False)  # errors keep their one line through the worker
    assert bad.returncode == 4 and "E301" in bad.stderr and "line 1" in bad.stderr


def test_a_capped_query_ends_with_the_command_that_ran_it(synthetic_store: Path) -> None:
    """Without --timeout the query process has no deadline: killed, the command must not leave it running."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "ARGMAP_STORE": str(synthetic_store)}
    cli = subprocess.Popen([sys.executable, "-m", "argmap", "query",
                            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    children = Path(f"/proc/{cli.pid}/task/{cli.pid}/children")
    deadline = time.monotonic() + 60
    while not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.05)
    worker = int(children.read_text().split()[0])
    time.sleep(0.5)  # the worker is now running the query
    os.kill(cli.pid, signal.SIGKILL)
    cli.wait()
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _running(worker):
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the query process ran on after its command was killed")


def _running(pid: int) -> bool:
    """Alive and not a zombie (ended, waiting for a parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1]
    except (FileNotFoundError, IndexError):
        return False
    return not state.startswith("Z")
