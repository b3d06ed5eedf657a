"""The REST API and web UI over an archive (``svidok serve``; needs the ``web`` extra).

>>> from svidok.web import WebConfig, create_app
>>> app = create_app(WebConfig(db="svidok.db"))   # an ASGI app: uvicorn, TestClient, ...
"""

from .app import create_app
from .config import WebConfig

__all__ = ["WebConfig", "create_app"]
