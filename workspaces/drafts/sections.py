"""A draft as its page shows it: each section rendered, the comment threads against the
passages they quote, and for a briefing note the names it must not contain.

`serve` is the view `workspaces.pages` serves a `DraftPage` through (registered in
`DraftsConfig.ready`), behind the gate or in the admin's preview; `context` also serves the
comment view when a comment comes back with errors. Models never import this module.
"""

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.safestring import SafeString

from workspaces.markup import DRAFTS
from workspaces.models import Role

from .forms import CommentForm
from .text import blocks, html_blocks, parts


@dataclass(frozen=True)
class Part:
    """One part of a section as the page shows it (`text.parts`), with the words a comment on
    it quotes."""

    index: int
    html: SafeString
    passage: str


def rendered_parts(source):
    found = []
    for index, part in enumerate(parts(source)):
        html = DRAFTS.render(part)
        words = " ".join(block.text for block in html_blocks(str(html)))
        found.append(Part(index, html, words[: CommentForm.PASSAGE_MAX]))
    return found


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
    sections = [
        (section, rendered_parts(getattr(draft, section.name))) for section in draft.sections()
    ]
    if comment_form is None:
        comment_form = CommentForm(draft=draft, initial={"passage": _tapped(request, sections)})
    result.update(
        rendered_sections=sections,
        latest=draft.current_revision(),
        threads=threads,
        namings=draft.namings() if draft.is_briefing else [],
        rapporteurs=access.workspace.memberships.active()
        .filter(role=Role.RAPPORTEUR)
        .select_related("user")
        if draft.is_briefing
        else [],
        comment_form=comment_form,
        saved_revision=request.GET.get("saved", ""),
    )
    return result


def _tapped(request, sections):
    """The part whose "Comment" link was followed (`?comment_on=<section>-<part>`), quoted."""
    name, _dash, index = request.GET.get("comment_on", "").rpartition("-")
    for section, found in sections:
        if section.name == name and index.isdigit() and int(index) < len(found):
            return found[int(index)].passage
    return ""


def plain_text(draft):
    """The draft's words without markup, for finding the passages comments quote."""
    return " ".join(
        block.text for _section, source in draft.filled_sections() for block in blocks(source)
    )
