"""The consultation page as citizens see it: the list, the dates, and the comment form while open."""

from __future__ import annotations

import logging

from django.contrib.syndication.views import Feed
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from cms.throttling import client_address

from .forms import CommentForm
from .service import ConsultationClosed, TooManyComments, submit_comment

logger = logging.getLogger("exemplar_pages.consultation")

#: The query string of the page after a comment was taken (Post/Redirect/Get).
SENT = "da-gui"


def consultation_page(page, request):
    """GET shows the page; POST takes a comment and redirects, or shows the form again with its errors."""
    context_overrides = {"comment_sent": request.GET.get(SENT) == "1"}
    status, retry_after = 200, None
    if request.method == "POST":
        form = CommentForm(page, request.POST)
        if form.is_robot:
            logger.info("Consultation %s: a comment filled the honeypot and was dropped", page.pk)
            return HttpResponseRedirect(f"{page.url}?{SENT}=1#gop-y")
        if form.is_valid():
            try:
                submit_comment(page, form.cleaned_data, client_address(request))
            except ConsultationClosed as closed:
                form.add_error(None, closed.message)
                status = 410
            except TooManyComments as flood:
                form.add_error(None, flood.message)
                status, retry_after = 429, flood.retry_after
            else:
                return HttpResponseRedirect(f"{page.url}?{SENT}=1#gop-y")
        else:
            status = 400
        context_overrides["form"] = form
    elif page.state() == "open":
        context_overrides["form"] = CommentForm(page, initial={"nominee": request.GET.get("ve", "")})
    return render_with_status(page, request, context_overrides, status, retry_after)


def render_with_status(page, request, context_overrides: dict, status: int, retry_after: int | None = None):
    """The page with its form, answered with `status` (400, 410, 429 and its Retry-After) (shared by the contest)."""
    response = page.render(request, context_overrides=context_overrides)
    if isinstance(response, TemplateResponse):
        response.status_code = status
        if retry_after:
            response["Retry-After"] = str(retry_after)
    return response


#: Consultations per page of the public list, and in its feed.
LIST_PAGE_SIZE = 20
FEED_LENGTH = 30


def consultation_list(request):
    """`/lay-y-kien/`: the consultations open now first, then those to come, then the closed ones."""
    from django.core.paginator import Paginator
    from django.shortcuts import render

    from ..models import ConsultationPage
    from ..visibility import public_now

    pages = list(public_now(ConsultationPage.objects.all()).select_related("award").order_by("-opens_on", "-pk"))
    rank = {"open": 0, "upcoming": 1, "closed": 2}
    pages.sort(key=lambda page: rank[page.state()])
    page_obj = Paginator(pages, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "exemplar_pages/consultation_list.html",
        {"page_obj": page_obj, "consultations": page_obj.object_list, "filter_query": ""},
    )


class ConsultationRssFeed(Feed):
    """The newest published consultations (never their comments), as RSS 2.0."""

    feed_type = Rss201rev2Feed
    title = _("Public consultations")
    description = _("Public consultations on lists of nominees for commendation.")

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self) -> str:
        return reverse("consultations")

    def items(self):
        from ..models import ConsultationPage
        from ..visibility import public_now

        return public_now(ConsultationPage.objects.all()).order_by("-opens_on", "-pk")[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        dates = _("Comments accepted from %(start)s to %(end)s inclusive.") % {
            "start": item.opens_on.strftime("%d/%m/%Y"),
            "end": item.closes_on.strftime("%d/%m/%Y"),
        }
        return " ".join(part for part in (dates, item.summary) if part)

    def item_link(self, item) -> str:
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at


def consultation_feed(request):
    return ConsultationRssFeed()(request)
