"""Stored bytes follow their rows: whatever deletes a version or a preview (a file, a post, a
whole workspace being erased) also removes it from the private storage, once committed."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Derivative, FileTag, FileVersion, WorkspaceFile


@receiver(post_delete, sender=FileVersion)
@receiver(post_delete, sender=Derivative)
def remove_stored_bytes(sender, instance, **kwargs):
    if instance.stored:
        storage, name = instance.stored.storage, instance.stored.name
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=WorkspaceFile)
def remove_unused_tags(sender, instance, **kwargs):
    # A tag names what a group works on; none outlives the last file that carried it.
    transaction.on_commit(lambda: FileTag.objects.filter(tagged_files__isnull=True).delete())
