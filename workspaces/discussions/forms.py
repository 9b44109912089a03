from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from workspaces import attachments, mentions

from .models import (
    BODY_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    DiscussionPage,
    DiscussionTag,
)

FORMAT_HELP = _(
    "You can write *emphasis*, **strong**, lists starting with - or 1., and quotes starting "
    "with >. Web addresses become links by themselves."
)


class PostForm(forms.Form):
    """A post's form: its own fields, and the files its composer attaches
    (`workspaces.attachments`), which only the workspace's posters can send."""

    def __init__(self, *args, access=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.access, self.user = access, user
        if access is not None and access.can_post:
            attachments.add_fields(self, access.workspace, user)

    def people_to_mention(self):
        """Who may read the post, but its author: the composer's suggestions after "@"."""
        if self.access is None:
            return []
        return mentions.people_to_mention(self.access.workspace.people_with_access(), self.user)

    @property
    def post_data(self):
        return attachments.post_data(self)

    def chosen_attachments(self):
        return attachments.chosen(self)


class DiscussionForm(PostForm):
    kind = forms.ChoiceField(
        label=_("This is"),
        choices=DiscussionPage.Kind.choices,
        initial=DiscussionPage.Kind.DISCUSSION,
        widget=forms.RadioSelect,
        help_text=_("Raise a concern when something worries you and the group should know."),
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    body = forms.CharField(
        label=_("Text"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=FORMAT_HELP,
    )
    tags = TagField(
        label=_("Tags"),
        required=False,
        help_text=_("Optional, separated by commas, for example: constitution, elections"),
    )
    focal_point_invited = forms.BooleanField(
        label=_("Invite the focal point of the envoy's office to reply"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["dir"] = "auto"
        # Suggestions from the workspace's own tags (`tag_names_in`), one tag at a time
        # (js/site.js), so the group keeps to one spelling of each.
        self.fields["tags"].widget.attrs.update({"dir": "auto", "list": "tag-suggestions"})

    @classmethod
    def for_discussion(cls, discussion, data=None, files=None, **context):
        initial = {
            "kind": discussion.kind,
            "title": discussion.title,
            "body": discussion.body,
            "tags": list(discussion.tags.all()),
            "focal_point_invited": discussion.focal_point_invited,
        }
        return cls(data, files, initial=initial, **context)


def tag_names_in(workspace, limit=200):
    """The tags of the discussions of `workspace`, the tags field's suggestions there."""
    discussions = DiscussionPage.objects.in_workspace(workspace)
    return list(
        DiscussionTag.objects.filter(tagged_discussions__content_object__in=discussions)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:limit]
    )


class ReplyForm(PostForm):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=FORMAT_HELP,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False, widget=forms.SearchInput)
    everywhere = forms.BooleanField(label=_("In all my workspaces"), required=False)
