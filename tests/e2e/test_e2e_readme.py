"""The README's command examples run as written (on small articles with the names the README uses)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.samples import DEMO_ARTICLE

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOT_RUN = ("argmap serve",)  # a server runs until stopped; tests/viz and tests/e2e drive it


def readme_commands() -> list[str]:
    """The ``argmap …`` lines of the README's "Use it on your own articles" example, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use it on your own articles", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None, "the README lost its usage example"
    lines = [line.split("  #", 1)[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line.startswith("argmap ") and not line.startswith(NOT_RUN)]


def test_the_readme_usage_example_runs(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    shutil.copy(DEMO_ARTICLE, tmp_path / "articles" / DEMO_ARTICLE.name)
    (tmp_path / "news.html").write_text(
        "<!doctype html><html><head><title>Xiaomi</title></head><body><article><h1>Xiaomi raises prices</h1>"
        "<p>Xiaomi raised the price of its flagship by 20%. Analysts at Counterpoint said buyers accepted it.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 小米\n\n小米的高端化仍停留在价格层面，销量依赖促销。\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("Apple's premium rests on its ecosystem. Buyers pay full price.\n", encoding="utf-8")
    shutil.copytree(ROOT / "argmap" / "ontology" / "queries", tmp_path / "argmap" / "ontology" / "queries")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env.update(ARGMAP_STORE=str(tmp_path / "store"), PYTHONIOENCODING="utf-8",
               PATH=str(Path(sys.executable).parent))  # no browser for map --open
    commands = readme_commands()
    assert len(commands) >= 10
    for line in commands:
        args = shlex.split(line)[1:]
        # The installed command, as the README says (python -m would import the query folder's argmap/).
        proc = subprocess.run([str(Path(sys.executable).parent / "argmap"), *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=900)
        assert proc.returncode == 0, f"{line}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert (tmp_path / "map.html").is_file() and (tmp_path / "backup.trig").stat().st_size > 0
