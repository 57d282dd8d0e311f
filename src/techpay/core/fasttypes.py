"""Each type a model gives a field, as the expression of :mod:`techpay.core.fastvalues`'
checks that checks a value of it: written by :mod:`techpay.core.fastgen` into the function
of the model. A type, constraint or validator there is no check for is refused, naming the
field, rather than let through unchecked; a validator of the models' own is mirrored by the
twin of its name in :mod:`techpay.core.fastvalues`.
"""

from __future__ import annotations

import inspect
import json
import re
import types
import typing
from typing import Annotated, Any, Literal

from annotated_types import Gt
from pydantic import AfterValidator, BaseModel, BeforeValidator, StringConstraints
from pydantic.fields import FieldInfo
from pydantic.types import Strict

from techpay.core import fastvalues, models, rules

VALUE = "\0"  # where the value goes in an expression
_CALL = re.compile(r"([A-Za-z_]\w*)\(\0\)")  # an expression that is one check of the value
_BOUND = re.compile(r"([A-Za-z_]\w*)\(([A-Za-z_]\w*), \0\)")  # one check, given a constant


class Unsupported(Exception):
    """The models say something the fast check has no check for."""


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def unwrap(hint: Any) -> tuple[Any, list[Any]]:
    """A type and its metadata, with that of ``Field(...)`` in ``Annotated`` spread out."""
    if typing.get_origin(hint) is not Annotated:
        return hint, []
    metadata: list[Any] = []
    for item in hint.__metadata__:
        metadata += item.metadata if isinstance(item, FieldInfo) else [item]
    return hint.__origin__, metadata


def nullable(hint: Any) -> tuple[Any, bool]:
    """The type of a value that may also be null, and whether it may.

    ``Annotated[X | None, ...]`` reads as ``Annotated[X, ...] | None``: its validators let
    null through, as ``_code``'s does (a validator that refuses null would be refused here
    when it has no twin, and told apart by the tests that check both ways alike)."""
    base, metadata = unwrap(hint)
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        others = [arg for arg in typing.get_args(base) if arg is not type(None)]
        if len(others) == 1 and len(typing.get_args(base)) == 2:
            return (Annotated[(others[0], *metadata)] if metadata else others[0]), True
    return hint, False


def twin_name(validator: Any) -> str:
    """The name of the twin in techpay.core.fastvalues of one of the models' validators."""
    outer = validator.__qualname__.split(".<locals>.")[0]
    return str(outer.rsplit(".", 1)[-1].lstrip("_"))


