"""The cold path (an empty cache) is faster without changing a byte of what techpay prints.

Each shortcut it takes is checked against the slow way it replaces: plainly valid data
checked without pydantic gives the models' record; JSON written without json's indented
encoder is json's text, byte for byte; the bundle's SHA-256 is only trusted when the file
is the one verified before; the collector is back as it was after a load. No test here
measures time.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import (
    ValidationError,
)

from conftest import examples
from techpay.core import fastcheck, fastgen, fastmodels, fastvalues, models
from techpay.core.documents import bundled_path, read_document

# --- Plainly valid data, checked without pydantic -------------------------------------------


def pydantic_record(raw):
    """What the models make of a document: its record, or None if they refuse it."""
    try:
        return models.Dataset.model_validate(raw).to_record()
    except ValidationError:
        return None


def same(fast, slow) -> bool:
    """Equal, key order and types included (``1 == True`` and ``{a, b} == {b, a}`` would
    pass ``==``)."""
    return json.dumps(fast) == json.dumps(slow)


def test_the_written_out_models_are_the_models():
    with open(fastgen.GENERATED, encoding="utf-8") as file:
        kept = file.read()
    assert kept == fastgen.current(), (
        f"techpay/core/fastmodels.py is not what the models say: run '{fastgen.REGENERATE}'"
    )


MODELS = [
    models.Salary,
    models.Skill,
    models.Occupation,
    models.Role,
    models.Source,
    models.Dataset,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_what_a_minimal_table_leaves_out_is_the_models_default(model):
    """A table with only the required fields (minimal but valid) gets every default."""
    minimal = MINIMAL[model.__name__]
    record = model.model_validate(minimal).model_dump(mode="json")
    checked = getattr(fastmodels, model.__name__.lower())(minimal)
    assert same(checked, record)


MINIMAL = {
    "Salary": {"min": 1, "max": 2},
    "Skill": {"text": "Python."},
    "Occupation": {"code": "15-1252", "title": "Software Developers", "match": "high"},
    "Role": {"id": "x", "title": "X", "salary": {"min": 1, "max": 2}},
    "Source": {"title": "An article"},
    "Dataset": {"roles": [{"id": "x", "title": "X", "salary": {"min": 1, "max": 2}}]},
}


def test_the_bundled_data_is_plainly_valid_and_checked_alike():
    raw = read_document(bundled_path())
    fast = fastcheck.plain_record(raw)
    assert fast is not None
    assert same(fast, pydantic_record(raw))


def test_loading_plainly_valid_data_does_not_import_pydantic():
    code = (
        "import sys; from techpay.core import dataset;"
        "from techpay.core.dataset import load_layers; load_layers([]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# Text as people (and editors, and other programs) write it: Unicode of every kind, the white
# space pydantic strips and the control characters it keeps, escapes, and lone surrogates
# (which a JSON file can spell).
AWKWARD_CHARACTERS = st.one_of(
    st.characters(),
    st.sampled_from(fastvalues.WHITE_SPACE + "\x00\x1c\x1d\x1e\x1f\x7f\u200b\ufeff\\\"'"),
    st.sampled_from(["\ud800", "\udfff"]),
)
TEXT = st.text(AWKWARD_CHARACTERS, max_size=12)
WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
NAME = st.lists(WORD, min_size=1, max_size=3).map("-".join)  # KEBAB_PATTERN
TAG = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789+#.", min_size=1, max_size=6),
    min_size=1,
    max_size=3,
).map("-".join)  # TAG_PATTERN
# How people type a tag that normalises to a valid one: capitals, spaces, underscores.
TYPED_TAG = st.builds(
    lambda tag, upper, pad, joiner: (
        pad + (tag.upper() if upper else tag).replace("-", joiner) + pad
    ),
    TAG,
    st.booleans(),
    st.sampled_from(["", " ", "\t"]),
    st.sampled_from(["-", "_", " ", " _ "]),
)
AMOUNT = st.integers(min_value=1, max_value=models.MAX_SALARY)
# Anything a field might hold instead: other types, limits, spellings the models coerce.
ODD_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, models.MAX_SALARY, models.MAX_SALARY + 1, 2**63, 2**64 + 1]),
    st.floats(),
    TEXT,
    st.sampled_from(["", " ", "1", "true", "USD", "usd", "high", "15-1252", "15-1252.00"]),
    st.sampled_from(["a--b", "-a", "a-", "A", "a\n", "\u0661\u0665-\u0661\u0662\u0665\u0662"]),
    st.lists(st.one_of(TEXT, NAME, st.integers()), max_size=3),
    st.dictionaries(st.one_of(NAME, TEXT), st.one_of(TEXT, NAME), max_size=2),
)


def optional(strategy):
    """A field's value, or None (JSON's null) now and then."""
    return st.one_of(strategy, st.none()) if strategy is not None else st.none()


@st.composite
def salaries(draw):
    low, high = sorted(draw(st.lists(AMOUNT, min_size=2, max_size=2)))
    optional_fields = {
        "currency": st.sampled_from(["USD", "EUR", "JPY"]),
        "open_ended": st.booleans(),
        "stated": optional(TEXT),
        "note": optional(TEXT),
    }
    return draw(
        st.fixed_dictionaries({"min": st.just(low), "max": st.just(high)}, optional=optional_fields)
    )


def skills():
    return st.fixed_dictionaries(
        {"text": TEXT},
        optional={"tags": st.lists(TYPED_TAG, max_size=3, unique_by=normalised)},
    )


def normalised(tag: str) -> str:
    from techpay.core.names import normalise_name

    return normalise_name(tag)


def occupations():
    code = st.from_regex(models.SOC_CODE, fullmatch=True)
    return st.fixed_dictionaries(
        {"code": code, "title": TEXT, "match": st.sampled_from(["high", "medium", "low"])},
        optional={
            "pay_code": optional(st.from_regex(models.PAY_CODE, fullmatch=True)),
            "note": optional(TEXT),
            "url": optional(TEXT),
        },
    )


# Responsibilities that the tags of responsibilities name (exactly, or as the models strip them).
DUTY = st.sampled_from(["Run it.", " Run it.", "Run it.\n", "Ship it."])


@st.composite
def roles(draw, number: int, clusters: list[str]):
    """A role whose names no other role uses (each role's names carry its number)."""
    names = st.lists(NAME.map(lambda name: f"r{number}-{name}"), max_size=3, unique=True)
    optional_fields = {
        "rank": optional(st.integers(min_value=1, max_value=2**70)),
        "aliases": names.map(lambda aliases: [f"alias-{alias}" for alias in aliases]),
        "clusters": st.lists(st.sampled_from(clusters), unique=True) if clusters else st.just([]),
        "summary": optional(TEXT),
        "why_it_pays": optional(TEXT),
        "responsibilities": st.lists(st.one_of(TEXT, DUTY), max_size=3),
        "responsibility_tags": st.dictionaries(
            st.one_of(DUTY, TEXT), st.lists(TYPED_TAG, max_size=3), max_size=2
        ),
        "skills": st.lists(skills(), max_size=3),
        "occupation": optional(occupations()),
        "replace": st.booleans(),
    }
    required = {
        "id": NAME.map(lambda name: f"r{number}-{name}"),
        "title": TEXT,
        "salary": salaries(),
    }
    return draw(st.fixed_dictionaries(required, optional=optional_fields))


@st.composite
def documents(draw):
    """A document of the models' shape: mostly valid, with text of every kind."""
    clusters = draw(st.dictionaries(NAME, TEXT, max_size=3))
    document = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "source": optional(
                    st.fixed_dictionaries(
                        {"title": TEXT},
                        optional={
                            "provenance": optional(TEXT),
                            "year": optional(st.integers(min_value=-(2**65), max_value=2**65)),
                            "region": optional(TEXT),
                            "ours": st.lists(TEXT, max_size=2),
                            "caveats": st.lists(TEXT, max_size=2),
                        },
                    )
                ),
                "meta_skills": st.lists(TEXT, max_size=3),
                "clusters": st.just(clusters),
                "synonyms": st.dictionaries(TYPED_TAG, TYPED_TAG, max_size=3),
            },
        )
    )
    count = draw(st.integers(min_value=0, max_value=3))
    document["roles"] = [draw(roles(number, list(clusters))) for number in range(count)]
    return document


