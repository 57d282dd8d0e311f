"""The models of :mod:`techpay.core.models` written out as the fast check.

The models are the one declaration of the data format. :mod:`techpay.core.fastcheck` must
not import pydantic, so this module reads each model's fields off it (their order, types,
constraints, defaults, and validators) and writes them as plain Python in
``techpay/core/fastmodels.py``: a function per model that checks a table field by field with
the checks of :mod:`techpay.core.fastvalues` (each type's, from :mod:`techpay.core.fasttypes`)
and builds the model's record. Written out, not driven by a table of fields, which took a
fifth longer. tests/test_cold_path.py fails when the file is not what the models say.

    python -m techpay.core.fastgen          # print the checker
    python -m techpay.core.fastgen --write  # bring techpay/core/fastmodels.py up to date
"""

from __future__ import annotations

import os
import sys
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from techpay.core import models
from techpay.core.fasttypes import (
    VALUE,
    Checks,
    Unsupported,
    literal,
    nullable,
    snake,
    twin_name,
    unwrap,
)

GENERATED = os.path.join(os.path.dirname(__file__), "fastmodels.py")
REGENERATE = "python -m techpay.core.fastgen --write"


class Writer(Checks):
    """The module text, written as the models are read."""

    def function(self, model: type[BaseModel]) -> str:
        """The function that checks a model's table and builds its record, field by field."""
        name = snake(model.__name__)
        fields = f"_{name.upper()}_FIELDS"
        names = "".join(f'\n    "{field}",' for field in model.model_fields)
        self.definitions[fields] = f"{fields} = frozenset(({names}\n))"
        hints = typing.get_type_hints(model, include_extras=True)
        head = [
            f"def {name}(raw: Any) -> dict[str, Any]:",
            f'    """``{model.__name__}``."""',
            f"    get = table(raw, {fields}).get",
        ]
        entries, after = [], []
        for field, info in model.model_fields.items():
            where = f"{name}_{field}"
            hint, optional = nullable(hints[field])
            expression = self.value(hint, where)
            if optional and not info.is_required() and info.default is None:
                head.append(f'    given_{field} = get("{field}")')
                check = expression.replace(VALUE, f"given_{field}")
                line = f"None if given_{field} is None else {check}"
            else:
                line = expression.replace(VALUE, self.given(field, info, hint, optional, where))
            if info.exclude:
                after.append(f"    {line}  # {field}: checked, left out of the record")
            else:
                entries.append(_entry(field, line))
        for validator in _validators(model):
            self.twin(validator, name)
            after.append(f"    {twin_name(validator)}(record)")
        body = ["    record: dict[str, Any] = {", *entries, "    }", *after, "    return record"]
        return "\n".join([*head, *body]) + "\n"

    def given(self, field: str, info: FieldInfo, hint: Any, optional: bool, where: str) -> str:
        """How the function reads the field: what a field left out gives is its default."""
        if info.is_required() and not optional:
            return f'get("{field}")'
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        container = typing.get_origin(unwrap(hint)[0]) in (tuple, dict)
        if not optional and container and default in ((), {}):
            self.uses.add("MISSING")  # the container's check gives an empty one
            return f'get("{field}", MISSING)'
        if not optional and type(default) in (str, int, bool):
            return f'get("{field}", {literal(default)})'
        raise Unsupported(f"{where}: no fast check for a field with a default of {default!r}")


def _entry(field: str, line: str) -> str:
    """A field of the record: on one line, or if too long, on its own lines."""
    entry = f'        "{field}": {line},'
    return entry if len(entry) <= 100 else f'        "{field}": (\n            {line}\n        ),'


def _validators(model: type[BaseModel]) -> list[Any]:
    """The validators of a model's own (field validators, then model validators), which its
    function applies to its record; refused, what would make the record differ from it."""
    decorators = model.__pydantic_decorators__
    for kind in ("validators", "root_validators", "field_serializers", "model_serializers"):
        if getattr(decorators, kind):
            raise Unsupported(f"{model.__name__}: no fast check for its {kind}")
    if decorators.computed_fields or model.model_config.get("extra") != "forbid":
        raise Unsupported(f"{model.__name__}: a record is only its fields; unknown ones refused")
    found: list[Any] = [
        *decorators.field_validators.values(),
        *decorators.model_validators.values(),
    ]
    for decorator in found:
        if decorator.info.mode != "after":
            raise Unsupported(f"{decorator.func.__qualname__}: only validators after the fields")
    return [decorator.func for decorator in found]


_HEADER = f'''"""The models of techpay.core.models as plain checks. Generated: do not edit.

Run ``{REGENERATE}`` after changing a model: tests/test_cold_path.py
fails until then. Read by techpay.core.fastcheck, which checks plainly valid data with it
without importing pydantic. Each model is a function that checks its table field by field,
in the model's order and with its defaults, and returns its record.
"""

from __future__ import annotations

# fmt: off
'''


def written(writer: Writer) -> str:
    """The module text."""
    functions = []
    for model in writer.models:  # the list grows as the models' fields name others
        functions.append(writer.function(model))
    imports = [
        _import("techpay.core.fastvalues", sorted(writer.uses, key=lambda n: (not n.isupper(), n))),
        _import("techpay.core.rules", sorted(writer.rules)),
    ]
    typing_only = "TYPE_CHECKING = False\nif TYPE_CHECKING:\n    from typing import Any\n"
    definitions = sorted(writer.definitions.values(), key=lambda text: text.startswith("def "))
    constants = "\n".join(text for text in definitions if not text.startswith("def "))
    defined = [text for text in definitions if text.startswith("def ")]
    top = "\n\n".join(["from functools import partial", "\n".join(imports), typing_only])
    bodies = "".join(f"\n\n{part.rstrip()}\n" for part in [*defined, *functions])
    return f"{_HEADER}{top}\n{constants}\n{bodies}"


def _import(module: str, names: list[str]) -> str:
    listed = "".join(f"    {name},\n" for name in names)
    return f"from {module} import (\n{listed})"


def current() -> str:
    """The fast check of the models as they are now."""
    writer = Writer()
    writer.model(models.Dataset)
    return written(writer)


def main(argv: list[str]) -> int:
    try:
        text = current()
    except Unsupported as error:
        sys.stderr.write(f"{error}\n")
        return 1
    from techpay.core.files import generate

    return generate(argv, text, GENERATED, REGENERATE)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
