"""Schemathesis over the reports API's operations only (issue #16), as tests/test_api_fuzz.py does for the
whole document: no server error, no answer that breaks its documented schema, for each role."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler

from tests.test_api_fuzz import ROLES, fuzz_operation, headers_for, keep_connection  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
ROLES_HERE = {**ROLES, "office": "thuongtruc"}


@pytest.mark.parametrize("role", list(ROLES_HERE))
def test_the_reports_api_has_no_server_error_and_keeps_its_schema(role, keep_connection):  # noqa: F811
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", WSGIHandler())
    headers = headers_for(ROLES_HERE[role])
    operations = [
        result.ok() for result in schema.get_all_operations() if result.ok().path.startswith("/api/v3/reports/")
    ]
    assert len(operations) == 2
    for operation in operations:
        fuzz_operation(operation, headers)
