"""Loading a dataset (bundled or a user's TOML file) and resolving the role names people type."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from techpay.errors import AmbiguousRole, DataError, RoleNotFound
from techpay.names import normalise_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pydantic import ValidationError

    from techpay.records import DatasetRecord, RoleRecord

BUNDLED_NAME = "roles.toml"
MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real dataset; keeps a wrong file from hanging us
SUGGESTION_COUNT = 3


def bundled_path() -> str:
    """Where the bundled ``roles.toml`` is.

    Installed from a wheel it is package data (``techpay/data/roles.toml``). In an editable
    install the build tool leaves that copy off the import path, so we use the checkout's
    top-level ``data/roles.toml``, which is the file the wheel copies.
    """
    package_dir = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(package_dir, "data", BUNDLED_NAME)
    if os.path.isfile(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(os.path.dirname(package_dir)), "data", BUNDLED_NAME)
    if os.path.isfile(checkout):
        return checkout
    raise DataError([f"{packaged}: the bundled dataset is missing; reinstall techpay"])


def read_toml(path: str) -> dict[str, Any]:
    """Parse one TOML file; any failure is a :class:`DataError` naming the file (and line)."""
    import tomllib

    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise DataError([f"{path}: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"])
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise DataError([f"{path}: is a directory, not a TOML file"]) from None
    except OSError as error:
        raise DataError([f"{path}: cannot read: {error.strerror}"]) from None
    except UnicodeDecodeError as error:
        raise DataError([f"{path}: not UTF-8 text ({error.reason})"]) from None
    except tomllib.TOMLDecodeError as error:
        raise DataError([_syntax_problem(path, str(error))]) from None


def _syntax_problem(path: str, message: str) -> str:
    where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if where:
        return f"{path}:{where[1]}:{where[2]}: {message[: where.start()]}"
    return f"{path}: {message}"


def validate(raw: dict[str, Any], path: str) -> DatasetRecord:
    """Validate parsed TOML against the models; return the plain record of the dataset."""
    from pydantic import ValidationError

    from techpay.models import Dataset

    try:
        return Dataset.model_validate(raw).to_record()
    except ValidationError as error:
        raise DataError(schema_problems(error, raw, path)) from None


_MESSAGES = {"missing": "required field is missing", "extra_forbidden": "unknown field"}


def schema_problems(error: ValidationError, raw: dict[str, Any], path: str) -> list[str]:
    """One line per validation error: ``FILE: role 'id' -> salary.max: message``."""
    problems = []
    for detail in error.errors(include_url=False):
        where = _describe_location(detail["loc"], raw)
        message = _MESSAGES.get(detail["type"], detail["msg"]).removeprefix("Value error, ")
        value = detail.get("input")
        if detail["type"] not in _MESSAGES and isinstance(value, str | int | float | bool):
            message += f" (got {value!r})"
        problems.append(f"{path}: {where}{message}")
    return problems


def _describe_location(loc: tuple[int | str, ...], raw: dict[str, Any]) -> str:
    if not loc:
        return ""
    prefix = ""
    if loc[0] == "roles" and len(loc) > 1 and isinstance(loc[1], int):
        prefix = f"role {_role_label(raw, loc[1])}"
        loc = loc[2:]
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    field = field.lstrip(".")
    if prefix and field:
        return f"{prefix} -> {field}: "
    return f"{prefix or field}: "


def _role_label(raw: dict[str, Any], index: int) -> str:
    roles = raw.get("roles")
    role = roles[index] if isinstance(roles, list) and index < len(roles) else None
    if isinstance(role, dict) and isinstance(role.get("id"), str):
        return repr(role["id"])
    return f"#{index + 1}"


def load_file(path: str) -> DatasetRecord:
    """Read and validate one dataset file."""
    return validate(read_toml(path), path)


def load_bundled() -> Catalog:
    """The dataset that ships with techpay."""
    return Catalog(load_file(bundled_path()))


class Catalog:
    """A validated dataset with a case-insensitive index of every name a role answers to."""

    def __init__(self, record: DatasetRecord) -> None:
        self.record = record
        self.roles: list[RoleRecord] = record["roles"]
        self._by_id = {role["id"]: role for role in self.roles}
        self._names: dict[str, set[str]] = {}
        for role in self.roles:
            for name in (role["id"], *role["aliases"], normalise_name(role["title"])):
                self._names.setdefault(name, set()).add(role["id"])

    def names(self) -> list[str]:
        """Every id and alias (what completion offers), in article order."""
        return [name for role in self.roles for name in (role["id"], *role["aliases"])]

    def resolve(self, query: str) -> RoleRecord:
        """The role named by id, alias or title, or by a prefix that fits only one role."""
        key = normalise_name(query)
        if not key:
            raise RoleNotFound(query, [])
        matches = set(self._names.get(key, ())) or {
            role_id for name, ids in self._names.items() if name.startswith(key) for role_id in ids
        }
        if len(matches) == 1:
            return self._by_id[matches.pop()]
        if matches:
            raise AmbiguousRole(query, self._in_order(matches))
        raise RoleNotFound(query, self.suggest(key))

    def resolve_all(self, queries: Iterable[str]) -> list[RoleRecord]:
        """Resolve several names, keeping their order."""
        return [self.resolve(query) for query in queries]

    def suggest(self, key: str) -> list[str]:
        """The closest names to a misspelt one, best first, one name per role."""
        from difflib import SequenceMatcher

        scored: list[tuple[float, str, str]] = []
        for name, ids in self._names.items():
            score = SequenceMatcher(None, key, name).ratio()
            if key and key in name:
                score += 1.0  # a name that contains what was typed beats a lookalike
            scored.extend((-score, name, role_id) for role_id in ids)
        suggestions: list[str] = []
        seen: set[str] = set()
        for negative_score, name, role_id in sorted(scored):
            if -negative_score < 0.6 or len(suggestions) == SUGGESTION_COUNT:
                break
            if role_id not in seen:
                seen.add(role_id)
                suggestions.append(name)
        return suggestions

    def _in_order(self, role_ids: set[str]) -> list[str]:
        return [role["id"] for role in self.roles if role["id"] in role_ids]
