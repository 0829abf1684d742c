"""``clauses schema``: schemas generated from the models, shipped equal, and every JSON output valid."""

from __future__ import annotations

import json

import pytest
from conftest import REPO
from jsonschema import Draft202012Validator
from test_evaluate import make_gold

from clauses.cli import cli
from clauses.schema import OUTPUT_MODELS, json_schema, schema_text, shipped_schema

AGREEMENTS = REPO / "agreements"


def json_output(runner, *args: str) -> dict:
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", sorted(OUTPUT_MODELS))
def test_shipped_schema_equals_the_generated_one(command) -> None:
    assert shipped_schema(command) == schema_text(command), "run python tools/update_schemas.py"
    Draft202012Validator.check_schema(json_schema(command))


@pytest.mark.parametrize("command", sorted(OUTPUT_MODELS))
def test_schema_command_prints_it(runner, command) -> None:
    result = runner.invoke(cli, ["schema", command])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json_schema(command)


def outputs(runner, fixtures, tmp_path) -> dict[str, dict]:
    ro, us = str(AGREEMENTS / "ua-ro-2024.md"), str(AGREEMENTS / "ua-us-2024.md")
    draft, final = str(fixtures / "diff" / "draft.txt"), str(fixtures / "diff" / "final.txt")
    return {
        "analyze": json_output(runner, "analyze", ro),
        "who": json_output(runner, "who", "air-defense", ro, us),
        "matrix": json_output(runner, "matrix", ro, us),
        "compare": json_output(runner, "compare", ro, us),
        "diff": json_output(runner, "diff", draft, final),
        "eval": json_output(runner, "eval", str(make_gold(tmp_path))),
    }


def test_every_json_output_is_valid_against_its_schema(runner, fixtures, tmp_path) -> None:
    produced = outputs(runner, fixtures, tmp_path)
    assert set(produced) == set(OUTPUT_MODELS)
    for command, data in produced.items():
        errors = list(Draft202012Validator(json_schema(command)).iter_errors(data))
        assert not errors, f"{command}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_schemas_reject_what_the_models_would(runner) -> None:
    data = json_output(runner, "matrix", str(AGREEMENTS / "ua-ro-2024.md"))
    data["cells"][0]["strength"] = "very firm"
    data["unexpected"] = 1
    messages = [e.message for e in Draft202012Validator(json_schema("matrix")).iter_errors(data)]
    assert any("very firm" in m for m in messages) and any("unexpected" in m for m in messages)