def places(value, path=()):
    """Every (container, key) in a document, to change one value or key there."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            found += places(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            found += places(item)
    return found


@st.composite
def changed_documents(draw):
    """A document with a few values changed to odd ones, fields removed or unknown added."""
    document = draw(documents())
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        spots = places(document)
        if not spots:
            break
        container, key = draw(st.sampled_from(spots))
        change = draw(st.sampled_from(["value", "remove", "add"]))
        if change == "value":
            container[key] = draw(ODD_VALUE)
        elif change == "remove" and isinstance(container, dict):
            del container[key]
        elif change == "add" and isinstance(container, dict):
            container[draw(st.one_of(NAME, TEXT))] = draw(ODD_VALUE)
    return document


SETTINGS = settings(
    max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(documents())
def test_well_typed_documents_are_checked_alike(document):
    """Text of any kind, numbers at their limits, tags as people type them: where the
    models accept a document of plain values, so does the checker, with the same record."""
    slow = pydantic_record(document)
    fast = fastcheck.plain_record(document)

    if slow is None:
        assert fast is None
    else:
        assert fast is not None
        assert same(fast, slow)


@SETTINGS
@given(changed_documents())
def test_whatever_the_checker_accepts_the_models_accept_alike(document):
    """Odd values anywhere (other types, text for numbers, limits, unknown and missing
    fields): the checker either leaves the document to the models or gives their record."""
    fast = fastcheck.plain_record(document)

    if fast is not None:
        slow = pydantic_record(document)
        assert slow is not None
        assert same(fast, slow)


# --- JSON text made faster, byte for byte json's ----------------------------------------------


def json_text(value) -> str:
    """How techpay printed JSON before: json's own indented encoder."""
    return json.dumps(value, indent=2, ensure_ascii=True) + "\n"


