"""The official data a user imported: where it lives, how it is installed, which one answers.

``techpay official import`` builds a bundle from a newer BLS release (see
:mod:`techpay.official.build`) and installs it in the user's data directory, where it takes
precedence over the bundled release. The new bundle is written and checked beside the old one
under a temporary name and only then moved into place, so a failure at any point (bad input,
a full disk, Ctrl-C) leaves the release in use as it was, with nothing half-written behind.
"""

from __future__ import annotations

import os

from techpay.core.errors import EXIT_INTERRUPTED, OfficialDataError
from techpay.official.installed import BUNDLE_NAME, data_directory, imported_bundle

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Mapping

    from techpay.official.release import Release

    Progress = Callable[[int, int], None]

STALE_MONTHS = 24
RELEASE_MONTH = 5  # OEWS estimates are for May of the release's year
__all__ = ["BUNDLE_NAME", "data_directory", "imported_bundle"]


class ImportInterrupted(OfficialDataError):
    """Ctrl-C during an import: nothing was installed."""

    exit_code = EXIT_INTERRUPTED


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
    older or incomplete release without ``force``, an empty one, or a data directory that
    cannot take the bundle.
    """
    from techpay.official import install, sources
    from techpay.official.bundle import forget
    from techpay.official.release import SourceError

    folder = data_directory()
    try:
        with install.Scratch(folder) as scratch:
            install.remove(install.leftovers(folder), strict=False)
            release = sources.read(source, scratch, progress)
            _check_release(release, source, force)
            today = current_date().isoformat()
            release.meta["imported"] = today
            release.meta.setdefault("retrieved", today)
            built = scratch(f"{BUNDLE_NAME}.new")
            sha256 = _build(release, built, force)
            replaced = imported_bundle()
            install.install(built, sha256, scratch)
            forget(replaced or "")
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


def _check_release(release: Release, source: str, force: bool) -> None:
    """A release dated after today is refused; an older one than that in use only with
    ``force``."""
    from techpay.official.release import SourceError

    code = release.meta.get("release_code", "")
    today = current_date()
    if int(code[:4]) > today.year:
        raise SourceError(
            f"{release.origin}: release {code} is of a year to come (today is {today})"
        )
    in_use = _meta_in_use()
    old_code = in_use.get("release_code", "")
    if not force and old_code and code < old_code:
        raise SourceError(
            f"{source} holds {release.meta.get('release')} ({code}), older than"
            f" {in_use.get('release')} ({old_code}), which answers now; add --force to"
            " import it anyway"
        )


def _meta_in_use() -> dict[str, str]:
    from techpay.official.bundle import open_bundle

    try:
        return open_bundle().meta()
    except OfficialDataError:
        return {}  # a damaged bundle in use: any release may replace it


def _build(release: Release, path: str, force: bool) -> str:
    """The bundle, written under a temporary name and checked; its SHA-256."""
    import sqlite3

    from techpay.core.paths import sha256_of
    from techpay.official import build
    from techpay.official.integrity import check_layout

    try:
        build.write(release, path)
    except sqlite3.Error as error:  # a full disk shows up here as "database or disk is full"
        raise OSError(str(error)) from None
    check_layout(path)
    build.check_complete(path, release.data, force)
    return sha256_of(path)


def reset() -> list[str]:
    """Remove the imported bundle (the bundled release answers again); what was removed.
    The sum file goes first: from then on the bundled release answers."""
    from techpay.official import install
    from techpay.official.bundle import forget

    folder = data_directory()
    forget(imported_bundle() or "")
    pointer = os.path.join(folder, f"{BUNDLE_NAME}.sha256")
    if not os.path.isdir(folder):
        return []
    try:
        with install.Lock(folder):
            removed = install.remove([pointer])
            removed += install.remove(
                [*install.superseded(folder, set()), *install.leftovers(folder)]
            )
    except OSError as error:  # the data directory cannot even be opened
        raise OfficialDataError(
            f"{folder}: cannot remove the imported release ({_reason(error)})"
        ) from None
    return removed


def status() -> dict[str, object]:
    """Which release answers now: bundled or imported, its facts, where it is, its sums."""
    import json

    from techpay.core.paths import bundled_file, sha256_of
    from techpay.official.bundle import bundle_path, open_bundle
    from techpay.official.install import leftovers

    path = bundle_path()
    meta = open_bundle(path).meta()
    imported = path == imported_bundle()
    bundled = bundled_file(BUNDLE_NAME)
    return {
        "answering": "imported" if imported else "bundled",
        "release": meta.get("release"),
        "release_code": meta.get("release_code"),
        "published": meta.get("published"),
        "imported": meta.get("imported"),
        "path": path,
        "sha256": sha256_of(path),
        "sha256_recorded": _recorded_sum(path),
        "leftovers": list(leftovers(data_directory())),
        "source_files": json.loads(meta.get("source_files", "{}")),
        "stale": stale_notice(meta) is not None,
        "bundled": {
            "release": open_bundle(bundled).meta().get("release") if bundled else None,
            "path": bundled,
        },
    }


def _recorded_sum(path: str) -> str | None:
    from techpay.official.integrity import recorded_sha256

    try:
        return recorded_sha256(path)
    except OfficialDataError:
        return None
