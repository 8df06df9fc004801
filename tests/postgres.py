"""Debian's PostgreSQL on 127.0.0.1, in a temporary data directory, for tests.

`initdb` refuses to run as root: under root the cluster belongs to the `postgres`
account Debian's package creates. The socket goes into the data directory, so
nothing under /var/run is touched, and the port is a free one (tests run in
parallel). Trust authentication on loopback only: the cluster lives for one session.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indicators.serving.apps import free_port

USER = "pm"  # the database superuser of the temporary cluster


def postgres_bin() -> Path | None:
    """The newest installed server's bin directory (initdb, pg_ctl), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def _as_owner(cmd: list[str], owner: pwd.struct_passwd | None) -> list[str]:
    return ["runuser", "-u", owner.pw_name, "--", *cmd] if owner else cmd


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a cluster, yield a connection string to its `postgres` database, remove it."""
    bindir = postgres_bin()
    if bindir is None:
        raise FileNotFoundError("Debian's postgresql is not installed")
    owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    top = Path(tempfile.mkdtemp(prefix="pm-postgres-"))
    data = top / "data"
    data.mkdir()
    if owner:
        for path in (top, data):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    port = free_port()

    def run(*cmd: str) -> None:
        done = subprocess.run(_as_owner(list(cmd), owner), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {done.stdout}{done.stderr}")

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
            "--no-sync", "--locale=C.UTF-8")  # fmt: skip
        options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(top / "log"),
            "-w", "-t", "60", "start")  # fmt: skip
        dsn = f"host=127.0.0.1 port={port} user={USER} dbname=postgres"
        _wait_ready(bindir, port)
        yield dsn
    finally:
        subprocess.run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], owner),
            capture_output=True,
        )
        shutil.rmtree(top, ignore_errors=True)


def _wait_ready(bindir: Path, port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                         capture_output=True).returncode != 0:  # fmt: skip
        if time.monotonic() > deadline:
            raise TimeoutError(f"PostgreSQL on port {port} did not accept connections")
        time.sleep(0.1)


def fresh_database(dsn: str) -> str:
    """A new empty database on the cluster of `dsn`; its connection string."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')  # a generated name: nothing to bind
    return dsn.replace("dbname=postgres", f"dbname={name}")
