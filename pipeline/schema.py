"""The JSON Schema of a warta record, and validation against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


@cache
def record_schema() -> dict:
    """The record JSON Schema shipped in the package."""
    return json.loads(resources.files("pipeline").joinpath("record.schema.json").read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    # Imported here so that printing the schema (`warta schema`) does not load jsonschema.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema())


def validation_errors(record: dict) -> list[str]:
    """Every way record breaks the schema, as readable lines; empty when valid."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}"
            for e in _validator().iter_errors(record)]
