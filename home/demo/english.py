"""The demo's English pages (/en/): the home page translated into English and the agency's
organisation, functions and contacts, as a body would publish them for foreign readers."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Locale

from home.models import HomePage, InformationPage

from .builder import StageCount, add_page, find_child, paragraph

ENGLISH_HOME = {
    "title": "Emulation and Commendation Council of Mau Province",
    "intro": paragraph(
        "The Council advises the Provincial People's Committee on patriotic emulation movements and on "
        "commendation. This portal publishes the province's emulation plans, its movements and the stories "
        "of advanced exemplars, in Vietnamese; these pages introduce the agency in English."
    ),
}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"level": "2", "number": "", "text": text}}


def bullets(*items: str) -> dict:
    return {"type": "bullet_list", "value": list(items)}


def text(value: str) -> dict:
    return {"type": "paragraph", "value": paragraph(value)}


PAGES = [
    {
        "slug": "organisation-and-functions",
        "title": "Organisation and functions",
        "search_description": "Who sits on the Council, what it decides and the office that serves it.",
        "body": [
            heading("Organisation"),
            text(
                "The Council is chaired by the Chairman of the Provincial People's Committee. Its members are "
                "the heads of provincial departments and mass organisations. The Emulation and Commendation "
                "Board of the Department of Home Affairs is its standing office."
            ),
            heading("Functions"),
            bullets(
                "Advise on launching, running and reviewing patriotic emulation movements.",
                "Consider nominations and vote on the commendations proposed to the Chairman.",
                "Discover, honour and spread the stories of advanced exemplars.",
                "Inspect how emulation and commendation work is carried out in the province.",
            ),
            heading("How a commendation is decided"),
            text(
                "Units submit their proposals to the standing office, which reviews them, consults the public "
                "where the law requires it and puts them to the Council's vote before the decision is signed."
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact",
        "search_description": "Address, telephone and e-mail of the Council's standing office.",
        "body": [
            text(
                "Emulation and Commendation Board, Department of Home Affairs — No. 1 Vi Du Street, Mau Ward, "
                "Mau Province. Telephone +84 200 3 000 000. E-mail thiduakhenthuong@example.gov.vn."
            ),
            text("Office hours: Monday to Friday, 7:30–11:30 and 13:30–17:00, except public holidays."),
            text("Citizens may write in English; replies are given in Vietnamese and English."),
        ],
    },
]


def seed_english(home: HomePage, admin: AbstractBaseUser) -> StageCount:
    """Translate the home page into English (once) and add the English information pages under it."""
    count = StageCount("Trang tiếng Anh / English pages")
    english = Locale.objects.get_or_create(language_code="en")[0]
    english_home = home.get_translation_or_none(english)
    count.saw(english_home is None)
    if english_home is None:
        english_home = home.copy_for_translation(english).specific
        english_home.title = ENGLISH_HOME["title"]
        english_home.intro = ENGLISH_HOME["intro"]
        english_home.save_revision(user=admin, log_action=True).publish(user=admin)
    for spec in PAGES:
        page = find_child(english_home, spec["slug"])
        count.saw(page is None)
        if page is None:
            add_page(english_home, InformationPage(locale=english, **spec), user=admin)
    return count
