"""Writing a dataset out as SQLite (``export -f sqlite``): normalised tables for SQL (or
datasette), with BLS's national figures for each role's occupation. Each role's skill tags
come computed, beside the roles, in their order (see ``techpay.commands.manage``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from techpay.core.queries import salary_midpoint

if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.core.records import DatasetRecord, RoleRecord

OFFICIAL_WAGES = ("p10", "p25", "median", "p75", "p90", "mean")

_SCHEMA = """
CREATE TABLE roles (
    id TEXT PRIMARY KEY, rank INTEGER, title TEXT NOT NULL, summary TEXT,
    salary_min INTEGER NOT NULL, salary_max INTEGER NOT NULL, salary_midpoint INTEGER NOT NULL,
    currency TEXT NOT NULL, open_ended INTEGER NOT NULL, salary_stated TEXT, salary_note TEXT,
    why_it_pays TEXT
);
CREATE TABLE aliases (role_id TEXT NOT NULL REFERENCES roles(id), alias TEXT PRIMARY KEY);
CREATE TABLE clusters (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE role_clusters (
    role_id TEXT NOT NULL REFERENCES roles(id), cluster_id TEXT NOT NULL REFERENCES clusters(id),
    PRIMARY KEY (role_id, cluster_id)
);
CREATE TABLE responsibilities (
    role_id TEXT NOT NULL REFERENCES roles(id), position INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (role_id, position)
);
CREATE TABLE skills (tag TEXT PRIMARY KEY);
-- ours: the tags each responsibility implies
CREATE TABLE responsibility_tags (
    role_id TEXT NOT NULL REFERENCES roles(id), position INTEGER NOT NULL,
    tag TEXT NOT NULL REFERENCES skills(tag),
    PRIMARY KEY (role_id, position, tag)
);
CREATE TABLE role_skills (
    role_id TEXT NOT NULL REFERENCES roles(id), position INTEGER NOT NULL, text TEXT NOT NULL,
    tag TEXT REFERENCES skills(tag)
);
CREATE INDEX role_skills_by_tag ON role_skills (tag);
CREATE TABLE meta_skills (position INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE synonyms (synonym TEXT PRIMARY KEY, tag TEXT NOT NULL);
CREATE TABLE occupations (
    role_id TEXT PRIMARY KEY REFERENCES roles(id), code TEXT NOT NULL, title TEXT NOT NULL,
    match TEXT NOT NULL, pay_code TEXT, note TEXT, url TEXT
);
-- BLS's national figures for each role's occupation; NULL where BLS published no number
CREATE TABLE official (
    role_id TEXT PRIMARY KEY REFERENCES roles(id), source TEXT NOT NULL, release TEXT NOT NULL,
    occupation_code TEXT NOT NULL, occupation_title TEXT NOT NULL, area_code TEXT NOT NULL,
    employment INTEGER, p10 INTEGER, p25 INTEGER, median INTEGER, p75 INTEGER, p90 INTEGER,
    mean INTEGER
);
"""


def write_sqlite(
    record: DatasetRecord, roles: list[RoleRecord], tags: Sequence[Sequence[str]], path: str
) -> None:
    """Normalised tables for SQL (or datasette): one row per role, skill, tag and duty.

    ``role_skills`` has a row per (skill, tag) pair, so ``WHERE tag = 'python'`` finds roles.
    """
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.executescript(_SCHEMA)
            connection.executemany("INSERT INTO clusters VALUES (?, ?)", record["clusters"].items())
            connection.executemany(
                "INSERT INTO meta_skills VALUES (?, ?)", enumerate(record["meta_skills"], 1)
            )
            every = sorted({tag for tagged in tags for tag in tagged})
            connection.executemany("INSERT INTO skills VALUES (?)", ((tag,) for tag in every))
            connection.executemany("INSERT INTO synonyms VALUES (?, ?)", record["synonyms"].items())
            for role in roles:
                _insert_role(connection, role)
                _insert_official(connection, role)
    finally:
        connection.close()


def _insert_official(connection: Any, role: RoleRecord) -> None:
    """The role's occupation mapping, and BLS's national figures for it (when there are any)."""
    occupation, official = role["occupation"], role.get("official")
    if occupation is not None:
        connection.execute(
            "INSERT INTO occupations VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                role["id"],
                occupation["code"],
                occupation["title"],
                occupation["match"],
                occupation["pay_code"],
                occupation["note"],
                occupation["url"],
            ),
        )
    if official is not None:
        wages = official["annual_wages"]
        connection.execute(
            "INSERT INTO official VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                role["id"],
                official["source"],
                official["release"],
                official["occupation"]["code"],
                official["occupation"]["title"],
                official["area"]["code"],
                official["employment"],
                *(wages[name] for name in OFFICIAL_WAGES),  # type: ignore[literal-required]
            ),
        )


def _insert_role(connection: Any, role: RoleRecord) -> None:
    salary = role["salary"]
    connection.execute(
        "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            role["id"],
            role["rank"],
            role["title"],
            role["summary"],
            salary["min"],
            salary["max"],
            salary_midpoint(salary),
            salary["currency"],
            salary["open_ended"],
            salary["stated"],
            salary["note"],
            role["why_it_pays"],
        ),
    )
    role_id = role["id"]
    connection.executemany(
        "INSERT INTO aliases VALUES (?, ?)", ((role_id, a) for a in role["aliases"])
    )
    connection.executemany(
        "INSERT INTO role_clusters VALUES (?, ?)", ((role_id, c) for c in role["clusters"])
    )
    connection.executemany(
        "INSERT INTO responsibilities VALUES (?, ?, ?)",
        ((role_id, n, text) for n, text in enumerate(role["responsibilities"], 1)),
    )
    tagged = role["responsibility_tags"]
    connection.executemany(
        "INSERT INTO responsibility_tags VALUES (?, ?, ?)",
        (
            (role_id, n, tag)
            for n, text in enumerate(role["responsibilities"], 1)
            for tag in tagged.get(text, ())
        ),
    )
    rows = []
    for position, skill in enumerate(role["skills"], 1):
        tags: list[str | None] = [*skill["tags"]] or [None]  # a skill without tags keeps its row
        rows += [(role_id, position, skill["text"], tag) for tag in tags]
    connection.executemany("INSERT INTO role_skills VALUES (?, ?, ?, ?)", rows)
