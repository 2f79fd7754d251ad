"""Writing results to disk: atomically, so an interrupted run never leaves a half-written file.

Every file the package writes goes through :func:`atomic_write`: the content goes to a
temporary file in the same folder, which is renamed over the target only once it is complete.
A run killed halfway leaves the previous file (or none), never a truncated table that looks
complete.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

__all__ = ["atomic_path", "atomic_write", "write_text"]


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` if the block succeeds.

    For writers that want a path rather than a file object (``DataFrame.to_parquet``,
    ``Figure.savefig``). On an exception the temporary file is removed and ``path`` is left
    as it was.

    Args:
        path: The file to write.

    Yields:
        The temporary path to write to.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fresh name (not mkstemp, whose files are private to the owner) so the result gets the
    # same permissions as any file the user creates.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_write(
    path: str | Path, *, mode: Literal["w", "wb"] = "w", encoding: str | None = "utf-8"
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; rename it over ``path`` on success.

    Args:
        path: The file to write.
        mode: ``"w"`` for text, ``"wb"`` for bytes.
        encoding: Text encoding (ignored for ``"wb"``).

    Yields:
        The open file. Text mode writes ``\\n`` line ends on every platform.
    """
    with atomic_path(path) as tmp:
        if mode == "wb":
            with tmp.open("wb") as f:
                yield f
        else:
            with tmp.open("w", encoding=encoding, newline="") as f:
                yield f


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    with atomic_write(path, encoding=encoding) as f:
        f.write(text)
    return Path(path)
