"""`reportgen serve`: the site on localhost, and nothing else: no directory listings, no file
reached through a symlink that leads out of the site folder, no dotfiles (the manifest, the
lock)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
from collections.abc import Callable
from pathlib import Path


class ServeError(Exception):
    """The server cannot start; the message is the one line shown to the user."""


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of one folder; a folder is served by its index.html or not at all."""

    def translate_path(self, path: str) -> str:
        translated = super().translate_path(path)
        root = Path(self.directory).resolve()
        real = Path(translated).resolve()
        if real != root and root not in real.parents:
            return str(root / ".not-served")  # out of the folder (through a symlink): not found
        if any(part.startswith(".") for part in real.relative_to(root).parts):
            return str(root / ".not-served")  # the manifest, the lock, temporary files
        return translated

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "Not found")
        return None


def site_server(output: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server for `output` on 127.0.0.1:`port` (0: a free port, see `server_address`)."""
    handler = functools.partial(SiteHandler, directory=str(output.resolve()))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ServeError(f"cannot listen on 127.0.0.1:{port} ({reason}); try --port") from exc


def serve_site(output: Path, port: int, on_ready: Callable[[str], None]) -> None:
    with site_server(output, port) as server:
        port = server.server_address[1]
        on_ready(f"serving {output} on http://127.0.0.1:{port}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
