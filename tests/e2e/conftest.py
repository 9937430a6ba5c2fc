"""Helpers to drive the real CLI in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def argmap_cli(tmp_path: Path) -> CliRunner:
    """Run ``python -m argmap ARGS`` with a fresh store under tmp_path (unless --store is given)."""
    env = {**os.environ, "ARGMAP_STORE": str(tmp_path / "store"), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str, input: bytes | str | None = None, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            input=input.decode() if isinstance(input, bytes) else input,
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"argmap {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
        return proc

    return run