class Checks:
    """The checks of the types the models give their fields, and what they need defined."""

    def __init__(self) -> None:
        self.definitions: dict[str, str] = {}  # module-level names: patterns and checks
        self.models: list[type[BaseModel]] = []
        self.uses: set[str] = {"table"}  # names from techpay.core.fastvalues
        self.rules: set[str] = set()  # names from techpay.core.rules

    def call(self, name: str, *arguments: str) -> str:
        self.uses.add(name)
        return f"{name}({', '.join([*arguments, VALUE])})"

    def value(self, hint: Any, where: str) -> str:
        """The expression that checks a value of the type: validators before, the type and
        its constraints, then validators after."""
        base, metadata = unwrap(hint)
        befores = [item.func for item in metadata if isinstance(item, BeforeValidator)]
        afters = [item.func for item in metadata if isinstance(item, AfterValidator)]
        constraints = [
            item
            for item in metadata
            if not isinstance(item, BeforeValidator | AfterValidator | Strict)
        ]  # strict or not, only a value of the type itself is plain
        expression = VALUE
        for validator in befores:
            expression = self.twin(validator, where).replace(VALUE, expression)
        expression = self.base(base, constraints, where).replace(VALUE, expression)
        for validator in afters:
            expression = self.twin(validator, where).replace(VALUE, expression)
        return expression

    def base(self, hint: Any, constraints: list[Any], where: str) -> str:
        origin, arguments = typing.get_origin(hint), typing.get_args(hint)
        if hint is str:
            return self.string(constraints, where)
        if hint is int and not constraints:
            return self.call("whole")
        if hint is int and len(constraints) == 1 and isinstance(constraints[0], Gt):
            return self.call("above", str(constraints[0].gt))
        if not constraints:
            if hint is bool:
                return self.call("flag")
            if origin is Literal and all(isinstance(choice, str) for choice in arguments):
                return self.call("one_of", literal(arguments))
            if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
                return self.call("each", self.check(arguments[0], f"{where}_item"))
            if origin is dict:
                key, item = arguments
                keys, items = self.check(key, f"{where}_key"), self.check(item, f"{where}_item")
                return self.call("mapping", keys, items)
            if isinstance(hint, type) and issubclass(hint, BaseModel):
                return f"{self.model(hint)}({VALUE})"
        raise Unsupported(f"{where}: no fast check for {hint!r} with {constraints!r}")

    def string(self, constraints: list[Any], where: str) -> str:
        if not constraints:
            return self.call("string")
        if len(constraints) == 1 and isinstance(constraints[0], StringConstraints):
            given = {
                name: value for name, value in vars(constraints[0]).items() if value is not None
            }
            if given == {"strip_whitespace": True, "min_length": 1}:
                return self.call("text")
            if given.keys() == {"pattern"}:
                return self.call("matching", self.pattern(given["pattern"], where))
        raise Unsupported(f"{where}: no fast check for text with {constraints!r}")

    def pattern(self, pattern: str, where: str) -> str:
        name = self.rule(pattern, where)
        self.uses.add("fullmatch")
        self.definitions[f"_{name}"] = f"_{name} = fullmatch({name})"
        return f"_{name}"

    def rule(self, value: str, where: str) -> str:
        """The name techpay.core.rules gives a pattern (each is declared there, once)."""
        name = self.named(value)
        if name == literal(value):
            raise Unsupported(f"{where}: declare the pattern {value!r} in techpay.core.rules")
        return name

    def named(self, value: object) -> str:
        """A value as the module writes it: by its name in techpay.core.rules, if it has one."""
        for name, declared in vars(rules).items():
            if name.isupper() and declared == value:
                self.rules.add(name)
                return name
        return literal(value)

    def twin(self, validator: Any, where: str) -> str:
        """The check of a field's validator: its twin, called on the value; for a validator a
        function made (a closure), the check its twin makes of the same arguments."""
        name = twin_name(validator)
        if name not in fastvalues.TWINS:
            raise Unsupported(
                f"{where}: {validator.__qualname__} has no twin: write {name}() in"
                " techpay.core.fastvalues, mirroring it, and list it in TWINS"
            )
        if not validator.__closure__:
            return self.call(name)
        given = inspect.getclosurevars(validator).nonlocals
        parameters = inspect.signature(getattr(fastvalues, name)).parameters
        words = [self.named(given[parameter]) for parameter in parameters]
        self.uses.add(name)
        self.definitions[f"_{where}"] = f"_{where} = {name}({', '.join(words)})"
        return f"_{where}({VALUE})"

    def check(self, hint: Any, where: str) -> str:
        """A function that checks a value of the type: one of techpay.core.fastvalues, or
        one written here, named after the models' name for the type."""
        expression = self.value(hint, where)
        one = _CALL.fullmatch(expression)
        if one:
            return one[1]
        named = [name for name, declared in vars(models).items() if declared == hint]
        name = f"_{snake(named[0]) if named else where}"
        bound = _BOUND.fullmatch(expression)
        if bound:  # a check given a constant first: bound to it, a call the cheaper
            self.definitions[name] = f"{name} = partial({bound[1]}, {bound[2]})"
        else:
            body = expression.replace(VALUE, "value")
            self.definitions[name] = f"def {name}(value: Any) -> Any:\n    return {body}\n"
        return name

    def model(self, model: type[BaseModel]) -> str:
        if model not in self.models:
            self.models.append(model)
        return snake(model.__name__)


def literal(value: object) -> str:
    """A Python literal, text in double quotes as the code around it writes it."""
    if isinstance(value, tuple):
        return "(" + ", ".join(map(literal, value)) + ("," if len(value) == 1 else "") + ")"
    return json.dumps(value) if isinstance(value, str) else repr(value)
