"""Roles survive the renaming of their groups (they are permissions); system checks guard the guard.

DESIGN §2, §4: the standing office, the council, the administrators and the editors keep their
powers when an administrator renames their group; ``manage.py check`` fails when the publication
guard is off Wagtail's publish, copy and alias actions, or Wagtail's English emails listen again.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from exemplar_pages import checks
from exemplar_pages.models import CouncilVote
from exemplar_pages.moderation import notifications, service
from exemplar_pages.moderation.permissions import (
    add_unit_editor,
    is_administrator,
    is_council_member,
    is_editor,
    is_standing_office,
)
from exemplar_pages.moderation.publishing import guarded_actions, install_publication_guard, is_guarded
from exemplar_pages.roles import (
    ADMINISTRATORS,
    COUNCIL_MEMBERS,
    EDITORS,
    ROLE_PERMISSIONS,
    STANDING_OFFICE,
    ensure_role_group,
)
from tests.moderation_fixtures import bearer, draft_story, fresh, make_user, vote_task

ROOT = Path(__file__).resolve().parent.parent


def rename(role: str) -> Group:
    """Rename the role's group as an administrator would in the admin; return it."""
    group = Group.objects.get(name=role)
    group.name = f"{role} (đã đổi tên)"
    group.save()
    assert not Group.objects.filter(name=role).exists()
    return group


def act(client, user_token: str, page, action: str, comment: str = ""):
    body = {"comment": comment} if comment else {}
    return client.post(
        f"/api/v3/workflow/pages/{page.pk}/{action}/", body, content_type="application/json", **bearer(user_token)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("task_names_its_group", [True, False], ids=["task-group", "group-by-permission"])
def test_a_renamed_council_still_votes_and_publishes_at_quorum(client, cast, task_names_its_group):
    council = rename(COUNCIL_MEMBERS)
    task = vote_task()
    task.group = council if task_names_its_group else None
    task.save()
    assert task.council_group() == council
    assert all(is_council_member(fresh_user(member)) for member in cast.members)

    page = draft_story(cast)
    service.submit(fresh(page), cast.editor)
    service.review(fresh(page), cast.office, "approve")
    response = act(client, cast.token(cast.members[0]), page, "approve")
    assert response.status_code == 200, response.content
    assert response.json()["current_task"]["tally"]["eligible"] == 3
    assert not fresh(page).live
    response = act(client, cast.token(cast.members[1]), page, "approve")
    assert response.status_code == 200, response.content
    page = fresh(page)
    assert page.live and service.page_state(page) == service.PUBLISHED
    assert CouncilVote.objects.filter(revision=page.live_revision).count() == 2


@pytest.mark.django_db
def test_a_superuser_outside_the_council_is_not_counted_in_its_tally(client, cast):
    boss = make_user("sieu-quan-tri", is_superuser=True, is_staff=True)
    assert is_council_member(boss) and is_administrator(boss)
    assert boss not in vote_task().members()
    assert set(vote_task().members()) == set(cast.members)


@pytest.mark.django_db
def test_a_renamed_standing_office_still_passes_submissions_on(client, cast):
    rename(STANDING_OFFICE)
    assert is_standing_office(fresh_user(cast.office))
    page = draft_story(cast)
    service.submit(fresh(page), cast.editor)
    inbox = client.get("/api/v3/workflow/inbox/", **bearer(cast.token(cast.office))).json()
    assert [(item["page_id"], item["reason"]) for item in inbox["results"]] == [(page.pk, "review")]
    response = act(client, cast.token(cast.office), page, "approve", "Chuyển Hội đồng")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "pending_approval"
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL


@pytest.mark.django_db
def test_renamed_administrators_still_publish_directly(client, cast):
    rename(ADMINISTRATORS)
    assert is_administrator(fresh_user(cast.admin))
    page = draft_story(cast)
    response = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(cast.token(cast.admin)))
    assert response.status_code == 200, response.content
    assert fresh(page).live


@pytest.mark.django_db
def test_renamed_editors_still_edit_and_submit_and_still_cannot_publish(client, cast):
    editors = rename(EDITORS)
    newcomer = make_user("bientap-moi")
    add_unit_editor(newcomer, cast.unit)
    assert not Group.objects.filter(name=EDITORS).exists()  # no powerless namesake is created
    assert newcomer.groups.filter(pk=editors.pk).exists()
    assert is_editor(fresh_user(newcomer)) and is_editor(fresh_user(cast.editor))
    assert not is_administrator(fresh_user(newcomer))

    page = draft_story(cast)
    token = cast.token(cast.editor)
    response = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(token))
    assert response.status_code == 403
    assert not fresh(page).live
    response = act(client, token, page, "submit")
    assert response.status_code == 200 and response.json()["state"] == "pending_review"


@pytest.mark.django_db
def test_seeding_finds_renamed_role_groups_by_their_permission(cast):
    renamed = {role: rename(role) for role in (EDITORS, STANDING_OFFICE, COUNCIL_MEMBERS, ADMINISTRATORS)}
    for role, group in renamed.items():
        assert ensure_role_group(role) == group
    assert not Group.objects.filter(name__in=list(renamed)).exists()


@pytest.mark.django_db
def test_without_its_permission_a_group_named_like_a_role_has_no_power(cast):
    council = Group.objects.get(name=COUNCIL_MEMBERS)
    impostor = make_user("mao-danh")
    council.permissions.clear()
    lookalike = rename(COUNCIL_MEMBERS)
    Group.objects.create(name=COUNCIL_MEMBERS).user_set.add(impostor)
    assert lookalike.pk == council.pk
    assert not is_council_member(fresh_user(impostor))
    assert not is_council_member(fresh_user(cast.members[0]))


