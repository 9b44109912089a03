"""A draft as its page shows it: each section rendered, the comment threads against the
passages they quote, and for a briefing note the names it must not contain.

`serve` is the view `workspaces.pages` serves a `DraftPage` through (registered in
`DraftsConfig.ready`), behind the gate or in the admin's preview; `context` also serves the
comment view when a comment comes back with errors. Models never import this module.
"""

from django.template.response import TemplateResponse

from workspaces.markup import DRAFTS
from workspaces.models import Role

from .forms import CommentForm
from .text import blocks


def serve(request, access, draft):
    """The draft's page (`workspaces.pages`)."""
    return TemplateResponse(request, draft.get_template(request), context(request, access, draft))


def context(request, access, draft, comment_form=None):
    """What the draft's page shows `access`; `comment_form` is one sent back with its errors."""
    result = draft.get_context(request)
    plain = " ".join(plain_text(draft).split())
    threads = list(draft.comments.threads())
    for comment in threads:
        comment.passage_in_text = " ".join(comment.passage.split()) in plain
    result.update(
        rendered_sections=[
            (section, DRAFTS.render(getattr(draft, section.name))) for section in draft.sections()
        ],
        latest=draft.current_revision(),
        threads=threads,
        namings=draft.namings() if draft.is_briefing else [],
        rapporteurs=access.workspace.memberships.active()
        .filter(role=Role.RAPPORTEUR)
        .select_related("user")
        if draft.is_briefing
        else [],
        comment_form=comment_form or CommentForm(draft=draft),
        saved_revision=request.GET.get("saved", ""),
    )
    return result


def plain_text(draft):
    """The draft's words without markup, for finding the passages comments quote."""
    return " ".join(
        block.text for _section, source in draft.filled_sections() for block in blocks(source)
    )
