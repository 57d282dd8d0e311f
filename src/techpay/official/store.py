"""The official data a user imported: where it lives, how it is installed, which one answers.

``techpay official import`` builds a bundle from a newer BLS release (see
:mod:`techpay.official.build`) and installs it in the user's data directory, where it takes
precedence over the bundled release. The new bundle is written and checked beside the old one
under a temporary name and only then moved into place, so a failure at any point (bad input,
a full disk, Ctrl-C) leaves the release in use as it was, with nothing half-written behind.
"""

from __future__ import annotations

import os
import sys

from techpay.core.errors import EXIT_INTERRUPTED, OfficialDataError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterator, Mapping

    from techpay.official.build import Release

    Progress = Callable[[int, int], None]

BUNDLE_NAME = "oews.sqlite"
STALE_MONTHS = 24
RELEASE_MONTH = 5  # OEWS estimates are for May of the release's year


class ImportInterrupted(OfficialDataError):
    """Ctrl-C during an import: nothing was installed."""

    exit_code = EXIT_INTERRUPTED


def data_directory(environ: Mapping[str, str] = os.environ) -> str:
    """Where imported data lives: the XDG data directory (like the cache's, for data)."""
    if sys.platform == "win32":
        base = environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "techpay", "data")
    base = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "techpay")


def imported_path(environ: Mapping[str, str] = os.environ) -> str:
    """Where an imported bundle is (or would be) installed."""
    return os.path.join(data_directory(environ), BUNDLE_NAME)


def imported_bundle(environ: Mapping[str, str] = os.environ) -> str | None:
    """The imported bundle, if there is one: it answers instead of the bundled release."""
    path = imported_path(environ)
    return path if os.path.isfile(path) else None


def current_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """Today, or the day ``TECHPAY_TODAY`` names (``YYYY-MM-DD``): what the stale-release
    notice and an import's date go by, settable so that a test or a demo is not dated."""
    import datetime

    from techpay.core.errors import TechpayError

    named = environ.get("TECHPAY_TODAY")
    if not named:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(named)
    except ValueError:
        raise TechpayError(
            f"TECHPAY_TODAY is {named!r}; set it to a date such as 2026-05-15, or unset it"
        ) from None


def months_old(release_code: str, today: datetime.date) -> int | None:
    """How many months separate a release's May (``2025A01``) from today; None if unknown."""
    if len(release_code) < 4 or not release_code[:4].isdigit():
        return None
    return (today.year - int(release_code[:4])) * 12 + today.month - RELEASE_MONTH


def stale_notice(meta: Mapping[str, str], today: datetime.date | None = None) -> str | None:
    """One line for people when the release in use is more than 24 months old, else None
    (data text in it as the file has it: :func:`techpay.commands.output.warn` prints it
    literally)."""
    age = months_old(meta.get("release_code", ""), today or current_date())
    if age is None or age <= STALE_MONTHS:
        return None
    return (
        f"the official figures are from {meta.get('release', 'an old release')},"
        f" {age} months ago; BLS publishes a release every spring: download it and run"
        " 'techpay official import PATH' (see 'techpay official import --help')"
    )


def notice_for_bundle_in_use() -> str | None:
    """:func:`stale_notice` for the bundle that answers (None if it cannot be read: the
    command that needs it reports that)."""
    from techpay.official.bundle import open_bundle

    try:
        return stale_notice(open_bundle().meta())
    except OfficialDataError:
        return None


def import_release(
    source: str, *, force: bool = False, progress: Progress | None = None
) -> dict[str, str]:
    """Build a bundle from ``source`` and install it; returns the new release's facts.

    Raises :class:`OfficialDataError` (the release in use unchanged) for bad input, an
    older release without ``force``, or a data directory that cannot take the bundle.
    """
    from techpay.official import sources
    from techpay.official.build import SourceError
    from techpay.official.bundle import forget

    folder = data_directory()
    target = os.path.join(folder, BUNDLE_NAME)
    try:
        with _Scratch(folder) as scratch:
            release = sources.read(source, scratch, progress)
            _refuse_older(release.meta, source, force)
            today = current_date().isoformat()
            release.meta["imported"] = today
            release.meta.setdefault("retrieved", today)
            built = scratch(f"{BUNDLE_NAME}.new")
            _build(release, built)
            _install(built, target)
            forget(target)
            return dict(release.meta)
    except SourceError as error:
        raise OfficialDataError(f"{error}; the release in use is unchanged") from None
    except KeyboardInterrupt:
        raise ImportInterrupted("interrupted; the release in use is unchanged") from None
    except OSError as error:
        raise OfficialDataError(
            f"{folder}: cannot install the official data there ({_reason(error)});"
            " the release in use is unchanged"
        ) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


