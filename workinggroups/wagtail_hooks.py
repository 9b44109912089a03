"""The working groups in the admin: a snippet that editors keep (name, theme, term, status) and
translate like the public pages. Its form is the model's `panels`, which wagtail-localize's
translation editor reads too."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import WorkingGroup


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup


register_snippet(WorkingGroupViewSet)
