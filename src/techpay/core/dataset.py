"""Loading a dataset (bundled or a user's TOML file) and resolving the role names people type."""

from __future__ import annotations

import os

from techpay.core.errors import AmbiguousRole, DataError, Problem, RoleNotFound
from techpay.core.names import normalise_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from typing import Any

    from pydantic import ValidationError

    from techpay.core.records import DatasetRecord, RoleRecord

BUNDLED = "bundled"  # the origin of roles from the dataset that ships with techpay
BUNDLED_NAME = "roles.toml"
MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real dataset; keeps a wrong file from hanging us
SUGGESTION_COUNT = 3


def bundled_path() -> str:
    """Where the bundled ``roles.toml`` is (see :func:`techpay.core.paths.bundled_file`)."""
    from techpay.core.paths import bundled_file, packaged_file

    found = bundled_file(BUNDLED_NAME)
    if found is None:
        missing = packaged_file(BUNDLED_NAME)
        raise DataError([Problem(missing, "the bundled dataset is missing; reinstall techpay")])
    return found


def read_document(path: str) -> dict[str, Any]:
    """Parse one data file (TOML, or JSON when it ends in ``.json``).

    Any failure is a :class:`DataError` naming the file, and the line and column for syntax.
    """
    from techpay.core.sources import read_source  # not needed when the data comes from the cache

    try:
        content = read_source(path, MAX_FILE_BYTES)
        # A byte order mark, as some Windows editors write, says "UTF-8"; it is not content.
        text = content.decode("utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(path, "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(path, "is a directory, not a data file")]) from None
    except OSError as error:
        raise DataError([Problem(path, f"cannot read: {error.strerror}")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(path, f"not UTF-8 text ({error.reason})")]) from None
    parsed = _parse_within_limits(path, text)
    if not isinstance(parsed, dict):
        raise DataError([Problem(path, "expected a table of settings and [[roles]] at the top")])
    return parsed


def _parse_within_limits(path: str, text: str) -> Any:
    """Parse TOML or JSON; the limits the parsers and Python's ``int`` keep are problems with
    the file (one line naming it), not internal errors."""
    import sys

    parse = _parse_json if path.lower().endswith(".json") else _parse_toml
    try:
        return parse(path, text)
    except RecursionError:
        message = "data nested deeper than the parser allows (is this a techpay data file?)"
        raise DataError([Problem(path, message)]) from None
    except ValueError as error:
        if "integer string conversion" not in str(error):
            raise
        digits = sys.get_int_max_str_digits()
        message = f"an integer too long to convert (over {digits:,} digits)"
        raise DataError([Problem(path, message)]) from None


# From this size on, a data file is parsed by tomli, compiled, when it is installed: the same
# parser as tomllib (TOML 1.0), about twice as fast, but about 20 ms to import. Measured on
# a 10,000-role file (2.2 MB): 0.38-0.47 s against tomllib's 0.60-0.95 s; the import is
# worth it from about 150 KB (700 roles). tomllib still words every error.
LARGE_TOML_CHARACTERS = 256 * 1024


def _parse_toml(path: str, text: str) -> dict[str, Any]:
    import re
    import tomllib

    try:
        document = _parsed_quickly(text)
        return tomllib.loads(text) if document is None else document
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if not where:
            raise DataError([Problem(path, message)]) from None
        line, column = int(where[1]), int(where[2])
        problem = Problem(path, message[: where.start()], line=line, column=column)
        raise DataError([problem]) from None


def _parsed_quickly(text: str) -> dict[str, Any] | None:
    """A large file's document, parsed by compiled tomli; None for a small file, without
    tomli, or for a file tomli refuses (tomllib then says where, and why)."""
    if len(text) < LARGE_TOML_CHARACTERS:
        return None
    try:
        import tomli
    except ImportError:
        return None
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError:
        return None


def _parse_json(path: str, text: str) -> Any:
    import json

    from techpay.core.sources import RepeatedKey, repeated_key_problem, unique_keys

    try:
        return json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        problem = Problem(path, error.msg, line=error.lineno, column=error.colno)
        raise DataError([problem]) from None
    except RepeatedKey as repeated:
        raise DataError([repeated_key_problem(path, text, repeated.key)]) from None