def test_every_bundled_role_prints_as_json_printed_it():
    from techpay.commands.figures import role_object
    from techpay.render import data
    from techpay.start.dataentry import load_catalog

    roles = load_catalog([]).roles
    assert roles
    for role in roles:
        value = role_object(role)
        assert data.dumps(value) == json_text(value)
        assert data.item_json(value) == data.array_item(json_text(value))


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(),  # NaN, infinities and -0.0 included: json writes NaN, Infinity, -0.0
    TEXT,
)
KEYS = st.one_of(TEXT, st.integers(), st.floats(), st.booleans(), st.none())
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(TEXT, inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=3),  # keys json writes as text
    ),
    max_leaves=25,
)


@SETTINGS
@given(JSON_VALUES)
def test_any_value_prints_as_json_printed_it(value):
    from techpay.render import data

    assert data.dumps(value) == json_text(value)
    assert data.item_json(value) == data.array_item(json_text(value))


def test_what_json_refuses_is_still_refused_alike():
    from techpay.render import data

    cycle: list[object] = []
    cycle.append(cycle)
    for value in ({"when": {1, 2}}, cycle, {(1, 2): "tuple key"}):
        with pytest.raises((TypeError, ValueError)) as ours:
            data.dumps(value)
        with pytest.raises((TypeError, ValueError)) as theirs:
            json_text(value)
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))


def test_subclasses_of_plain_types_print_as_json_printed_them():
    import enum
    from collections import OrderedDict

    from techpay.render import data

    class Level(enum.IntEnum):
        HIGH = 3

    class Label(str):
        pass

    value = {"level": Level.HIGH, "label": Label("x\u00e9"), "table": OrderedDict(a=[1.5, True])}
    assert data.dumps(value) == json_text(value)
    assert data.item_json(value) == data.array_item(json_text(value))


# --- The collector paused while loading, and then as it was ------------------------------------


@pytest.fixture
def cold_cache(tmp_path, monkeypatch):
    """An empty cache directory, so that every load is a cold one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def collector():
    """The collector's state, put back after the test whatever it did."""
    import gc

    was_enabled = gc.isenabled()
    yield gc
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_cold_load_leaves_the_collector_as_it_found_it(cold_cache, collector, enabled):
    from techpay.start import dataentry

    if enabled:
        collector.enable()
    else:
        collector.disable()
    seen = []
    original = dataentry._sections

    def sections(catalog):
        seen.append(collector.isenabled())
        return original(catalog)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataentry, "_sections", sections)
        dataentry.entry_for([], rebuild=True)
    assert seen == [False]  # paused while building
    assert collector.isenabled() is enabled


def test_a_failed_load_leaves_the_collector_enabled(cold_cache, collector, tmp_path):
    from techpay.core.errors import DataError
    from techpay.start import dataentry

    bad = tmp_path / "bad.toml"
    bad.write_text('[[roles]]\nid = "x"\ntitle = "X"\nsalary = { min = -1, max = 2 }\n')
    collector.enable()
    with pytest.raises(DataError):
        dataentry.entry_for([str(bad)])
    assert collector.isenabled()


