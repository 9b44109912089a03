"""The code of conduct every participant accepts before entering a workspace, one version after
another; the gate (`WorkspaceQuerySet.with_access`) asks whether the user accepted the one in
force. Kept apart from `workspaces.models`, which imports it, for that module's length."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField


class CodeOfConduct(models.Model):
    """The code every participant accepts before entering a workspace; each version anew."""

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    panels = [FieldPanel("text"), FieldPanel("published_at")]

    class Meta:
        verbose_name = _("code of conduct")
        verbose_name_plural = _("codes of conduct")
        ordering = ["-version"]

    def __str__(self):
        return str(_("Code of conduct, version %(version)s") % {"version": self.version})

    def save(self, *args, **kwargs):
        if self.version is None:
            latest = CodeOfConduct.objects.aggregate(models.Max("version"))["version__max"]
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        return cls.objects.filter(published_at__lte=timezone.now()).first()

    @classmethod
    def accepted_current(cls, user):
        cached = getattr(user, "_accepted_code_of_conduct", None)
        if cached is None:
            current = cls.current()
            cached = current is None or current.acceptances.filter(user=user).exists()
            user._accepted_code_of_conduct = cached
        return cached


class CodeOfConductAcceptance(models.Model):
    code = models.ForeignKey(CodeOfConduct, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="code_acceptances"
    )
    accepted_at = models.DateTimeField(_("accepted"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["code", "user"], name="one_acceptance_per_version")
        ]

    def __str__(self):
        return f"{self.user} · {self.code}"
