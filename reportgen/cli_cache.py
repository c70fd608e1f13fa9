"""`reportgen cache ...`: the build cache's commands, each a few lines over `reportgen.cache`."""

from __future__ import annotations

from typing import Annotated

import typer

cache_app = typer.Typer(help="The build cache ($REPORTGEN_CACHE_DIR, else ~/.cache/reportgen).")


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every entry of the build cache."""
    from .cache import clear_cache, default_cache_dir

    typer.echo(f"removed {clear_cache(folder := default_cache_dir())} cache files from {folder}",
               err=True)  # fmt: skip


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, and the files and bytes of each of its parts."""
    from .cache import default_cache_dir
    from .cache.prune import cache_usage

    usage = cache_usage(folder := default_cache_dir())
    typer.echo(f"cache {folder}")
    for part in usage:
        typer.echo(f"{part.part:<12} {part.files:>8} files {_megabytes(part.size):>10}")
    total = sum(p.files for p in usage), sum(p.size for p in usage)
    typer.echo(f"{'all':<12} {total[0]:>8} files {_megabytes(total[1]):>10}")


@cache_app.command("prune")
def cache_prune(
    unused_days: Annotated[
        float,
        typer.Option("--unused-days", min=0, metavar="<days>",
                     help="Remove what no build has used for this many days."),  # fmt: skip
    ] = 30,
) -> None:
    """Remove the entries no build has used for a while (older code, edited articles)."""
    from .cache import default_cache_dir
    from .cache.prune import prune_cache

    gone = prune_cache(folder := default_cache_dir(), unused_days)
    typer.echo(f"removed {gone.files} cache files ({_megabytes(gone.size)}) unused for "
               f"{unused_days:g} days from {folder}", err=True)  # fmt: skip