# --- The bundle hashed once while it stays the file that was hashed ----------------------------


@pytest.fixture
def hashes(monkeypatch):
    """Every bundle hashed, by path."""
    from techpay.core import paths

    hashed: list[str] = []
    original = paths.sha256_of

    def sha256_of(path):
        hashed.append(path)
        return original(path)

    monkeypatch.setattr(paths, "sha256_of", sha256_of)
    return hashed


@pytest.fixture
def bundle_copy(tmp_path, monkeypatch):
    """A copy of the shipped bundle and its recorded SHA-256, remembered as soon as
    hashed (a copy is new: with the usual settling time it would not be remembered yet)."""
    import shutil

    from techpay.official.bundle import bundle_path
    from techpay.start import cache

    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    copy = tmp_path / "bundle" / "oews.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(bundle_path(), copy)
    shutil.copyfile(f"{bundle_path()}.sha256", f"{copy}.sha256")
    return copy


def test_a_bundle_is_hashed_once_while_it_stays_the_same_file(cold_cache, hashes, bundle_copy):
    from techpay.start import cache

    for _ in range(3):
        cache.verify_bundle(str(bundle_copy))
    assert hashes == [str(bundle_copy)]


def test_a_bundle_damaged_after_it_was_verified_is_refused(cold_cache, hashes, bundle_copy):
    import os
    import time

    from techpay.core.errors import OfficialDataError
    from techpay.start import cache

    cache.verify_bundle(str(bundle_copy))
    before = os.stat(bundle_copy)
    time.sleep(0.05)  # file times are only as fine as the kernel's clock tick
    with open(bundle_copy, "r+b") as bundle:  # same size, same modification time
        bundle.seek(5000)
        bundle.write(b"damage")
    os.utime(bundle_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(OfficialDataError, match="damaged"):
        cache.verify_bundle(str(bundle_copy))
    assert len(hashes) == 2


def test_a_bundle_replaced_by_another_file_is_hashed_again(cold_cache, hashes, bundle_copy):
    import os
    import shutil

    from techpay.core.errors import OfficialDataError
    from techpay.start import cache

    cache.verify_bundle(str(bundle_copy))
    other = bundle_copy.with_name("other.sqlite")
    shutil.copyfile(bundle_copy, other)
    with open(other, "r+b") as bundle:
        bundle.seek(5000)
        bundle.write(b"damage")
    os.replace(other, bundle_copy)
    with pytest.raises(OfficialDataError, match="damaged"):
        cache.verify_bundle(str(bundle_copy))


def test_a_new_recorded_sum_means_hashing_again(cold_cache, hashes, bundle_copy):
    from techpay.core.errors import OfficialDataError
    from techpay.start import cache

    cache.verify_bundle(str(bundle_copy))
    bundle_copy.with_name("oews.sqlite.sha256").write_text(f"{'1' * 64}  oews.sqlite\n")
    with pytest.raises(OfficialDataError, match="damaged"):
        cache.verify_bundle(str(bundle_copy))


def test_a_bundle_changed_too_recently_is_not_remembered(
    cold_cache, hashes, bundle_copy, monkeypatch
):
    from techpay.start import cache

    monkeypatch.setattr(cache, "SETTLE_NS", 2_000_000_000)  # the copy was made just now
    cache.verify_bundle(str(bundle_copy))
    cache.verify_bundle(str(bundle_copy))
    assert len(hashes) == 2


def test_without_a_cache_every_check_hashes(hashes, bundle_copy, monkeypatch):
    from techpay.start import cache

    monkeypatch.setenv("TECHPAY_NO_CACHE", "1")
    cache.verify_bundle(str(bundle_copy))
    cache.verify_bundle(str(bundle_copy))
    assert len(hashes) == 2


def test_a_verified_file_that_is_not_a_bundle_is_still_refused(cold_cache, bundle_copy):
    from techpay.core.errors import OfficialDataError
    from techpay.core.paths import write_sha256_beside
    from techpay.start import cache

    bundle_copy.write_bytes(b"not a database" * 100)
    write_sha256_beside(str(bundle_copy), "oews.sqlite")
    for _ in range(2):  # hashed and remembered, then only its layout is checked
        with pytest.raises(OfficialDataError, match="damaged or incomplete"):
            cache.verify_bundle(str(bundle_copy))
