"""The output files of a build as one set: locked, journalled, checked.

Renaming several files is never atomic as a set. So a build holds a lock on the folder,
checks every target is writable, writes every file under a temporary name, records the
renames it is about to do in a journal, renames, and removes the journal. A build killed
during the renames leaves the journal: the next build (or :func:`recover`) completes it, and
readers that find it say the set is incomplete. ``build.json`` lists each file's sha256, so
a reader can check that the files belong together.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from .errors import OutputError

JOURNAL = ".kg-journal.json"
MANIFEST = "build.json"
_TMP_PREFIX = ".kg-tmp-"


def sha256(data: bytes | Path) -> str:
    """The sha256 of bytes, or of a file's content (read in blocks)."""
    if isinstance(data, Path):
        h = hashlib.sha256()
        with data.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    return hashlib.sha256(data).hexdigest()


def staged(out_dir: Path, name: str) -> Path:
    """The temporary path to write ``name`` to, for a file too large to hold in memory; pass it
    to :func:`write_set` as the file's content. A build that dies leaves it to :func:`recover`."""
    return out_dir / f"{_TMP_PREFIX}{name}"


@contextlib.contextmanager
def locked(out_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the folder's build lock; another build holding it is an error unless ``wait``."""
    import fcntl

    try:  # the folder itself is locked (flock works on a directory): no lock file to leave behind
        fd = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(f"cannot lock output folder {out_dir}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise OutputError(f"another kg build is writing to {out_dir}; wait for it, or pass --wait to queue") from None
        recover(out_dir)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def recover(out_dir: Path) -> list[str]:
    """Finish the renames of a build that was killed half-way; remove stray temporary files.

    Returns the names of the files it completed. Call with the lock held.
    """
    done = []
    journal = out_dir / JOURNAL
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            renames, gone = plan["renames"], plan.get("remove", [])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            renames, gone = [], []  # a journal is written whole (temp + rename): an unreadable one is not ours
        for entry in renames:
            tmp, final = out_dir / Path(str(entry["tmp"])).name, out_dir / Path(str(entry["name"])).name
            if tmp.is_file():
                _replace(tmp, final)
                done.append(final.name)
        for name in gone:
            (out_dir / Path(str(name)).name).unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
    for stray in out_dir.glob(_TMP_PREFIX + "*"):
        stray.unlink(missing_ok=True)
    return done


def preflight(out_dir: Path, names: list[str]) -> None:
    """Every target can be replaced: fail before any file is touched."""
    for name in names:
        target = out_dir / name
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a folder")
        if target.exists() and not os.access(target, os.W_OK):
            raise OutputError(f"cannot write {target}: the file is read-only (chmod u+w it, or use another --out)")


def write_set(out_dir: Path, files: Mapping[str, bytes | Path], remove: tuple[str, ...] = (),
              crash_after: int | None = None) -> None:
    """Replace the files of ``out_dir`` by ``files`` as one set (call with the lock held);
    the files named in ``remove`` (an older build's page that this build does not write) go.
    A file's content is bytes, or the path :func:`staged` gave and the caller wrote.

    ``crash_after`` (tests only) stops after that many renames, as a kill would.
    """
    names = sorted(files)
    preflight(out_dir, names)
    gone = [n for n in remove if n not in files and (out_dir / n).is_file()]
    temps: dict[str, Path] = {n: data for n, data in files.items() if isinstance(data, Path)}
    try:
        for name in names:
            data = files[name]
            tmp = staged(out_dir, name)
            if isinstance(data, Path):
                if data != tmp:
                    raise OutputError(f"{data} is not the staged path of {name}")
                _sync_file(tmp)
            else:
                _write_synced(tmp, data)
            temps[name] = tmp
        plan = {"renames": [{"name": n, "tmp": temps[n].name, "sha256": sha256(files[n])} for n in names],
                "remove": gone}
        _write_synced(out_dir / f"{_TMP_PREFIX}journal", json.dumps(plan, indent=1).encode())
        os.replace(out_dir / f"{_TMP_PREFIX}journal", out_dir / JOURNAL)
        _sync_dir(out_dir)
    except OSError as exc:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        (out_dir / f"{_TMP_PREFIX}journal").unlink(missing_ok=True)
        raise OutputError(f"cannot write in {out_dir}: {exc.strerror or exc}; nothing was replaced") from None
    for i, name in enumerate(names):
        if crash_after is not None and i >= crash_after:
            return
        _replace(temps[name], out_dir / name)
    for name in gone:
        (out_dir / name).unlink(missing_ok=True)
    (out_dir / JOURNAL).unlink(missing_ok=True)
    _sync_dir(out_dir)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, 0o644)


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    os.chmod(path, 0o644)


def _replace(tmp: Path, final: Path) -> None:
    try:
        os.replace(tmp, final)
    except OSError as exc:
        raise OutputError(f"cannot replace {final}: {exc.strerror}; run kg build again to complete the set") from None


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_set(path: Path, digest: str | None = None) -> str | None:
    """Why the output set that ``path`` belongs to is not whole, or None when it is (or when
    the folder has no ``build.json``, e.g. a graph file from elsewhere)."""
    folder = path.parent
    if (folder / JOURNAL).is_file():
        return f"the build into {folder} was interrupted; run kg build again to complete its files"
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        expected = manifest["files"][path.name]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if digest is None:
        digest = sha256(path.read_bytes())
    if digest != expected:
        return f"{path.name} does not match {folder / MANIFEST} (a file of another build?); run kg build again"
    return None
