from django import forms
from django.utils.translation import gettext_lazy as _

from workinggroups.models import WorkingGroup
from workspaces.markup import normalise_newlines

from .diff import BOTH, CHOICES, merge_regions
from .kinds import TITLE, Kind, Release
from .text import join_paragraphs, paragraphs, parts, replace_part


def _textarea(rows, **attrs):
    return forms.Textarea(attrs={"rows": rows, "dir": "auto", **attrs})


class StartDraftForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Kind.choices,
        initial=Kind.TEXT,
        widget=forms.RadioSelect,
        help_text=_(
            "A briefing note for the envoy's office has four sections and never names anyone."
        ),
    )


class DraftForm(forms.Form):
    """The title and the sections of one draft, and the revision the edit started from."""

    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"dir": "auto"})
    )

    def __init__(self, *args, draft, readonly=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        rows = 8 if draft.is_briefing else 20
        for section in draft.sections():
            attrs = {"data-draft-field": section.name}
            if readonly:
                attrs["readonly"] = True
            self.fields[section.name] = forms.CharField(
                label=section.label,
                help_text=section.help_text,
                required=False,
                strip=False,
                widget=_textarea(rows, **attrs),
            )
        if readonly:
            self.fields["title"].widget.attrs["readonly"] = True

    @classmethod
    def for_draft(cls, draft, revision):
        initial = {"base_revision": revision.pk if revision else None, "title": draft.title}
        initial.update({section.name: getattr(draft, section.name) for section in draft.sections()})
        return cls(draft=draft, initial=initial)

    def section_fields(self):
        return [self[section.name] for section in self.draft.sections()]

    def texts(self):
        return {
            section.name: normalise_newlines(self.cleaned_data[section.name])
            for section in self.draft.sections()
        }

    def edited(self, base):
        """(title, texts) to save: all of them are in this form."""
        return self.cleaned_data["title"], self.texts()


def _section(draft, name):
    return next((section for section in draft.sections() if section.name == name), None)


class PartForm(forms.Form):
    """One section of a draft, or one part of a section (`text.parts`): what a phone edits at
    a time instead of the whole text. The rest of the text is the revision the edit started
    from, so a save made meanwhile is caught and merged like any other."""

    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    section = forms.CharField(widget=forms.HiddenInput)
    part = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    text = forms.CharField(required=False, strip=False, widget=_textarea(12))

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.chosen = _section(draft, self["section"].value())
        part = self["part"].value()
        label = self.chosen.label if self.chosen else ""
        if part not in (None, "") and str(part).isdigit():
            # The part's number as readers count it, from one.
            label = _("%(section)s, part %(number)s") % {"section": label, "number": int(part) + 1}
        self.fields["text"].label = label
        if part not in (None, ""):
            self.fields["text"].help_text = _("Leave it empty to remove this part.")
            self.fields["text"].widget.attrs["rows"] = 6
        self.fields["text"].widget.attrs["data-draft-field"] = "text"

    @classmethod
    def for_draft(cls, draft, revision, section, part=None):
        """The form for `section` of `draft` (or its part `part`), or None when there is no
        such section or part."""
        chosen = _section(draft, section)
        if chosen is None:
            return None
        text = getattr(draft, chosen.name)
        if part is not None:
            found = parts(text)
            if part > len(found):
                return None
            text = found[part] if part < len(found) else ""
        initial = {
            "base_revision": revision.pk if revision else None,
            "section": chosen.name,
            "part": part,
            "text": text,
        }
        return cls(draft=draft, initial=initial)

    def clean_section(self):
        if self.chosen is None:
            raise forms.ValidationError(_("This draft has no such section."))
        return self.chosen.name

    def edited(self, base):
        """(title, texts) to save: those of `base` (the revision the edit started from, or the
        draft itself) with this section, or this part of it, as written here."""
        texts = base.texts()
        name, part = self.cleaned_data["section"], self.cleaned_data["part"]
        new = normalise_newlines(self.cleaned_data["text"])
        texts[name] = new if part is None else replace_part(texts[name], part, new)
        return base.title, texts


class MergeForm(DraftForm):
    """Someone saved first: their text and this one, merged by a choice per differing stretch.

    The text being saved travels along (read-only) so nothing typed is lost, whatever happens
    to this form; the choices are offered only where the two texts differ, each preset to
    whoever changed that stretch since the common revision, or to both when both did.
    """

    merge_from = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, draft, base, theirs, **kwargs):
        super().__init__(*args, draft=draft, readonly=True, **kwargs)
        self.base, self.theirs = base, theirs
        mine = self.data if self.is_bound else self.initial
        self.parts = []
        for section in (TITLE, *draft.sections()):
            regions = merge_regions(
                paragraphs(getattr(base, section.name, "") if base else ""),
                paragraphs(getattr(theirs, section.name)),
                paragraphs(mine.get(section.name, "")),
            )
            choices = []
            for index, region in enumerate(regions):
                if not region.differs:
                    choices.append((region, None))
                    continue
                name = f"choice-{section.name}-{index}"
                self.fields[name] = forms.ChoiceField(
                    label=section.label,
                    choices=CHOICES,
                    initial=region.suggested,
                    widget=forms.RadioSelect,
                )
                choices.append((region, name))
            self.parts.append((section, choices))

    @classmethod
    def after_conflict(cls, draft, base, theirs, title, texts):
        initial = {"base_revision": theirs.pk, "merge_from": base.pk if base else None}
        initial.update(title=title, **texts)
        return cls(draft=draft, base=base, theirs=theirs, initial=initial)

    def mine_fields(self):
        return [self["title"], *self.section_fields()]

    def parts_for_display(self):
        """(section, [(region, bound choice or None)]) for each part with a difference."""
        shown = []
        for section, regions in self.parts:
            if any(name for _region, name in regions):
                shown.append(
                    (section, [(region, self[name] if name else None) for region, name in regions])
                )
        return shown

    def merged(self):
        """(title, texts) the choices make."""
        result = {}
        for section, regions in self.parts:
            kept = []
            for region, name in regions:
                kept.extend(region.resolve(self.cleaned_data[name] if name else BOTH))
            result[section.name] = " / ".join(kept) if section is TITLE else join_paragraphs(kept)
        title = result.pop(TITLE.name)[:255]
        return title, result


