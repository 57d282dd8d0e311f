"""The link between roles and the official figures: which occupation pays for a role, or for
an O*NET code typed alone. One mapping serves both (:func:`onet_pay_code`)."""

from __future__ import annotations

from techpay.core.absence import NO_OCCUPATION, no_figures

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from techpay.core.records import RoleRecord
    from techpay.official.bundle import Bundle

# Ours, not O*NET's or BLS's: the SOC occupation whose BLS wages stand in for an O*NET
# breakout (an O*NET-SOC code not ending in .00), which BLS does not publish wages for on its
# own; None where the SOC occupation it is part of is too broad to stand in. The bundled roles
# with these codes say the same in occupation.pay_code (tests/test_occupation_search.py holds
# them to it). A breakout not listed has no stand-in.
ONET_PAY_CODES: dict[str, str | None] = {
    "15-1299.05": "15-1212",  # Information Security Engineers: Information Security Analysts
    "15-1299.07": None,  # Blockchain Engineers: 15-1299 (all other computer jobs) is too broad
    "15-1299.08": "15-1241",  # Computer Systems Engineers/Architects: Network Architects
}


def onet_pay_code(code: str) -> str | None:
    """The SOC occupation whose official wages stand in for an O*NET-SOC or SOC code.

    The code itself for a SOC code (15-1252) or an O*NET code for a whole SOC occupation
    (15-1252.00); for an O*NET breakout (15-1299.08), what :data:`ONET_PAY_CODES` says, and
    None when it says nothing (BLS publishes no wages for a breakout on its own).
    """
    soc, _, detail = code.partition(".")
    return soc if detail in ("", "00") else ONET_PAY_CODES.get(code)


def pay_code(role: RoleRecord) -> str | None:
    """The SOC occupation whose official wages stand in for the role, if any:
    ``occupation.pay_code`` when given, else :func:`onet_pay_code` of its occupation."""
    occupation = role["occupation"]
    if occupation is None:
        return None
    return occupation["pay_code"] or onet_pay_code(occupation["code"])


def wage_match(role: RoleRecord) -> str | None:
    """How well the occupation whose wages are shown fits the role (ours: high, medium or
    low): the role's own match, at best medium where another occupation's wages stand in for
    an O*NET breakout (cybersecurity architect: high for the code, medium for the wages)."""
    occupation = role["occupation"]
    if occupation is None:
        return None
    stands_in = occupation["code"].partition(".")[2] not in ("", "00")
    return "medium" if stands_in and occupation["match"] == "high" else occupation["match"]


def occupation_facts(code: str, title: str | None, role: RoleRecord | None) -> dict[str, object]:
    """The occupation whose figures answer, as commands report it: its code and title and,
    for a role, how well it fits (``match``) and the role it stands in for."""
    return {
        "code": code,
        "title": title,
        "match": None if role is None else wage_match(role),
        "for_role": None if role is None else role["title"],
    }


def no_wages_reason(code: str) -> str:
    """Why an O*NET breakout has no official figures, in a few words."""
    soc = code.partition(".")[0]
    if code in ONET_PAY_CODES:
        return (
            f"BLS publishes no wages for O*NET occupation {code} on its own, and {soc},"
            " the SOC occupation it is part of, is too broad to stand in for it"
        )
    return (
        f"BLS publishes no wages for O*NET occupation {code} on its own; {soc} is the SOC"
        " occupation it is part of"
    )


def missing_reason(role: RoleRecord) -> str:
    """Why a role has no official figures, in a few words."""
    occupation = role["occupation"]
    if occupation is None:
        return NO_OCCUPATION
    code = pay_code(role)
    if code is None:
        return no_wages_reason(occupation["code"])
    return no_figures("the United States", code)


def attach(roles: Iterable[RoleRecord], bundle: Bundle) -> None:
    """Give each role the national figures of its occupation (None where there are none)."""
    for role in roles:
        code = pay_code(role)
        role["official"] = None if code is None else bundle.estimate(code)
