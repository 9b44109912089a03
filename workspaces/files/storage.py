"""Where workspace files live: a folder of their own that no URL pattern serves.

`PRIVATE_MEDIA_ROOT` is read on every use rather than once, so a changed setting (a test's
temporary folder) takes effect without rebuilding the storage. The storage has no URL: every
byte leaves through `workspaces.files.views`, after the access rule has been asked.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; link to the files views instead.")


_storage = PrivateStorage()


def private_storage():
    return _storage


def random_name(instance, filename):
    # Random names, without the uploader's file name or extension: a path reveals nothing.
    token = uuid.uuid4().hex
    return f"{token[:2]}/{token}"


def derivative_name(instance, filename):
    # Beside the original and named after it, so the two are found and removed together.
    return f"{instance.version.stored.name}-{instance.name}.jpg"
