"""Loading a dataset (the bundled one, with a user's files layered over it) and resolving the
role names people type. Reading each file is :mod:`techpay.core.documents`'; validating it,
:mod:`techpay.core.validation`'s."""

from __future__ import annotations

import os

from techpay.core.errors import AmbiguousRole, DataError, Problem, RoleNotFound
from techpay.core.names import normalise_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from techpay.core.records import DatasetRecord, RoleRecord

BUNDLED = "bundled"  # the origin of roles from the dataset that ships with techpay
SUGGESTION_COUNT = 3


def load_file(path: str) -> DatasetRecord:
    """Read and validate one dataset file on its own."""
    return load_layers([path], bundled=False).record


def data_files(option_files: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """The user's data files in layering order: ``TECHPAY_DATA`` first, then ``--data``."""
    from_env = [path for path in environ.get("TECHPAY_DATA", "").split(os.pathsep) if path]
    return [*from_env, *option_files]


def layer_paths(files: Sequence[str], *, bundled: bool = True) -> list[str]:
    """Every file to load, in order: the bundled dataset (unless not wanted), then ``files``."""
    from techpay.core.documents import bundled_path

    return [*([bundled_path()] if bundled else []), *files]


def check_layers(
    files: Sequence[str], *, bundled: bool = True
) -> tuple[DatasetRecord, list[Problem]]:
    """Validate every layer and the merged result; return the merge and *every* problem:
    each layer's own, then those between roles and files among all the valid roles."""
    from techpay.core.documents import bundled_path, read_document
    from techpay.core.layers import complete_roles, cross_problems, merge
    from techpay.core.validation import validate

    layers: list[tuple[str, str, DatasetRecord]] = []
    problems: list[Problem] = []
    earlier: dict[str, RoleRecord] = {}  # the roles of the layers so far, by id
    every_role = True  # whether every role of every layer is valid and merged
    paths = [(BUNDLED, bundled_path())] if bundled else []
    for origin, path in paths + [(file, file) for file in files]:
        try:
            raw = read_document(path)
        except DataError as error:
            problems += error.problems
            continue
        raw, unknown_problems, unknown = complete_roles(raw, earlier, path)
        record, found = validate(raw, path)
        problems += unknown_problems + [
            problem for problem in found if not _missing_from(problem, unknown)
        ]
        layers.append((origin, path, record))
        earlier.update((role["id"], role) for role in record["roles"])
        given, ids = raw.get("roles"), {role["id"] for role in record["roles"]}
        every_role &= isinstance(given, list) and len(given) == len(ids)  # none left out
    merged = merge([(origin, record) for origin, _, record in layers])
    return merged, problems + cross_problems(layers, merged, every_role=every_role)


def _missing_from(problem: Problem, roles: set[str]) -> bool:
    """Whether the problem is a required field one of ``roles`` leaves out (each of them
    has a problem of its own: it names no earlier role)."""
    from techpay.core.layers import REQUIRED
    from techpay.core.validation import MISSING_FIELD

    missing = problem.message == MISSING_FIELD
    return missing and problem.role in roles and problem.field in REQUIRED


def load_layers(files: Sequence[str], *, bundled: bool = True) -> Catalog:
    """The bundled dataset (unless ``bundled`` is false) with ``files`` layered over it."""
    merged, problems = check_layers(files, bundled=bundled)
    if problems:
        raise DataError(problems)
    if not merged["roles"]:
        raise DataError([Problem(files[-1] if files else "(no data)", "no roles to work on")])
    return Catalog(merged)


def as_document(record: DatasetRecord) -> DatasetRecord:
    """The record as a data file holds it: without what the loader adds to each role (its
    ``origin`` and its ``official`` figures)."""
    roles: list[RoleRecord] = []
    for role in record["roles"]:
        document_role = dict(role)
        document_role.pop("origin", None)
        document_role.pop("official", None)
        roles.append(document_role)  # type: ignore[arg-type]
    return {**record, "roles": roles}


def load_bundled() -> Catalog:
    """The dataset that ships with techpay."""
    return load_layers([])


class RoleNames:
    """Every name each role answers to, for resolving what people type and for completion.

    Built from records, or straight from the cache (it is plain data), so that answering
    ``show sre`` or a TAB press needs no other part of the dataset.
    """

    def __init__(self, index: dict[str, list[str]], ids: list[str], typed: list[str]) -> None:
        self.index = index  # normalised id, alias or title -> ids of the roles it names
        self.ids = ids  # role ids in dataset order
        self.typed = typed  # ids and aliases in dataset order: what completion offers

    @classmethod
    def of(cls, roles: list[RoleRecord]) -> RoleNames:
        index: dict[str, list[str]] = {}
        for role in roles:
            for name in (role["id"], *role["aliases"], normalise_name(role["title"])):
                ids = index.setdefault(name, [])
                if role["id"] not in ids:
                    ids.append(role["id"])
        typed = [name for role in roles for name in (role["id"], *role["aliases"])]
        return cls(index, [role["id"] for role in roles], typed)

    def resolve(self, query: str) -> str:
        """The id of the role named by id, alias or title, or by a prefix that fits only one."""
        key = normalise_name(query)
        if not key:
            raise RoleNotFound(query, [])
        matches = set(self.index.get(key, ())) or {
            role_id for name, ids in self.index.items() if name.startswith(key) for role_id in ids
        }
        if len(matches) == 1:
            return matches.pop()
        if matches:
            raise AmbiguousRole(query, [role_id for role_id in self.ids if role_id in matches])
        raise RoleNotFound(query, self.suggest(key))

    def suggest(self, key: str) -> list[str]:
        """The closest names to a misspelt one, best first, one name per role."""
        from difflib import SequenceMatcher

        scored: list[tuple[float, str, str]] = []
        for name, ids in self.index.items():
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

    def completions(self, incomplete: str) -> list[str]:
        """Ids and aliases that start with what was typed (TAB completion)."""
        prefix = incomplete.lower()
        return [name for name in self.typed if name.startswith(prefix)]


class Catalog:
    """A validated dataset and the names its roles answer to."""

    def __init__(self, record: DatasetRecord, names: RoleNames | None = None) -> None:
        self.record = record
        self.roles: list[RoleRecord] = record["roles"]
        self.role_names = names or RoleNames.of(self.roles)
        self._by_id = {role["id"]: role for role in self.roles}

    def names(self) -> list[str]:
        """Every id and alias (what completion offers), in dataset order."""
        return self.role_names.typed

    def resolve(self, query: str) -> RoleRecord:
        """The role named by id, alias or title, or by a prefix that fits only one role."""
        return self._by_id[self.role_names.resolve(query)]

    def resolve_all(self, queries: Iterable[str]) -> list[RoleRecord]:
        """Resolve several names, keeping their order."""
        return [self.resolve(query) for query in queries]
