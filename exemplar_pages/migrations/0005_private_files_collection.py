"""The collection “Tệp chưa công bố” (login required): imported plan originals wait there until their
plan is published (exemplar_pages.files). Collections are treebeard nodes; historical models have no
tree methods, so the child's path is computed here (steps of 4 base-36 digits, as Wagtail's own)."""

from django.db import migrations

PRIVATE_COLLECTION_NAME = "Tệp chưa công bố"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def create_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    collection = children.filter(name=PRIVATE_COLLECTION_NAME).first()
    if collection is None:
        last = children.order_by("-path").values_list("path", flat=True).first()
        number = int(last[-STEP:], len(ALPHABET)) + 1 if last else 1
        collection = Collection.objects.create(
            name=PRIVATE_COLLECTION_NAME, path=root.path + _step(number), depth=2, numchild=0
        )
        root.numchild = children.count()
        root.save(update_fields=["numchild"])
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")


class Migration(migrations.Migration):
    dependencies = [
        ("exemplar_pages", "0004_roles_and_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_private_collection, migrations.RunPython.noop)]
