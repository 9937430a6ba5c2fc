"""Real SPARQL servers on loopback for the remote-store tests and bench/remote_bench.py: the Oxigraph server
(PyPI ``oxigraph``), with and without ``--union-default-graph``, and Virtuoso 7 (Debian
``virtuoso-opensource``, installed by scripts/setup.sh). Each runs in a temporary folder on a free port and is
stopped by ``stop()``; ``missing()`` says why a server cannot run here (the tests then skip with that reason).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

VIRTUOSO = "/usr/bin/virtuoso-t"
VIRTUOSO_ISQL = "/usr/bin/isql-vt"
VIRTUOSO_VSP = "/var/lib/virtuoso-opensource-7/vsp"
START_SECONDS = 60.0
QUERY_TIMEOUT_SECONDS = 60  # the server's own per-query deadline

# Virtuoso's row limit is lowered from its 10,000 so that the tests see argmap page through it on small data.
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {timeout}
"""


class ServerKind(str, Enum):
    OXIGRAPH = "oxigraph"
    OXIGRAPH_UNION = "oxigraph-union"  # started with --union-default-graph
    VIRTUOSO = "virtuoso"


@dataclass
class RunningServer:
    kind: ServerKind
    url: str  # the --store URL
    proc: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str | None:
    local = Path(sys.executable).with_name("oxigraph")
    return str(local) if local.exists() else shutil.which("oxigraph")


def missing(kind: ServerKind) -> str | None:
    """Why this server cannot run here, or None."""
    if kind is ServerKind.VIRTUOSO:
        if not (Path(VIRTUOSO).exists() and Path(VIRTUOSO_ISQL).exists()):
            return "Virtuoso is not installed (Debian virtuoso-opensource; scripts/setup.sh installs it when apt-get can)"
        return None
    if oxigraph_binary() is None:
        return "the oxigraph server binary (PyPI package `oxigraph`) is not installed"
    return None


def start(kind: ServerKind, folder: Path, *, max_rows: int = 1000, grant_updates: bool = True) -> RunningServer:
    """Start one server with its data in ``folder``; it answers queries when this returns.
    ``grant_updates=False``: Virtuoso as installed, whose SPARQL user may not update."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind is ServerKind.VIRTUOSO:
        return _start_virtuoso(folder, max_rows=max_rows, grant_updates=grant_updates)
    binary = oxigraph_binary()
    assert binary is not None
    port = free_port()
    args = [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
            "--timeout-s", str(QUERY_TIMEOUT_SECONDS)]
    if kind is ServerKind.OXIGRAPH_UNION:
        args.append("--union-default-graph")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait(url + "/query?query=ASK%7B%7D", proc)
    return RunningServer(kind, url, proc)


def _start_virtuoso(folder: Path, *, max_rows: int, grant_updates: bool) -> RunningServer:
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http, vsp=VIRTUOSO_VSP, max_rows=max_rows,
                                       timeout=QUERY_TIMEOUT_SECONDS), encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        _wait(url + "?query=ASK%7B%7D", proc)
        if grant_updates:  # SPARQL updates through /sparql: the role argmap's README tells Virtuoso users to grant
            subprocess.run([VIRTUOSO_ISQL, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                           check=True, capture_output=True, timeout=60)
    except BaseException:
        proc.kill()
        proc.wait(timeout=10)
        raise
    return RunningServer(ServerKind.VIRTUOSO, url, proc)


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait(timeout=10)
                raise RuntimeError(f"the server at {url} did not start (exit code {proc.returncode})") from None
            time.sleep(0.2)
