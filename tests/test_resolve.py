"""Roles are found by id, alias, title or a unique prefix, in any case; places by the names
people type for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.dataset import load_bundled
from techpay.core.errors import EXIT_ERROR, Ambiguous, AmbiguousRole, RoleNotFound
from techpay.official import places
from techpay.official.bundle import open_bundle
from techpay.official.places import resolve, words

CATALOG = load_bundled()


@pytest.mark.parametrize(
    ("query", "role_id"),
    [
        ("sre", "site-reliability-engineer"),
        ("SRE", "site-reliability-engineer"),
        ("devops", "devops-engineer"),
        ("mle", "machine-learning-engineer"),
        ("ml-engineer", "machine-learning-engineer"),
        ("ds", "data-scientist"),
        ("em", "software-engineering-manager"),
        ("ai-pm", "ai-product-manager"),
        ("cloud-architect", "cloud-solutions-architect"),
        ("security-architect", "cybersecurity-architect"),
        ("blockchain", "blockchain-developer"),
        ("Site Reliability Engineer", "site-reliability-engineer"),
        ("  machine learning ENGINEER ", "machine-learning-engineer"),
        ("site", "site-reliability-engineer"),
        ("cyber", "cybersecurity-architect"),
        ("block", "blockchain-developer"),
    ],
)
def test_names_people_type(query, role_id):
    assert CATALOG.resolve(query)["id"] == role_id


@given(st.sampled_from(CATALOG.roles), st.data())
def test_every_id_alias_and_title_finds_its_role_in_any_case(role, data):
    name = data.draw(st.sampled_from([role["id"], *role["aliases"], role["title"]]))
    typed = data.draw(st.sampled_from([name, name.upper(), name.title(), f"  {name} "]))
    assert CATALOG.resolve(typed)["id"] == role["id"]


def test_an_ambiguous_prefix_lists_the_candidates_in_article_order():
    with pytest.raises(AmbiguousRole) as caught:
        CATALOG.resolve("ai")
    assert caught.value.candidates == ["ai-research-scientist", "ai-product-manager"]
    assert str(caught.value) == (
        "'ai' could be any of: ai-research-scientist, ai-product-manager; type more of the name"
    )


def test_a_prefix_of_several_names_of_one_role_is_not_ambiguous():
    """'dev' starts both 'devops' and 'devops-engineer', which are the same role."""
    assert CATALOG.resolve("dev")["id"] == "devops-engineer"


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [
        ("sre2", ["sre"]),
        ("devosp", ["devops"]),
        ("reliability", ["site-reliability-engineer"]),
        ("manager", ["eng-manager", "ai-product-manager"]),
        ("data-scientst", ["data-scientist", "ai-scientist"]),
    ],
)
def test_unknown_names_suggest_the_closest(query, suggestions):
    with pytest.raises(RoleNotFound) as caught:
        CATALOG.resolve(query)
    assert caught.value.suggestions == suggestions


def test_no_suggestion_points_to_the_list():
    with pytest.raises(
        RoleNotFound, match=r"^no role matches 'zzz'; run 'techpay list' to see every role$"
    ):
        CATALOG.resolve("zzz")


def test_an_empty_name_matches_nothing():
    with pytest.raises(RoleNotFound):
        CATALOG.resolve("   ")


def test_names_lists_ids_and_aliases_for_completion():
    names = CATALOG.names()
    assert names[:4] == [
        "ai-research-scientist",
        "ai-researcher",
        "research-scientist",
        "ai-scientist",
    ]
    assert "sre" in names
    assert len(names) == len(set(names))


# Places: the names people type for states, metro areas and the nation.

BUNDLE = open_bundle()
AREAS = BUNDLE.areas()


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("york", ["3600000", "0035620", "0049620"]),  # New York and York-Hanover, PA
        ("columbia", ["1100000", "0017860", "0017900"]),  # DC; Columbia, MO; Columbia, SC
        ("bay area", ["0041860", "0041940"]),  # ours: San Francisco and San Jose
        ("research triangle", ["0039580", "0020500"]),  # ours: Raleigh and Durham
    ],
)
def test_a_name_that_fits_several_areas_lists_them(typed, codes):
    with pytest.raises(Ambiguous) as caught:
        resolve(typed, AREAS)
    listed = [candidate.rsplit("(", 1)[1].rstrip(")") for candidate in caught.value.candidates]
    assert set(codes) <= set(listed)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("nyc", "0035620"), ("NYC", "0035620"), ("sf", "0041860"), ("la", "0031080"),
        ("L.A.", "0031080"), ("dc", "0047900"), ("D.C.", "0047900"), ("twin cities", "0033460"),
        ("dfw", "0019100"), ("silicon valley", "0041940"), ("philly", "0037980"),
        ("U.S.", "0000000"), ("U.S.A.", "0000000"), ("united states of america", "0000000"),
        ("new york", "3600000"), ("washington", "5300000"), ("louisiana", "2200000"),
        ("district of columbia", "1100000"), ("ny", "3600000"), ("york hanover", "0049620"),
    ],
)  # fmt: skip
def test_names_people_use_for_places(typed, code):
    assert resolve(typed, AREAS)["code"] == code


def test_our_place_names_are_marked_ours_and_name_metro_areas_of_the_release():
    source = Path(places.__file__).read_text(encoding="utf-8")
    assert "# Ours, not BLS's: names people use for metro areas" in source
    for name, codes in places.NICKNAMES.items():
        assert name == " ".join(places.words(name)), name  # stored as typed words
        assert all(AREAS[code]["type"] == "metro" for code in codes), name


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ("new york", "'new york' is New York (state); for New York-Newark-Jersey City, NY-NJ"
         " (metro area), type --in nyc"),
        ("Washington", "'Washington' is Washington (state); for Washington-Arlington-Alexandria,"
         " DC-VA-MD-WV (metro area), type --in 'washington dc'"),
        ("la", "'la' is Los Angeles-Long Beach-Anaheim, CA (metro area; a name of ours); for"
         " Louisiana (state), type --in louisiana"),
        ("dc", "'dc' is Washington-Arlington-Alexandria, DC-VA-MD-WV (metro area; a name of"
         " ours); for District of Columbia (state), type --in 'district of columbia'"),
        ("ny", None), ("texas", None), ("nyc", None), ("austin", None), ("kansas", None),
    ],
)  # fmt: skip
def test_a_name_of_a_state_and_a_metro_area_says_which_and_how_to_ask_for_the_other(typed, note):
    assert places.find(typed, AREAS)[1] == note


def test_the_way_a_note_gives_to_ask_for_the_other_area_names_it_alone():
    """For every state and every name of ours: when a note is given, what it says to type
    names the other area, with no note of its own."""
    typed = [area["name"] for area in AREAS.values() if area["type"] == "state"]
    for name in [*typed, *places.NICKNAMES]:
        try:
            chosen, note = places.find(name, AREAS)
        except Ambiguous:
            continue
        if note is None:
            continue
        advice = note.rsplit("type --in ", 1)[1].strip("'")
        other, again = places.find(advice, AREAS)
        assert other["code"] != chosen["code"], name
        assert again is None, name
        assert other["name"] in note


def test_the_note_is_one_line_on_stderr_and_the_answer_on_stdout(cli):
    for extra in ([], ["--json"]):
        result = cli("where", "sre", "--in", "New York", *extra)
        assert result.exit_code == 0
        assert result.stderr == (
            "techpay: 'New York' is New York (state); for New York-Newark-Jersey City, NY-NJ"
            " (metro area), type --in nyc\n"
        )
        assert "New York" in result.stdout
    found = json.loads(cli("where", "sre", "--in", "nyc", "--json").stdout)
    assert [place["area"]["code"] for place in found["places"]] == ["0035620"]
    assert found["places"][0]["annual_wages"]["median"] == 166_830


def test_york_and_columbia_list_the_areas_on_the_command_line(cli):
    result = cli("show", "sre", "--in", "york")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith("techpay: 'york' could be any of: New York (3600000);")
    assert "York-Hanover, PA (0049620)" in result.stderr
    result = cli("where", "sre", "--in", "columbia")
    assert result.exit_code == EXIT_ERROR
    assert "Columbia, MO (0017860); Columbia, SC (0017900)" in result.stderr
    assert "District of Columbia (1100000)" in result.stderr


def test_our_place_names_complete_on_tab():
    listed = list(AREAS.values())
    assert places.completions("twin", listed) == ["twin-cities", "twin-falls-id"]
    assert places.completions("d", listed)[:5] == [
        "de", "dc", "delaware", "district-of-columbia", "dfw",
    ]  # fmt: skip
    assert "bay-area" in places.completions("bay", listed)


@given(st.text())
def test_words_split_any_text_as_the_letter_by_letter_rule_does(text):
    """The quick split (str.translate for ASCII) gives what the rule says for any text:
    lower-case runs of ASCII letters and digits, everything else separating them."""
    rule = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split()
    assert words(text) == rule
