"""What happens when the review workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this while it defines its workflow models, so this module imports nothing at load time.
"""


def publish_approved_revision(workflow_state, user=None) -> None:
    """Publish the revision the last task approved, never a newer draft saved meanwhile."""
    task_state = workflow_state.current_task_state
    if task_state is not None:
        revision = task_state.revision
    else:
        revision = workflow_state.content_object.get_latest_revision()
    # The council's approval is the permission: the approving member has no publish right of their own,
    # and the publish guard still checks that this very revision was approved.
    revision.publish(user=user, skip_permission_checks=True)
