"""The contest page as citizens see it: rules, period, prizes, results, and the entry form while open."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from cms.throttling import client_address

from ..consultation.views import render_with_status
from .forms import EntryForm
from .service import ContestClosed, TooManyEntries, submit_entry

logger = logging.getLogger("exemplar_pages.contest")

#: The query string of the page after an entry was taken (Post/Redirect/Get).
SENT = "da-gui"
ANCHOR = "gui-bai"


def contest_page(page, request):
    """GET shows the page; POST takes an entry and redirects, or shows the form again with its errors."""
    context_overrides = {"entry_sent": request.GET.get(SENT) == "1"}
    status, retry_after = 200, None
    state = page.state()
    if request.method == "POST" and state != "open":
        context_overrides["refusal"] = ContestClosed(page, state).message
        status = 410
    elif request.method == "POST":
        form = EntryForm(page, request.POST, request.FILES)
        if form.is_robot:
            logger.info("Contest %s: an entry filled the honeypot and was dropped", page.pk)
            return HttpResponseRedirect(f"{page.url}?{SENT}=1#{ANCHOR}")
        status = 400
        if form.is_valid():
            try:
                submit_entry(page, form.cleaned_data, form.cleaned_data["photos"], client_address(request))
            except ContestClosed as closed:  # closed between the two reads of the clock
                form.add_error(None, closed.message)
                status = 410
            except TooManyEntries as flood:
                form.add_error(None, flood.message)
                status, retry_after = 429, flood.retry_after
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                return HttpResponseRedirect(f"{page.url}?{SENT}=1#{ANCHOR}")
        context_overrides["form"] = form
    elif state == "open":
        context_overrides["form"] = EntryForm(page)
    return render_with_status(page, request, context_overrides, status, retry_after)
