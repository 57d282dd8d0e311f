"""Whether a bundle is the one recorded: its SHA-256 against the sum recorded for it, and
its layout (it has a release among its facts). Checked whenever the cache is rebuilt, and
after an import writes a bundle, before it is installed."""

from __future__ import annotations

from techpay.core.errors import OfficialDataError
from techpay.official.bundle import Bundle, remedy


def verify(path: str) -> None:
    """Check the bundle against the SHA-256 recorded for it, and that it has our tables.

    Raises :class:`OfficialDataError` naming the file and what is wrong.
    """
    check_sha256(path, recorded_sha256(path))
    check_layout(path)


def recorded_sha256(path: str) -> str:
    """The SHA-256 recorded for the bundle: in its name (an imported bundle, see
    :mod:`techpay.official.installed`), or in ``PATH.sha256`` as sha256sum writes it."""
    from techpay.official.installed import sum_in_name

    named = sum_in_name(path)
    if named is not None:
        return named
    try:
        with open(f"{path}.sha256", encoding="ascii") as stream:
            return stream.read().split()[0]
    except (OSError, ValueError, IndexError) as error:
        raise _cannot_check(path, error) from None


def check_sha256(path: str, expected: str) -> None:
    """Hash the bundle (all of it: 11 MB for the bundled release) and compare."""
    from techpay.core.paths import sha256_of

    try:
        actual = sha256_of(path)
    except (OSError, ValueError) as error:
        raise _cannot_check(path, error) from None
    if actual != expected:
        raise OfficialDataError(
            f"{path}: the official data is damaged (its SHA-256 does not match the one recorded"
            f" for it); {remedy(path)}"
        )


def check_layout(path: str) -> None:
    """Fail on a file that is not our bundle (it has no release in its facts)."""
    Bundle(path).meta()


def _cannot_check(path: str, error: Exception) -> OfficialDataError:
    return OfficialDataError(f"{path}: cannot check the official data ({error}); {remedy(path)}")
