"""``marsad serve``: the JSON API and the web UI from one process.

Binds to 127.0.0.1 unless ``--host`` says otherwise, because the default deployment is
an analyst's own machine. The write token comes from the environment
(``MARSAD_WRITE_TOKEN``), never from the command line, where it would show up in the
process list and the shell history.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from marsad.cli import app


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL (default marsad.db).")] = None,
    host: Annotated[str, typer.Option("--host", help="Interface to bind (default: localhost only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    read_closed: Annotated[bool, typer.Option("--read-closed",
                                              help="Require the token for reading too.")] = False,
    warm: Annotated[bool, typer.Option("--warm", help="Build entity/listing views at start-up "
                                                      "(in the background) instead of on first use.")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "warning",
) -> None:
    """Serve the API (/api, docs at /docs) and the Arabic web UI (/) over one database.

    POST /api/articles is enabled only when MARSAD_WRITE_TOKEN is set (8+ characters).
    """
    import uvicorn

    from marsad.api.app import create_app
    from marsad.api.settings import Settings, SettingsError
    from marsad.store.base import DEFAULT_DB, StoreError

    url = db or DEFAULT_DB
    try:
        settings = Settings.from_env(read_open=False if read_closed else None, warm=warm or None)
        application = create_app(url, settings)
    except (SettingsError, StoreError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    writes = "enabled (token set)" if settings.write_token else "disabled (set MARSAD_WRITE_TOKEN to enable)"
    print(f"Marsad serving {url} at http://{host}:{port}/  ·  API docs /docs  ·  writes {writes}",
          file=sys.stderr)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}: other machines can reach this server", file=sys.stderr)
    uvicorn.run(application, host=host, port=port, log_level=log_level, access_log=False)
