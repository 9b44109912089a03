"""Changes of access that an open chat page must hear of at once, not at the next message:
a membership changed or ended, a new code of conduct that everyone must accept again."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from workspaces.conduct import CodeOfConduct
from workspaces.models import Membership

from . import live


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    live.recheck(instance.user_id)


@receiver(post_save, sender=CodeOfConduct)
def new_code_of_conduct(sender, instance, created, **kwargs):
    if created:
        live.recheck_everyone()