@pytest.mark.django_db
def test_administrators_see_the_roles_in_the_group_editor(client, cast):
    council = Group.objects.get(name=COUNCIL_MEMBERS)
    client.force_login(make_user("sieu-quan-tri", is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailusers_groups:edit", args=[council.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for _codename, label in ROLE_PERMISSIONS:
        assert label in content


@pytest.mark.django_db
def test_administrators_who_are_not_superusers_edit_the_portals_settings(client, cast):
    """DESIGN §2: the administrators' group manages settings: the agency's identity and the working-day calendar."""
    from datetime import date

    from wagtail.models import Site

    from home.models import AgencyIdentity
    from workdays.models import Holiday

    site = Site.objects.get(is_default_site=True)
    identity_url = f"/admin/settings/home/agencyidentity/{site.pk}/"
    holiday = {"date": "2031-11-07", "kind": "day_off", "name": "Nghỉ hoán đổi (thử)", "source": "Thông báo 9/TB"}
    identity = {"name": "Ban Thi đua – Khen thưởng tỉnh Thử", "email": "ban@example.gov.vn"}
    for refused in (cast.editor, cast.office, cast.members[0]):
        client.force_login(refused)
        assert client.post("/admin/snippets/workdays/holiday/add/", holiday).status_code == 302  # to the admin home
        assert client.post(identity_url, identity).status_code == 302
    assert not Holiday.objects.filter(date=date(2031, 11, 7)).exists()
    assert AgencyIdentity.for_site(site).name != identity["name"]
    assert not cast.admin.is_superuser
    client.force_login(cast.admin)
    assert client.get("/admin/snippets/workdays/holiday/").status_code == 200
    response = client.post("/admin/snippets/workdays/holiday/add/", holiday)
    assert response.status_code == 302 and "/admin/snippets/workdays/holiday/" in response.url
    assert Holiday.objects.get(date=date(2031, 11, 7)).name == "Nghỉ hoán đổi (thử)"
    assert "Người chịu trách nhiệm nội dung" in client.get(identity_url).content.decode()
    assert client.post(identity_url, identity).status_code == 302
    assert AgencyIdentity.for_site(site).name == identity["name"]


def fresh_user(user):
    """The user as a new request sees it (no cached permissions)."""
    return type(user).objects.get(pk=user.pk)


def test_checks_pass_with_the_guard_on_and_wagtails_notifiers_off():
    assert checks.check_publication_guard() == []
    assert checks.check_wagtail_notifiers() == []


@pytest.mark.parametrize("position", [0, 1, 2], ids=["publish", "copy", "alias"])
def test_the_check_fails_when_an_action_loses_its_guard(position):
    action_class, _guard = guarded_actions()[position]
    guarded = action_class.execute
    action_class.execute = guarded.__wrapped__  # Wagtail's own execute, as after an upgrade that replaced it
    try:
        assert not is_guarded(action_class)
        errors = checks.check_publication_guard()
        assert [(error.id, error.obj) for error in errors] == [(checks.GUARD_MISSING, action_class)]
        assert action_class.__name__ in errors[0].msg
    finally:
        action_class.execute = guarded
    assert checks.check_publication_guard() == []


def test_installing_the_guard_again_wraps_a_bare_action_once():
    action_class, _guard = guarded_actions()[0]
    guarded = action_class.execute
    action_class.execute = guarded.__wrapped__
    try:
        install_publication_guard()
        install_publication_guard()
        assert is_guarded(action_class)
        assert action_class.execute.__wrapped__ is guarded.__wrapped__
    finally:
        action_class.execute = guarded


def test_the_check_fails_when_a_wagtail_notifier_is_connected_again():
    notifier = wagtail_handlers.workflow_submission_email_notifier
    workflow_submitted.connect(notifier, sender=WorkflowState, dispatch_uid="reconnected-for-the-test")
    try:
        errors = checks.check_wagtail_notifiers()
        assert [(error.id, error.obj) for error in errors] == [(checks.WAGTAIL_NOTIFIER_CONNECTED, notifier)]
        assert "workflow_submitted" in errors[0].msg
    finally:
        workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid="reconnected-for-the-test")
    assert checks.check_wagtail_notifiers() == []


def test_wagtails_notifiers_are_replaced_whichever_app_is_ready_first():
    """Wagtail's admin registering its notifiers after us connects nothing; before us, ours disconnect them."""
    signals = [task_submitted, workflow_submitted, workflow_rejected, workflow_approved]
    try:
        wagtail_handlers.register_signal_handlers()  # wagtail.admin ready after this app: the uids are taken
        assert checks.check_wagtail_notifiers() == []
        for signal, sender, uid in notifications.WAGTAIL_NOTIFICATION_UIDS:
            signal.disconnect(sender=sender, dispatch_uid=uid)
        wagtail_handlers.register_signal_handlers()  # wagtail.admin ready first
        assert len(checks.check_wagtail_notifiers()) == len(signals)
    finally:
        notifications.connect_notifications()
    assert checks.check_wagtail_notifiers() == []
    assert task_submitted.has_listeners(TaskState) and workflow_rejected.has_listeners(WorkflowState)


def test_manage_py_check_passes():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "exemplar_pages.E" not in result.stdout + result.stderr