class CommentForm(forms.Form):
    PASSAGE_MAX = 1000

    passage = forms.CharField(
        label=_("Passage"),
        max_length=PASSAGE_MAX,
        required=False,
        help_text=_(
            "The words you comment on. Tap “Comment” under a paragraph, or select words in the "
            "text, to fill this in."
        ),
        widget=_textarea(2, **{"data-draft-passage": ""}),
    )
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=_textarea(3))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if parent_id is None:
            return None
        parent = self.draft.comments.filter(pk=parent_id, parent=None).first()
        if parent is None:
            raise forms.ValidationError(_("That comment no longer exists."))
        return parent

    def save(self, author):
        parent = self.cleaned_data["parent"]
        return self.draft.comments.create(
            parent=parent,
            passage="" if parent else self.cleaned_data["passage"],
            body=self.cleaned_data["body"],
            author=author,
        )


def _reason_field(**kwargs):
    return forms.CharField(
        label=_("Why it may leave the workspace as it is"),
        max_length=1000,
        help_text=_("Kept in the draft's history with your name, the time and the revision."),
        widget=_textarea(3),
        **kwargs,
    )


class ReleaseForm(forms.Form):
    """Staff let out a text that names people anyway, saying why."""

    reason = _reason_field()


class PublishForm(forms.Form):
    working_group = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=WorkingGroup.objects.filter(locale__language_code="ar"),
        help_text=_("The paper is listed under this group on the public working-groups page."),
    )
    title = forms.CharField(
        label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=600, required=False, widget=_textarea(3)
    )

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.namings = draft.namings_against(Release.PAPER)
        if self.namings:
            # A paper attributes nothing to anyone: a text that names people needs a reason.
            self.fields["reason"] = _reason_field(
                error_messages={
                    "required": _(
                        "The text names people of this workspace, and a paper attributes "
                        "nothing to anyone: change the text first, or state why it may be "
                        "published as it is."
                    )
                }
            )
