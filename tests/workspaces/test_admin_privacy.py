"""The admin's side doors stay shut on the workspaces for everyone but platform staff.

Beyond the explorer and the choosers (tests/workspaces/test_admin.py), an editor could learn of a
workspace through the page chooser's answer for chosen ids, a page link in rich text, the tag
autocompletes, the filters that name people, the page types report and the workflow that covers
the tree. Each is looked at as the demo `editor`, and staff keep what they need.
"""

from wagtail.models import Page, WorkflowPage

from workspaces.models import WorkspaceIndexPage, WorkspacePage


def test_workflows_cover_the_public_trees_only(world):
    """Moderators would otherwise be asked to approve, and shown, workspace pages."""
    index = WorkspaceIndexPage.provision()
    root = Page.get_first_root_node()
    before = set(WorkflowPage.objects.values_list("page_id", "workflow_id"))

    assert not WorkflowPage.objects.filter(page=root).exists()
    public = root.get_children().exclude(pk=index.pk)
    assert public.exists()
    for tree in public:
        assert tree.get_workflow().name == "Moderators approval"
    assert index.get_workflow() is None
    for workspace in WorkspacePage.objects.all():
        assert workspace.get_workflow() is None
        for page in workspace.get_descendants():
            assert page.get_workflow() is None

    WorkspaceIndexPage.provision()
    assert set(WorkflowPage.objects.values_list("page_id", "workflow_id")) == before
