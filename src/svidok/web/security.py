"""What keeps the server safe: security headers, the ingest token, and the ingest folders."""

from __future__ import annotations

import hmac
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware

# No script runs anywhere in the UI; styles and images come from the server only.
CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def require_token(request: Request, token: str | None) -> None:
    """401 without credentials, 403 with wrong ones or when the server has no token (read-only)."""
    if not token:
        raise HTTPException(403, "This server is read-only: start it with --token to allow ingest.")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "Send the ingest token as 'Authorization: Bearer <token>'.",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(403, "The ingest token is wrong.")


def allowed_path(path: str, roots: tuple[Path, ...]) -> Path:
    """``path`` resolved (symlinks and ``..`` followed) if it lies inside one of ``roots``; else 403."""
    if not roots:
        raise HTTPException(403, "Ingest by server path is off: start the server with --ingest-root.")
    if "\x00" in path:
        raise HTTPException(403, "Path refused.")
    resolved = Path(path).resolve()
    for root in roots:
        if resolved.is_relative_to(root.resolve()):
            if not resolved.exists():
                raise HTTPException(404, f"No file or folder {path!r} in the ingest folders.")
            return resolved
    raise HTTPException(403, f"{path!r} is outside the ingest folders.")


def reject_nul(request: Request) -> None:
    """A NUL character is no text anyone searches for, and PostgreSQL refuses it: 422 up front
    (a dependency of the API and the pages alike)."""
    for name, value in request.query_params.multi_items():
        if "\x00" in name or "\x00" in value:
            raise HTTPException(422, f"Parameter {name!r} holds a NUL character.")
