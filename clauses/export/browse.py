"""Datasette over an exported database: the metadata, facets and canned queries of ``metadata.yaml``.

Datasette is an optional extra (``pip install 'clauses[explore]'``), imported only here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clauses.errors import ClausesError
from clauses.export import DATABASE, metadata

INSTALL_HINT = "clauses explore needs Datasette: pip install 'clauses[explore]'"


def datasette_app(database: Path) -> Any:
    """A Datasette instance serving ``database`` read-only, named ``corpus`` as the metadata expects."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise ClausesError(INSTALL_HINT) from None
    if database.stem != DATABASE:
        raise ClausesError(f"the database must be named {DATABASE}.db for its metadata to apply", database)
    return Datasette(immutables=[str(database)], metadata=metadata(), settings={"facet_time_limit_ms": 1000})


def serve(app: Any, host: str, port: int) -> None:
    """Run Datasette until interrupted (Ctrl-C, SIGTERM); returns so the caller can clean up.

    uvicorn shuts down on a signal, then raises it again: as ``SystemExit``, not the default
    handler's sudden death, the temporary database is still removed.
    """
    import asyncio
    import signal

    import uvicorn

    asyncio.run(app.invoke_startup())
    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        uvicorn.run(app.app(), host=host, port=port, log_level="critical", lifespan="on", workers=1)
    except KeyboardInterrupt:
        pass
    except SystemExit as stop:  # ours on SIGTERM (0), or uvicorn's when it cannot bind (1)
        if stop.code:
            raise ClausesError(
                f"cannot serve on {host}:{port}: the address is in use or not this machine's"
            ) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit(signum: int, frame: Any) -> None:
    raise SystemExit(0)
