"""System checks for the moderation guarantees of DESIGN §4 that live on Wagtail's objects.

The publication guard wraps Wagtail's publish, copy and alias actions, and this app's Vietnamese
workflow emails replace Wagtail's English ones; a Wagtail upgrade (or a change to the app order)
could undo either without any test of ours noticing at once, so ``manage.py check`` looks at the
live objects.
"""

from __future__ import annotations

import weakref

from django.core.checks import Error, register

GUARD_MISSING = "exemplar_pages.E001"
WAGTAIL_NOTIFIER_CONNECTED = "exemplar_pages.E002"
WORKFLOW_SIGNALS = (
    "workflow_submitted",
    "workflow_approved",
    "workflow_rejected",
    "workflow_cancelled",
    "task_submitted",
    "task_approved",
    "task_rejected",
    "task_cancelled",
)


@register()
def check_publication_guard(app_configs=None, **kwargs) -> list[Error]:
    """Each of Wagtail's publish, copy and alias actions runs through the publication guard."""
    from .moderation.publishing import guarded_actions, is_guarded

    return [
        Error(
            f"The publication guard is not installed on {action_class.__module__}.{action_class.__qualname__}.execute.",
            hint="exemplar_pages.moderation.publishing.install_publication_guard() must run in the app's ready(); "
            "check that Wagtail still publishes, copies and aliases pages through this action.",
            obj=action_class,
            id=GUARD_MISSING,
        )
        for action_class, _guard in guarded_actions()
        if not is_guarded(action_class)
    ]


def _receivers(signal) -> list:
    """The live receivers connected to ``signal`` (any sender)."""
    found = []
    for _key, receiver, *_rest in signal.receivers:
        if isinstance(receiver, weakref.ReferenceType):
            receiver = receiver()
        if receiver is not None:
            found.append(receiver)
    return found


@register()
def check_wagtail_notifiers(app_configs=None, **kwargs) -> list[Error]:
    """None of Wagtail's own (English) email notifiers listens to the workflow signals."""
    from wagtail import signals
    from wagtail.admin.mail import Notifier

    errors = []
    for name in WORKFLOW_SIGNALS:
        errors += _notifier_errors(name, getattr(signals, name), Notifier)
    return errors


def _notifier_errors(name: str, signal, notifier_class: type) -> list[Error]:
    return [
        Error(
            f"Wagtail's English notifier {type(receiver).__name__} is connected to the {name} signal.",
            hint="exemplar_pages.moderation.notifications.connect_notifications() replaces Wagtail's workflow "
            "emails with Vietnamese ones; disconnect the notifier (by its dispatch_uid).",
            obj=receiver,
            id=WAGTAIL_NOTIFIER_CONNECTED,
        )
        for receiver in _receivers(signal)
        if isinstance(receiver, notifier_class)
    ]
