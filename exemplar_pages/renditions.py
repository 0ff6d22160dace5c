"""Image renditions made one at a time, so that requests rendering the same new picture at once never deadlock.

Wagtail makes the several renditions of one image (a picture's sizes and formats) in one multi-row INSERT, its rows in
the order its threads finished them. Two requests rendering the same page for the first time (gunicorn's workers, a
burst of readers after a publication) insert the same rows in different orders, and PostgreSQL aborts one of them with
"deadlock detected": a 500 on the home page (seen in CI). Here each rendition is made on its own, in the filters' order,
through Wagtail's single-rendition path (`get_or_create`, which takes a rendition another request made first).
"""

from __future__ import annotations


def install_serial_renditions() -> None:
    from wagtail.images.models import AbstractImage

    if getattr(AbstractImage.create_renditions, "serial", False):
        return

    def create_renditions(self, *filters):
        return {spec_filter: self.create_rendition(spec_filter) for spec_filter in sorted(filters, key=_spec)}

    create_renditions.serial = True
    create_renditions.__doc__ = AbstractImage.create_renditions.__doc__
    AbstractImage.create_renditions = create_renditions


def _spec(spec_filter) -> str:
    return spec_filter.spec
