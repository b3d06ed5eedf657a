"""``svidok serve``: the web UI and REST API over an archive (needs the ``web`` extra)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token", envvar="SVIDOK_TOKEN",
    help="Allow POST /api/ingest for clients sending 'Authorization: Bearer TOKEN' (env SVIDOK_TOKEN). "
    "Without it the server is read-only.",
)  # fmt: skip
@click.option(
    "--ingest-root", "ingest_roots", multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A server folder whose files POST /api/ingest may read by path (repeatable; needs --token).",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Server processes (each opens the archive; more use more cores).",
)  # fmt: skip
def serve(
    db: str, host: str, port: int, token: str | None, ingest_roots: tuple[Path, ...], workers: int
) -> None:
    """Serve the archive: search, article, entity and quote pages, and the JSON API under /api
    (OpenAPI spec at /openapi.json)."""
    from .search import _require_existing_sqlite

    try:
        import uvicorn

        from svidok.web import WebConfig, create_app
        from svidok.web.app import config_to_environment
    except ImportError as exc:
        raise click.ClickException(
            f"svidok serve needs the web extra: pip install 'svidok[web]' ({exc.name} is missing)."
        ) from exc
    from svidok.errors import SvidokError

    _require_existing_sqlite(db)
    if ingest_roots and not token:
        raise click.ClickException("--ingest-root needs --token: ingest is off on a read-only server.")
    config = WebConfig(db=db, token=token, ingest_roots=tuple(ingest_roots))
    try:
        app = create_app(config)  # opened here too, so a bad archive fails before any worker starts
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    mode = "ingest on" if token else "read-only"
    click.echo(f"svidok: serving {db} on http://{host}:{port}/ ({mode}, {workers} worker(s))", err=True)
    # keep-alive longer than a loaded server's queue, so clients do not reuse a closing connection
    options = {"host": host, "port": port, "log_level": "warning", "timeout_keep_alive": 30}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    app.state.archive.store.close()
    os.environ.update(config_to_environment(config))
    uvicorn.run("svidok.web.app:app_from_environment", factory=True, workers=workers, **options)
