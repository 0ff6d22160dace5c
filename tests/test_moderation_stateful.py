"""No leak (DESIGN §4), as a property: whatever every role does by every path, anonymous readers see
exactly the approved live revisions of public pages — in pages, the v3 API, the column, its feed,
the sitemap and search (when the search API is there)."""

from __future__ import annotations

import itertools
import os
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client, TestCase
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from wagtail.actions.move_page import MovePageAction
from wagtail.models import APIToken, Page, PageLogEntry, PageViewRestriction

from exemplar_pages.models import ColumnPage
from exemplar_pages.moderation import audit, service
from exemplar_pages.moderation.errors import ModerationError
from exemplar_pages.moderation.permissions import add_unit_editor
from exemplar_pages.moderation.publishing import approved_by_council
from tests import factories
from tests.moderation_fixtures import Cast, bearer, make_user, set_council

ROLES = ["editor", "other_editor", "office", "council0", "council1", "council2", "admin"]
_titles = itertools.count(1)


def build_cast() -> Cast:
    from exemplar_pages.roles import ADMINISTRATORS, STANDING_OFFICE

    unit = factories.publish(factories.unit("UBND xã Hypothesis"))
    other_unit = factories.publish(factories.unit("UBND xã Hypothesis Bên"))
    editor, other_editor = make_user("bt"), make_user("bt2")
    add_unit_editor(editor, unit)
    add_unit_editor(other_editor, other_unit)
    cast = Cast(
        unit,
        other_unit,
        editor,
        other_editor,
        make_user("tt", STANDING_OFFICE),
        set_council(3),
        make_user("qt", ADMINISTRATORS),
    )
    for user in [editor, other_editor, cast.office, cast.admin, *cast.members]:
        cast.tokens[user.pk] = APIToken.create_token(user=user, name="h")[1]
    return cast


def api_listing(client: Client, **params) -> list[dict]:
    """Every item of an anonymous /api/v3/pages/ listing (20 per request)."""
    items, offset = [], 0
    while True:
        response = client.get("/api/v3/pages/", {**params, "limit": 20, "offset": offset})
        if response.status_code == 404:  # the parent itself is not public
            return items
        data = response.json()
        items += data["items"]
        offset += 20
        if offset >= data["count"]:
            return items


