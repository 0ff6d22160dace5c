"""The roles of DESIGN §2 as groups, and the review workflow “Duyệt đăng” on the site root (DESIGN §4).

- Biên tập viên: admin access and images/documents; page rights come from one group per unit
  (“Biên tập viên – <unit>”: add and edit on the unit's subtree, never publish).
- Thường trực / Thành viên Hội đồng: admin access; they act on pages through the workflow's steps.
- Quản trị: every page right on the whole tree (the only group that publishes directly), users,
  groups, workflows, sites and taxonomies.
Wagtail's sample groups (Editors, Moderators) and its sample workflow would bypass this, so they go.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
STANDING_OFFICE = "Thường trực Hội đồng Thi đua – Khen thưởng"
COUNCIL_MEMBERS = "Thành viên Hội đồng Thi đua – Khen thưởng"
ADMINISTRATORS = "Quản trị"
WORKFLOW_NAME = "Duyệt đăng"
REVIEW_TASK_NAME = "Thường trực Hội đồng xem xét"
VOTE_TASK_NAME = "Hội đồng Thi đua – Khen thưởng biểu quyết"
UNIT_GROUP_NAME = "Biên tập viên – {title}"

ALL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
UNIT_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_image", "choose_image", "add_document", "choose_document"],
    STANDING_OFFICE: ["choose_image", "choose_document"],
    COUNCIL_MEMBERS: ["choose_image", "choose_document"],
    ADMINISTRATORS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
        "add_collection",
        "change_collection",
        "delete_collection",
    ],
}
ADMINISTRATOR_MODELS = [
    ("auth", "user"),
    ("auth", "group"),
    ("wagtailcore", "site"),
    ("wagtailcore", "workflow"),
    ("wagtailcore", "task"),
    ("wagtailredirects", "redirect"),
    ("exemplar_pages", "field"),
    ("exemplar_pages", "locality"),
    ("exemplar_pages", "localityalias"),
    ("exemplar_pages", "award"),
]


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def unit_group_name(Group, unit):
    name = UNIT_GROUP_NAME.format(title=unit.title)[:150]
    if Group.objects.filter(name=name).exists():
        suffix = f" (#{unit.pk})"
        name = name[: 150 - len(suffix)] + suffix
    return name


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (EDITORS, STANDING_OFFICE, COUNCIL_MEMBERS, ADMINISTRATORS)
    }
    access_admin = permission(apps, "wagtailadmin", "access_admin")
    for group in groups.values():
        group.permissions.add(access_admin)

    administrator_permissions = Permission.objects.none()
    for app_label, model in ADMINISTRATOR_MODELS:
        administrator_permissions |= Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    groups[ADMINISTRATORS].permissions.add(*administrator_permissions)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                app_label = "wagtaildocs" if codename.endswith("_document") else "wagtailimages"
                if codename.endswith("_collection"):
                    app_label = "wagtailcore"
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(apps, app_label, codename)
                )

    root_page = Page.objects.get(depth=1)
    for codename in ALL_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=groups[ADMINISTRATORS], page=root_page, permission=permission(apps, "wagtailcore", codename)
        )

    # Wagtail's sample groups: "Editors" edit, and "Moderators" publish, the whole tree.
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if group.user_set.exists():
            GroupPagePermission.objects.filter(group=group).delete()
        else:
            group.delete()


def create_unit_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    UnitPage = apps.get_model("exemplar_pages", "UnitPage")
    UnitEditorGroup = apps.get_model("exemplar_pages", "UnitEditorGroup")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for unit in UnitPage.objects.all():
        if UnitEditorGroup.objects.filter(unit=unit).exists():
            continue
        group = Group.objects.create(name=unit_group_name(Group, unit))
        UnitEditorGroup.objects.create(unit=unit, group=group)
        for codename in UNIT_EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=unit.pk, permission=permission(apps, "wagtailcore", codename)
            )


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    OfficeReviewTask = apps.get_model("exemplar_pages", "OfficeReviewTask")
    CouncilVoteTask = apps.get_model("exemplar_pages", "CouncilVoteTask")

    # Wagtail's sample workflow ("Moderators approval", one group approval on the root) is retired.
    for workflow in Workflow.objects.exclude(name=WORKFLOW_NAME):
        if WorkflowTask.objects.filter(workflow=workflow, task__name="Moderators approval").exists():
            workflow.active = False
            workflow.save(update_fields=["active"])
            WorkflowPage.objects.filter(workflow=workflow).delete()
            Task.objects.filter(name="Moderators approval").update(active=False)

    review_type, _ = ContentType.objects.get_or_create(app_label="exemplar_pages", model="officereviewtask")
    vote_type, _ = ContentType.objects.get_or_create(app_label="exemplar_pages", model="councilvotetask")
    review = OfficeReviewTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if review is None:
        review = OfficeReviewTask.objects.create(name=REVIEW_TASK_NAME, content_type=review_type, active=True)
    review.groups.add(Group.objects.get(name=STANDING_OFFICE))
    vote = CouncilVoteTask.objects.filter(name=VOTE_TASK_NAME).first()
    if vote is None:
        vote = CouncilVoteTask.objects.create(
            name=VOTE_TASK_NAME,
            content_type=vote_type,
            active=True,
            group=Group.objects.get(name=COUNCIL_MEMBERS),
            quorum=None,
            reject_on_first_rejection=True,
        )

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=review.pk, defaults={"sort_order": 0})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=vote.pk, defaults={"sort_order": 1})

    site = Site.objects.filter(is_default_site=True).first()
    site_root = site.root_page if site else Page.objects.filter(depth=2).order_by("path").first()
    if site_root is not None:
        WorkflowPage.objects.update_or_create(page=site_root, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Group = apps.get_model("auth", "Group")
    UnitEditorGroup = apps.get_model("exemplar_pages", "UnitEditorGroup")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[REVIEW_TASK_NAME, VOTE_TASK_NAME]).delete()
    Group.objects.filter(pk__in=UnitEditorGroup.objects.values("group_id")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exemplar_pages", "0003_moderation"),
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_unit_groups, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
