"""Fixtures for the moderation tests: one user per role with an API token, a unit of their own, helpers."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from exemplar_pages.models import CouncilVoteTask, ExemplarStoryPage, UnitPage
from exemplar_pages.moderation import service
from exemplar_pages.moderation.permissions import add_unit_editor
from exemplar_pages.roles import ADMINISTRATORS, COUNCIL_MEMBERS, STANDING_OFFICE
from tests import factories

_serial = itertools.count(1)


@dataclass
class Cast:
    """The people of DESIGN §2 for one test, and the two units the editors work in."""

    unit: UnitPage
    other_unit: UnitPage
    editor: object
    other_editor: object
    office: object
    members: list
    admin: object
    tokens: dict[int, str] = field(default_factory=dict)

    def token(self, user) -> str:
        return self.tokens[user.pk]

    def by_role(self) -> dict[str, object]:
        return {
            "editor": self.editor,
            "other_editor": self.other_editor,
            "office": self.office,
            "council": self.members[0],
            "admin": self.admin,
        }


def make_user(username: str, *groups: str, **extra):
    user = get_user_model().objects.create_user(
        username=f"{username}-{next(_serial)}",
        email=f"{username}@example.org",
        password="mat-khau-thu-nghiem",
        first_name=extra.pop("first_name", username),
        **extra,
    )
    user.groups.add(*[Group.objects.get(name=name) for name in groups])
    return user


def set_council(size: int) -> list:
    """Make the council exactly ``size`` fresh members (the demo members step aside for the test)."""
    members = [make_user(f"hoidong-thu-{index}") for index in range(1, size + 1)]
    Group.objects.get(name=COUNCIL_MEMBERS).user_set.set(members)
    return members


def vote_task() -> CouncilVoteTask:
    workflow = Workflow.objects.get(name="Duyệt đăng")
    return next(task.specific for task in workflow.tasks if isinstance(task.specific, CouncilVoteTask))


@pytest.fixture
def cast(db) -> Cast:
    unit = factories.publish(factories.unit("UBND xã Thử Duyệt"))
    other_unit = factories.publish(factories.unit("UBND xã Láng Giềng"))
    editor = make_user("bientap")
    other_editor = make_user("bientap-khac")
    add_unit_editor(editor, unit)
    add_unit_editor(other_editor, other_unit)
    office = make_user("thuongtruc", STANDING_OFFICE)
    admin = make_user("quantri", ADMINISTRATORS)
    members = set_council(3)
    result = Cast(unit, other_unit, editor, other_editor, office, members, admin)
    for user in [editor, other_editor, office, admin, *members]:
        result.tokens[user.pk] = APIToken.create_token(user=user, name="test")[1]
    return result


@pytest.fixture
def story_draft(cast) -> ExemplarStoryPage:
    """A new story by the unit's editor, never published."""
    return draft_story(cast)


def draft_story(cast: Cast, title: str | None = None, **kwargs) -> ExemplarStoryPage:
    page = factories.story(cast.unit, title=title, publish_it=False, owner=cast.editor, **kwargs)
    return ExemplarStoryPage.objects.get(pk=page.pk)


def fresh(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def to_council(page: Page, cast: Cast) -> Page:
    """Submit as the editor and pass the standing office."""
    service.submit(fresh(page), cast.editor)
    service.review(fresh(page), cast.office, "approve")
    return fresh(page)


def approve_fully(page: Page, cast: Cast) -> Page:
    """The whole review: submit, standing office, a majority of the council."""
    to_council(page, cast)
    for member in cast.members[:2]:
        service.review(fresh(page), member, "approve")
    return fresh(page)


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def story_form(page: ExemplarStoryPage, **changes) -> dict:
    """The admin edit form's data for a story, with changes."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "subject_name": page.subject_name,
        "subject_type": page.subject_type,
        "field": page.field_id,
        "locality": page.locality_id,
        "year": page.year,
        "summary": page.summary,
        "hero_image_alt": "",
        "gallery_images": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
        "awards": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "",
    }
    data.update(changes)
    return nested_form_data(data)
