"""A discussion as one reader sees it: the thread page, and what lists show of discussions.

The thread is a page of the workspace tree. `serve` is the view `workspaces.pages` serves it
through (registered in `DiscussionsConfig.ready`), behind the gate or in the admin's preview:
one page of replies, each marked with what this reader may do with it. Models never import this
module; it reads them, the reply form and the posts' markup.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property

from workspaces import markup
from workspaces.models import Membership, Role

from .forms import ReplyForm
from .models import REPLIES_PER_PAGE, ReadState


def author_badges(workspace):
    """Role labels shown next to authors' names; plain members get none."""
    shown = [Role.RAPPORTEUR, Role.FOCAL_POINT, Role.OFFICER]
    rows = (
        Membership.objects.active()
        .filter(
            Q(workspace=workspace, role__in=shown)
            # The envoy's office and the officers of admitted groups, in a shared space.
            | Q(workspace__admitted_to=workspace, role__in=[Role.FOCAL_POINT, Role.OFFICER])
        )
        .values_list("user_id", "workspace_id", "role", "user__gender")
    )
    # Sorted so that a direct membership, read last, wins over one through an admitted group.
    ordered = sorted(rows, key=lambda row: row[1] == workspace.pk)
    return {user_id: Role.label_for(role, gender) for user_id, _ws, role, gender in ordered}


class ThreadPaginator(Paginator):
    """Pages of a thread by the replies' places (`Reply.position`): the count is the place of
    the latest reply, one index seek, and a page is a range of places, so the last page of a
    long thread costs what the first does: no COUNT over the thread, no OFFSET stepping over
    it. Page numbers, and `get_page` on a missing or wrong one, are Django's."""

    def __init__(self, discussion, replies, per_page=REPLIES_PER_PAGE):
        super().__init__(replies, per_page)
        self.discussion = discussion

    @cached_property
    def count(self):
        # Every reply, hidden ones included: they keep their place as placeholders.
        return self.discussion.last_reply_position()

    def page(self, number):
        number = self.validate_number(number)
        replies = list(self.object_list.on_page(number, self.per_page))
        return self._get_page(replies, number, self)


def _annotate_post(post, *, user, access, badges, can_reply, now, back_to):
    post.shows_text = post.text_visible_to(user, access)
    post.author_badge = badges.get(post.moderation_author_id)
    post.can_edit = post.is_editable_by(user, access, now)
    post.is_own = post.moderation_author_id == user.pk
    # Authors may ask for their own post to be hidden once they can no longer edit it.
    post.can_report = access.can_report and not post.hidden and not post.can_edit
    post.moderation = post.moderation_links(access, may_report=post.can_report, back_to=back_to)
    post.can_quote = can_reply and post.shows_text


def load(request, discussions):
    """How `workspaces.pages` fetches a thread: with its author and when this reader last read it."""
    return discussions.select_related("owner").with_read_state(request.user)


def serve(request, access, discussion):
    """The thread page (`workspaces.pages`); opening it marks the thread read, unless previewed."""
    previously_read = None
    if not request.is_preview:
        previously_read = ReadState.mark_read(request.user, discussion)
    context = discussion.get_context(request)
    context.update(thread_context(request, access, discussion, previously_read))
    return TemplateResponse(request, discussion.get_template(request), context)


def thread_context(request, access, discussion, previously_read=None):
    """One page of replies, oldest first, with what this user may do; new ones marked."""
    user = request.user
    now = timezone.now()
    can_reply = discussion.can_reply(access)
    badges = author_badges(access.workspace)

    replies = ThreadPaginator(
        discussion, discussion.replies.select_related("author", "hidden_by")
    ).get_page(request.GET.get("page"))
    options = {
        "user": user,
        "access": access,
        "badges": badges,
        "can_reply": can_reply,
        "back_to": request.get_full_path(),
    }
    _annotate_post(discussion, now=now, **options)
    for reply in replies:
        _annotate_post(reply, now=now, **options)
        reply.is_new = (
            previously_read is not None
            and reply.created_at > previously_read
            and reply.author_id != user.pk
        )

    first_new_url = None
    # Nothing new since the last visit (the discussion knows its latest activity): no query.
    newer = previously_read is not None and discussion.last_activity_at > previously_read
    if newer and not any(reply.is_new for reply in replies):
        first_new = (
            discussion.replies.filter(created_at__gt=previously_read).exclude(author=user).first()
        )
        if first_new is not None:
            first_new_url = discussion.reply_url(first_new)

    form = None
    if can_reply:
        form = ReplyForm(
            initial={"body": _quoted(request, access, discussion)}, access=access, user=request.user
        )
    return {
        "discussion": discussion,
        "replies": replies,
        "tags": list(discussion.tags.all()),
        "form": form,
        "first_new_url": first_new_url,
    }


def _quoted(request, access, discussion):
    """The reply form's starting text when the reader followed a "quote" link."""
    wanted = request.GET.get("quote", "")
    user = request.user
    if wanted == "opening":
        post, text = discussion, discussion.body
        author = discussion.owner
    elif wanted.isdigit():
        post = discussion.replies.select_related("author").filter(pk=wanted).first()
        if post is None:
            return ""
        text, author = post.body, post.author
    else:
        return ""
    if not post.text_visible_to(user, access):
        return ""
    return markup.quote(text, author.get_display_name() if author else "")


def prepare_listing(discussions, user, access):
    """Mark each listed discussion with whether its text may be shown to `user`."""
    discussions = list(discussions)
    for discussion in discussions:
        discussion.shows_text = discussion.text_visible_to(user, access)
    return discussions