class AnonymousViewMachine(RuleBasedStateMachine):
    """Random edits, reviews, votes, publish attempts, retractions, privacy changes, moves and deletions."""

    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.client = Client()
        self.cast = build_cast()
        self.locality = factories.locality(f"Xã Thuộc Tính {next(_titles)}")
        column = ColumnPage(title=f"Cột kiểm thử {next(_titles)}", include_stories=True)
        column.criteria_localities = [self.locality]
        factories.home_page().add_child(instance=column)
        self.column = factories.publish(column)
        self.pages: list[int] = []

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def user(self, role: str):
        if role.startswith("council"):
            return self.cast.members[int(role[-1])]
        return self.cast.by_role()[role]

    def token(self, role: str) -> str:
        return self.cast.token(self.user(role))

    def page(self, index: int) -> Page | None:
        if not self.pages:
            return None
        return Page.objects.filter(pk=self.pages[index % len(self.pages)]).first()

    def act(self, function, *args) -> None:
        """Run one step as the portal would, indexing and mailing on commit; refusals are expected."""
        with TestCase.captureOnCommitCallbacks(execute=True):
            try:
                with transaction.atomic():
                    function(*args)
            except (ModerationError, PermissionDenied):
                pass

    @initialize()
    def first_story(self):
        self.create()

    @rule()
    def create(self):
        with TestCase.captureOnCommitCallbacks(execute=True):
            page = factories.story(
                self.cast.unit,
                title=f"Bài {next(_titles)}",
                publish_it=False,
                owner=self.cast.editor,
                locality=self.locality,
            )
        self.pages.append(page.pk)

    @rule(index=st.integers(0, 5), role=st.sampled_from(ROLES))
    def edit(self, index, role):
        page = self.page(index)
        if page is not None:
            body = {"meta": {"type": page.specific_class._meta.label}, "title": f"Bài {next(_titles)} (sửa)"}
            url, headers = f"/api/v3/pages/{page.pk}/", bearer(self.token(role))
            self.act(lambda: self.client.patch(url, body, content_type="application/json", **headers))

    @rule(
        index=st.integers(0, 5),
        role=st.sampled_from(ROLES),
        action=st.sampled_from(["submit", "approve", "reject", "retract"]),
    )
    def transition(self, index, role, action):
        page = self.page(index)
        if page is not None:
            comment = "Ý kiến" if action == "reject" else ""
            self.act(service.perform, page.specific, self.user(role), action, comment)

    @rule(index=st.integers(0, 5), role=st.sampled_from(ROLES), path=st.sampled_from(["api", "action", "bulk"]))
    def publish(self, index, role, path):
        page = self.page(index)
        if page is None:
            return
        user = self.user(role)
        if path == "api":
            headers = bearer(self.token(role))
            self.act(lambda: self.client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **headers))
        elif path == "action":
            self.act(lambda: page.specific.get_latest_revision().publish(user=user, skip_permission_checks=True))
        else:
            self.client.force_login(user)
            self.act(
                lambda: self.client.post(
                    f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""}
                )
            )
            self.client.logout()

    @rule(index=st.integers(0, 5))
    def toggle_privacy(self, index):
        page = self.page(index)
        if page is None:
            return
        restrictions = PageViewRestriction.objects.filter(page=page)
        with TestCase.captureOnCommitCallbacks(execute=True):
            if restrictions.exists():
                restrictions.delete()
            else:
                factories.restrict(page)

    @rule(index=st.integers(0, 5))
    def move(self, index):
        page = self.page(index)
        if page is not None:
            target_id = self.cast.other_unit.pk if page.get_parent().pk == self.cast.unit.pk else self.cast.unit.pk
            target = Page.objects.get(pk=target_id)  # fresh: the tree's paths and counts changed
            self.act(lambda: MovePageAction(page, target, pos="last-child", user=self.cast.admin).execute())

    @rule(index=st.integers(0, 5), role=st.sampled_from(ROLES))
    def delete(self, index, role):
        page = self.page(index)
        if page is not None:
            headers = bearer(self.token(role))
            self.act(lambda: self.client.delete(f"/api/v3/pages/{page.pk}/", **headers))
            if not Page.objects.filter(pk=page.pk).exists():
                self.pages.remove(page.pk)

    def expected(self) -> dict[int, str]:
        """The approved live public pages of the universe, with their approved titles."""
        direct = set(PageLogEntry.objects.filter(action=audit.DIRECT_PUBLISH).values_list("revision_id", flat=True))
        visible = {}
        for page in Page.objects.filter(pk__in=self.pages).specific():
            if not page.live:
                continue
            revision = page.live_revision
            assert approved_by_council(revision) or revision.pk in direct, f"unapproved revision {revision.pk} is live"
            approved_title = revision.as_object().title
            assert page.title == approved_title
            if not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
                visible[page.pk] = approved_title
        return visible

    def hidden_titles(self, visible: dict[int, str]) -> set[str]:
        titles = set()
        for page in Page.objects.filter(pk__in=self.pages).specific():
            latest = page.get_latest_revision_as_object().title
            if visible.get(page.pk) != latest:
                titles.add(latest)
        return titles - set(visible.values())

    def fingerprint(self) -> tuple:
        """What the anonymous view depends on; when it did not change, the views need no new look."""
        pages = Page.objects.filter(pk__in=self.pages).order_by("pk")
        return (
            tuple(pages.values_list("pk", "live", "live_revision_id", "latest_revision_id", "title", "url_path")),
            tuple(PageViewRestriction.objects.filter(page__in=pages).values_list("pk", flat=True)),
        )

    @invariant()
    def anonymous_view_is_exactly_the_approved_public_pages(self):
        visible = self.expected()
        fingerprint = self.fingerprint()
        if fingerprint == getattr(self, "_checked", None):
            return
        self._checked = fingerprint
        self._page_states = getattr(self, "_page_states", {})
        hidden = self.hidden_titles(visible)
        anonymous = Client()
        seen_pages = getattr(self, "_page_states", {})
        for page in Page.objects.filter(pk__in=self.pages):
            state = (page.url, page.pk in visible, visible.get(page.pk))
            if seen_pages.get(page.pk) == state:
                continue  # this page's HTML was already checked in this very state
            seen_pages[page.pk] = state
            response = anonymous.get(page.url)
            assert (response.status_code == 200) == (page.pk in visible), (page.pk, response.status_code)
            if response.status_code == 200:
                assert visible[page.pk] in response.content.decode()
        seen = {}
        for unit in (self.cast.unit, self.cast.other_unit):
            for item in api_listing(anonymous, descendant_of=unit.pk):
                seen[item["id"]] = item["title"]
        assert seen == visible
        for url in (self.column.url, self.column.url + "rss/"):
            content = anonymous.get(url).content.decode()
            for title in visible.values():
                assert title in content, (url, title)
            for title in hidden:
                assert title not in content, (url, title)
        sitemap = anonymous.get("/sitemap.xml").content.decode()
        for title in hidden:
            assert title not in sitemap
        located = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
        for page in Page.objects.filter(pk__in=self.pages):
            assert any(loc.endswith(page.url) for loc in located) == (page.pk in visible), page.url
        self.check_search(anonymous, visible)

    def check_search(self, anonymous: Client, visible: dict[int, str]) -> None:
        try:
            resolve("/api/v3/search/")
        except Resolver404:
            return
        response = anonymous.get("/api/v3/search/", {"locality": self.locality.slug, "page_size": 100})
        if response.status_code == 404:
            return
        assert response.status_code == 200, response.content[:300]
        found = {item["id"]: item["title"] for item in response.json()["results"] if item["id"] in self.pages}
        assert found == visible


AnonymousViewMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("MODERATION_EXAMPLES", 20)),
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.slow
@pytest.mark.django_db
def test_anonymous_view_follows_approval_only():
    AnonymousViewMachine.TestCase().runTest()


@pytest.mark.django_db
def test_deleting_a_private_draft_through_the_api(client, cast, story_draft):
    """Found by the state machine: the search index's view-restriction handler once ran on the cascade of a deletion."""
    factories.restrict(story_draft)
    response = client.delete(f"/api/v3/pages/{story_draft.pk}/", **bearer(cast.token(cast.editor)))
    assert response.status_code == 204
    assert not Page.objects.filter(pk=story_draft.pk).exists()
