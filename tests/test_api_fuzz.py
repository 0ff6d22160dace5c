"""Schemathesis over the whole v3 OpenAPI document: no server error, no answer that breaks the schema.

Every operation of `/api/v3/openapi.json` is fuzzed with valid and invalid inputs, as an anonymous
reader, an editor (`bientapvien`) and a council member (`hoidong1`), through Django's WSGI handler
inside the test's transaction: whatever a write does is rolled back with the test. A fixed seed
(`derandomize`) and `API_FUZZ_EXAMPLES` examples per operation, mode and role keep the run repeatable
and bounded (about a minute per database on two cores with the default).

Checks: `not_a_server_error` and `response_schema_conformance` (a documented status's body must
match its schema). `status_code_conformance` is left out on purpose: Wagtail's own operations
document only their success status, so every refusal (401, 403, 404, 400, 422) would be reported
although it is the intended answer; `tests/test_api_errors.py` checks those answers one by one.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.models import APIToken

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ROLES = {"anonymous": None, "editor": "bientapvien", "council": "hoidong1"}
CHECKS = [not_a_server_error, response_schema_conformance]


def examples() -> int:
    return int(os.environ.get("API_FUZZ_EXAMPLES", "6"))


def headers_for(username: str | None) -> dict[str, str]:
    if username is None:
        return {}
    user = get_user_model().objects.get(username=username)
    return {"Authorization": f"Bearer {APIToken.create_token(user=user, name='schemathesis')[1]}"}


def fuzz_operation(operation, headers: dict[str, str]) -> None:
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=examples(),
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    run()


def unreachable(operation) -> bool:
    """Wagtail's snippet routes that only serve snippet types with revisions, publishing or translation
    document their `type` path parameter as `{"const": ""}` when no such type is registered (none is
    here): no URL can be built for them, so schemathesis cannot generate a case. Wagtail's schema, not
    the project's; excluded by exactly that shape."""
    parameters = operation.definition.raw.get("parameters", [])
    return any(p.get("in") == "path" and p.get("schema", {}).get("const") == "" for p in parameters)


@pytest.fixture
def keep_connection():
    """Django's handler closes the database connection at the end of each request when it is not in
    autocommit (as inside the test's transaction); Django's own test client switches that off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", list(ROLES))
def test_no_server_error_and_no_schema_break(role, keep_connection):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", WSGIHandler())
    headers = headers_for(ROLES[role])
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if unreachable(operation):
            continue
        operations += 1
        try:
            fuzz_operation(operation, headers)
        except Exception as error:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    assert operations > 50
    assert not failures, f"{len(failures)} operations failed:\n\n" + "\n\n".join(failures)
