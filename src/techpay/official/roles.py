"""The link between roles and the official figures: which occupation pays for a role."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from techpay.core.records import RoleRecord
    from techpay.official.bundle import Bundle


def pay_code(role: RoleRecord) -> str | None:
    """The SOC occupation whose official wages stand in for the role, if any.

    ``occupation.pay_code`` when given; else the occupation's code when it is a SOC code
    (15-1252) or an O*NET code for a whole SOC occupation (15-1252.00); else None (an O*NET
    breakout such as 15-1299.07 has no wages of its own).
    """
    occupation = role["occupation"]
    if occupation is None:
        return None
    if occupation["pay_code"]:
        return occupation["pay_code"]
    code, _, detail = occupation["code"].partition(".")
    return code if detail in ("", "00") else None


def missing_reason(role: RoleRecord) -> str:
    """Why a role has no official figures, in a few words."""
    occupation = role["occupation"]
    if occupation is None:
        return "no official occupation is mapped to this role"
    code = pay_code(role)
    if code is None:
        return f"BLS publishes no wages for O*NET occupation {occupation['code']} on its own"
    return f"BLS published no national figures for occupation {code}"


def attach(roles: Iterable[RoleRecord], bundle: Bundle) -> None:
    """Give each role the national figures of its occupation (None where there are none)."""
    for role in roles:
        code = pay_code(role)
        role["official"] = None if code is None else bundle.estimate(code)
