"""Writing a file the way an attacker cannot redirect: never through a planted symlink.

Export names are predictable (they say what the file holds), so someone who can write
to the output folder could plant a symlink there and have the next export overwrite
whatever it points to. `write_file` writes a new temporary file opened with O_EXCL and
O_NOFOLLOW (it cannot exist already, and cannot be a link), then renames it over the
target: a rename replaces the directory entry, a symlink included, and never writes
through it. A reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_file(target: Path | str, data: bytes, mode: int = 0o644) -> Path:
    """Write `data` to `target` atomically, without following a symlink at `target`."""
    target = Path(target)
    if target.is_dir() and not target.is_symlink():
        raise IsADirectoryError(f"{target} is a folder")
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