class _Scratch:
    """Names for temporary files in the data directory (made if need be); as a context
    manager, every one is removed at the end, whatever happens."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.paths: list[str] = []

    def __call__(self, name: str) -> str:
        path = os.path.join(self.folder, f".{name}.{os.getpid()}.partial")
        self.paths += [path, f"{path}.sha256"]
        return path

    def __enter__(self) -> _Scratch:
        os.makedirs(self.folder, exist_ok=True)
        return self

    def __exit__(self, *_: object) -> None:
        for path in self.paths:
            for leftover in (path, f"{path}.{os.getpid()}.partial"):  # build.write's own
                if os.path.lexists(leftover):
                    os.unlink(leftover)


def _refuse_older(meta: Mapping[str, str], source: str, force: bool) -> None:
    """An older release than the one in use only with ``force``."""
    from techpay.official.build import SourceError

    in_use = _meta_in_use()
    new_code, old_code = meta.get("release_code", ""), in_use.get("release_code", "")
    if not force and old_code and new_code < old_code:
        raise SourceError(
            f"{source} holds {meta.get('release')} ({new_code}), older than"
            f" {in_use.get('release')} ({old_code}), which answers now; add --force to"
            " import it anyway"
        )


def _meta_in_use() -> dict[str, str]:
    from techpay.official.bundle import open_bundle

    try:
        return open_bundle().meta()
    except OfficialDataError:
        return {}  # a damaged bundle in use: any release may replace it


def _build(release: Release, path: str) -> None:
    """The bundle and its ``.sha256``, written under temporary names and checked."""
    import sqlite3

    from techpay.core.paths import write_sha256_beside
    from techpay.official import build
    from techpay.official.bundle import verify

    try:
        build.write(release, path)
    except sqlite3.Error as error:  # a full disk shows up here as "database or disk is full"
        raise OSError(str(error)) from None
    write_sha256_beside(path, BUNDLE_NAME)
    verify(path)


def _install(built: str, target: str) -> None:
    """Move the new bundle into place: its sum first (a sum without its bundle is ignored),
    then the bundle, with Ctrl-C held off between the two."""
    with _NoInterrupts():
        os.replace(f"{built}.sha256", f"{target}.sha256")
        os.replace(built, target)


class _NoInterrupts:
    """Hold Ctrl-C off for a moment, where the platform can."""

    def __enter__(self) -> None:
        import signal

        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def __exit__(self, *_: object) -> None:
        import signal

        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def reset() -> list[str]:
    """Remove the imported bundle (the bundled release answers again); what was removed."""
    folder = data_directory()
    target = os.path.join(folder, BUNDLE_NAME)
    from techpay.official.bundle import forget

    forget(target)
    removed = []
    for path in (target, f"{target}.sha256", *_leftovers(folder)):
        if os.path.lexists(path):
            os.unlink(path)
            removed.append(path)
    return removed


def _leftovers(folder: str) -> Iterator[str]:
    """Temporary files of an import that was killed outright (never a normal failure's)."""
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.startswith(".") and ".partial" in name:
                yield os.path.join(folder, name)


def status() -> dict[str, object]:
    """Which release answers now: bundled or imported, its facts, where it is, its sums."""
    import json

    from techpay.core.paths import bundled_file, sha256_of
    from techpay.official.bundle import BUNDLE_NAME as BUNDLED_NAME
    from techpay.official.bundle import bundle_path, open_bundle

    path = bundle_path()
    meta = open_bundle(path).meta()
    imported = path == imported_bundle()
    bundled = bundled_file(BUNDLED_NAME)
    return {
        "answering": "imported" if imported else "bundled",
        "release": meta.get("release"),
        "release_code": meta.get("release_code"),
        "published": meta.get("published"),
        "imported": meta.get("imported"),
        "path": path,
        "sha256": sha256_of(path),
        "sha256_recorded": _recorded_sum(path),
        "source_files": json.loads(meta.get("source_files", "{}")),
        "stale": stale_notice(meta) is not None,
        "bundled": {
            "release": open_bundle(bundled).meta().get("release") if bundled else None,
            "path": bundled,
        },
    }


def _recorded_sum(path: str) -> str | None:
    try:
        with open(f"{path}.sha256", encoding="ascii", errors="replace") as stream:
            words = stream.read().split()
    except OSError:
        return None
    return words[0] if words else None
