"""What the workspace suites on the seeded demo world share (the world is tests/world.py): staff's
planted pages, the private words to look for, and page comparisons."""

import html
import json
import re

import pytest
from django.apps import apps

CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def without_csrf_tokens(content):
    """Two renderings of one page differ only in their masked CSRF tokens."""
    return CSRF_TOKEN.sub(b"", content)


# A discussion-like page inside each workspace, and a theme of its own (the demo's themes are
# also the public working groups' themes), so that private words exist in every workspace.
PLANTED = {
    "legal-constitutional": ("نقاش داخلي حول مسودة المبادئ الدستورية", "صياغة المبادئ الدستورية"),
    "electoral": ("نقاش داخلي حول قانون الانتخابات المؤقت", "قوانين الانتخاب المؤقتة"),
    "women-advisory-board-shared": ("نقاش داخلي حول تمثيل النساء في اللجان", "تمثيل النساء"),
}


@pytest.fixture
def planted(world):
    """Staff have worked in every workspace: a page below it, a new theme, a lock on one."""
    from wagtail.models import Page

    staff = world.users["staff"]
    pages = {}
    for slug, (title, theme) in PLANTED.items():
        workspace = world.workspaces[slug]
        page = Page(title=title, slug="inner-discussion", owner=staff)
        workspace.add_child(instance=page)
        page.save_revision(user=staff, log_action=True).publish(user=staff)
        workspace.theme = theme
        workspace.save_revision(user=staff, log_action=True).publish(user=staff)
        pages[slug] = page
    shared = world.workspaces["women-advisory-board-shared"]
    shared.locked, shared.locked_by = True, staff
    shared.save(update_fields=["locked", "locked_by"])
    world.refresh()
    world.planted = pages
    return world


class Secrets:
    """Words only insiders and staff may read: titles and themes of the workspace tree.

    The public working-groups page names each group and its theme on purpose, and a group's
    workspace carries the same name; those words are public and left out.
    """

    def __init__(self):
        from wagtail.models import Page

        from workspaces.models import WorkspaceIndexPage, WorkspacePage

        index = WorkspaceIndexPage.objects.get()
        words = set(Page.objects.descendant_of(index).values_list("title", flat=True))
        words |= set(WorkspacePage.objects.values_list("theme", flat=True))
        if apps.is_installed("workinggroups"):
            group = apps.get_model("workinggroups", "WorkingGroup")
            words -= set(group.objects.values_list("name", flat=True))
            words -= set(group.objects.values_list("theme", flat=True))
        self.words = words

    def found_in(self, response, echoed=()):
        """The private words `response` shows, whatever its format.

        `echoed`: what the visitor typed (a search query), which the page may repeat back.
        """
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(errors="replace")
        if response.get("Content-Type", "").startswith("application/json"):
            text = json.dumps(json.loads(text), ensure_ascii=False)
        text = html.unescape(text)
        for typed in echoed:
            text = text.replace(typed, "")
        return sorted(word for word in self.words if word in text)
