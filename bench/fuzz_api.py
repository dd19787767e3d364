"""Schema-driven fuzz run of the API with schemathesis: no request may get a 5xx.

It builds the demo corpus (:mod:`marsad.web.demo`) in a temporary SQLite file, starts
``marsad serve`` on a free localhost port **with a write token**, and runs::

    schemathesis run http://127.0.0.1:PORT/openapi.json --checks not_a_server_error \
        --max-examples N --seed S -H "Authorization: Bearer <token>" --max-time T

so POST /api/articles bodies go through the real pipeline too. ``--checks all`` also
verifies response bodies against the response models. Exit code is schemathesis' own
(0 = no failure).

Usage: ``.venv/bin/python bench/fuzz_api.py [--max-examples 30] [--seed 1] [--checks not_a_server_error]``
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fuzz(exe: Path, base: str, token: str, args: argparse.Namespace, proc: subprocess.Popen[bytes],
          workdir: str) -> int:
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        cmd = [str(exe), "run", f"{base}/openapi.json", "--checks", args.checks,
               "--max-examples", str(args.max_examples), "--seed", str(args.seed),
               "--max-time", str(args.max_time), "-H", f"Authorization: Bearer {token}",
               "--request-timeout", "30", "--workers", "2", "--warnings", "off"]
        shown = [c if token not in c else "Authorization: Bearer ***" for c in cmd]
        print("running:", " ".join(shown), flush=True)
        return subprocess.call(cmd, cwd=workdir)  # keeps schemathesis' .schemathesis/ cache out of the repo
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def main() -> int:
    ap = argparse.ArgumentParser(description="schemathesis fuzz run against a local marsad serve")
    ap.add_argument("--max-examples", type=int, default=30, help="examples per operation (bounded)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-time", type=int, default=300, help="time budget in seconds")
    ap.add_argument("--checks", default="not_a_server_error", help="schemathesis checks (e.g. all)")
    ap.add_argument("--db", help="database to fuzz against (default: a fresh demo corpus)")
    args = ap.parse_args()
    exe = Path(sys.executable).with_name("schemathesis")
    if not exe.exists():
        print("error: schemathesis is not installed in this environment", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-") as tmp:
        db = args.db
        if not db:
            from marsad.web.demo import build_demo_store
            db = str(Path(tmp) / "demo.db")
            build_demo_store(db)
        token = secrets.token_urlsafe(24)
        port = free_port()
        env = {**os.environ, "MARSAD_WRITE_TOKEN": token}
        with open(Path(tmp) / "server.log", "w") as log:
            proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", db, "--port", str(port)],
                                    env=env, stdout=subprocess.DEVNULL, stderr=log)
            rc = _fuzz(exe, f"http://127.0.0.1:{port}", token, args, proc, tmp)
        text = (Path(tmp) / "server.log").read_text()
        if "Traceback" in text:
            print("server log has tracebacks:\n" + text[-4000:], file=sys.stderr)
            rc = rc or 1
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