def validate(raw: dict[str, Any], path: str) -> DatasetRecord:
    """Check parsed data against the models; return the plain record of the dataset.

    Plainly valid data is checked without importing pydantic (see
    :mod:`techpay.core.fastcheck`); the models judge the rest, and word every problem.
    """
    from techpay.core.fastcheck import plain_record

    record = plain_record(raw)
    if record is not None:
        return record
    from pydantic import ValidationError

    from techpay.core.models import Dataset

    try:
        return Dataset.model_validate(raw).to_record()
    except ValidationError as error:
        raise DataError(schema_problems(error, raw, path)) from None


# What a rejected value must be instead, in the words of the person who wrote the data file,
# by pydantic's error type ("Input should be greater than 0" is a programmer's wording).
# ``{gt}``-style fields come from the error's context.
_RULES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "string_unicode": "must be valid Unicode text (a lone surrogate is not)",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_parsing_size": "is too large a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "literal_error": "must be {expected}",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
}
_NOT_ECHOED = {"missing", "extra_forbidden"}  # the value is absent, or its key is the problem


def describe_error(detail: Mapping[str, Any]) -> str:
    """What is wrong with a value pydantic rejected, as a rule: ``must be at least 1``."""
    from techpay.core.rules import PATTERN_MEANINGS

    kind, context = detail["type"], detail.get("ctx") or {}
    if kind == "value_error":  # our own checks, already worded for people
        return str(context.get("error", detail["msg"]))
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        return f"must be {PATTERN_MEANINGS.get(pattern, f'text matching {pattern}')}"
    rule = _RULES.get(kind)
    if rule is None:  # a check added later: make pydantic's sentence at least read as a rule
        message = str(detail["msg"])
        return message.replace("Input should ", "must ").replace("String should ", "must ")
    figures = {
        key: f"{value:,}" if isinstance(value, int) else value for key, value in context.items()
    }
    return rule.format(**figures)


def as_written(value: object) -> str:
    """A value from a data file, briefly, as the file would write it: ``'x'``, ``12``,
    ``true``, ``a list``."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "null"
    return "a table" if isinstance(value, dict) else "a list"


def schema_problems(error: ValidationError, raw: dict[str, Any], path: str) -> list[Problem]:
    """One problem per validation error, naming the role and the field path."""
    problems = []
    for detail in error.errors(include_url=False):
        if not detail["loc"]:  # the whole dataset: list every cross-role problem, not the first
            problems += _consistency(raw["roles"], raw.get("clusters") or None, lambda _: path)
            continue
        role, field, is_key = _locate(detail["loc"], raw)
        message = describe_error(detail)
        value = detail.get("input")
        scalar = isinstance(value, str | int | float | bool)
        if detail["type"] not in _NOT_ECHOED and (scalar or detail["type"].endswith("_type")):
            message += f" (got {as_written(value)})"
        if is_key:
            message = f"each name {message}"
        problems.append(Problem(path, message, role=role, field=field or None))
    return problems


def _locate(loc: tuple[int | str, ...], raw: dict[str, Any]) -> tuple[str | None, str, bool]:
    """The role (id, or ``#N`` by position), the field path, and whether a table's key (not
    its value) is what is wrong."""
    role = None
    if loc[0] == "roles" and len(loc) > 1 and isinstance(loc[1], int):
        role = _role_label(raw, loc[1])
        loc = loc[2:]
    is_key = loc[-1:] == ("[key]",)
    if is_key:
        loc = loc[:-2]  # the key itself is quoted in the message, as the value that is wrong
    return role, "".join(_path_part(part) for part in loc).lstrip("."), is_key


def _path_part(part: int | str) -> str:
    """``[2]`` for a position, ``.name`` for a plain key, ``.'odd key'`` quoted otherwise."""
    if isinstance(part, int):
        return f"[{part}]"
    plain = part and all(
        character.isascii() and (character.isalnum() or character in "_-+#") for character in part
    )
    return f".{part}" if plain else f".{part!r}"


def _role_label(raw: dict[str, Any], index: int) -> str:
    roles = raw.get("roles")
    role = roles[index] if isinstance(roles, list) and index < len(roles) else None
    if isinstance(role, dict) and isinstance(role.get("id"), str):
        return str(role["id"])
    return f"#{index + 1}"


def _consistency(
    roles: list[Any], clusters: dict[str, str] | None, origin_of: Callable[[str], str]
) -> list[Problem]:
    from techpay.core.rules import consistency_problems

    names = ((role["id"], role.get("aliases", ()), role.get("clusters", ())) for role in roles)
    return [
        Problem(origin_of(role_id), message, role=role_id, field=field)
        for role_id, field, message in consistency_problems(names, clusters)
    ]


def load_file(path: str) -> DatasetRecord:
    """Read and validate one dataset file on its own."""
    return load_layers([path], bundled=False).record


def data_files(option_files: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """The user's data files in layering order: ``TECHPAY_DATA`` first, then ``--data``."""
    from_env = [path for path in environ.get("TECHPAY_DATA", "").split(os.pathsep) if path]
    return [*from_env, *option_files]


def layer_paths(files: Sequence[str], *, bundled: bool = True) -> list[str]:
    """Every file to load, in order: the bundled dataset (unless not wanted), then ``files``."""
    return [*([bundled_path()] if bundled else []), *files]


def check_layers(
    files: Sequence[str], *, bundled: bool = True
) -> tuple[DatasetRecord, list[Problem]]:
    """Validate every layer and the merged result; return the merge and *every* problem."""
    layers: list[tuple[str, str, DatasetRecord]] = []
    problems: list[Problem] = []
    paths = [(BUNDLED, bundled_path())] if bundled else []
    for path in paths + [(file, file) for file in files]:
        try:
            layers.append((path[0], path[1], validate(read_document(path[1]), path[1])))
        except DataError as error:
            problems += error.problems
    merged = merge([(origin, record) for origin, _, record in layers])
    shown_as = {origin: path for origin, path, _ in layers}
    origins = {role["id"]: shown_as[role.get("origin", "")] for role in merged["roles"]}
    problems += _consistency(list(merged["roles"]), merged["clusters"], origins.__getitem__)
    problems += _synonym_problems(layers, merged)
    return merged, problems


def _synonym_problems(
    layers: Sequence[tuple[str, str, DatasetRecord]], merged: DatasetRecord
) -> list[Problem]:
    from techpay.core.rules import synonym_problems

    tags, so_far = _tags(merged["roles"]), set[str]()
    problems: list[Problem] = []
    for _, path, record in layers:
        own = _tags(record["roles"])
        so_far |= own
        problems += [
            Problem(path, message, field=f"synonyms.{synonym}")
            for synonym, message in synonym_problems(record["synonyms"], tags | own, so_far)
        ]
    return problems


def _tags(roles: Iterable[RoleRecord]) -> set[str]:
    """Every tag the roles list, in skills or responsibilities.

    A layer's synonym may point at its own tags though a later layer replaces the roles that
    list them (a bundled synonym for an SRE tag stays valid when a user's file replaces the
    SRE), and may not shadow a tag of its own or an earlier layer; a tag a later layer lists
    wins over an earlier layer's synonym of the same spelling (see :func:`merge`).
    """
    tags: set[str] = set()
    for role in roles:
        tags.update(tag for skill in role["skills"] for tag in skill["tags"])
        tags.update(tag for duty in role["responsibility_tags"].values() for tag in duty)
    return tags


def load_layers(files: Sequence[str], *, bundled: bool = True) -> Catalog:
    """The bundled dataset (unless ``bundled`` is false) with ``files`` layered over it."""
    merged, problems = check_layers(files, bundled=bundled)
    if problems:
        raise DataError(problems)
    if not merged["roles"]:
        raise DataError([Problem(files[-1] if files else "(no data)", "no roles to work on")])
    return Catalog(merged)


def merge(layers: Sequence[tuple[str, DatasetRecord]]) -> DatasetRecord:
    """Layer datasets in order: a role whose id exists replaces it in place, a new one is added.

    Clusters and synonyms are combined (a later one wins, and a tag some role lists wins
    over a synonym spelt the same); the last layer that lists meta skills gives them; the
    first layer with a ``[source]`` describes the whole.
    """
    roles: dict[str, RoleRecord] = {}
    clusters: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    meta_skills: list[str] = []
    source = None
    for origin, record in layers:
        for role in record["roles"]:
            roles[role["id"]] = {**role, "origin": origin}
        clusters.update(record["clusters"])
        synonyms.update(record["synonyms"])
        meta_skills = record["meta_skills"] or meta_skills
        source = source or record["source"]
    tags = _tags(roles.values())
    return {
        "source": source,
        "meta_skills": meta_skills,
        "clusters": clusters,
        "synonyms": {synonym: tag for synonym, tag in synonyms.items() if synonym not in tags},
        "roles": list(roles.values()),
    }


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
