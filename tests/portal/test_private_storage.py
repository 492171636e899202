"""Private files (evidence, background exports) on storage several machines share: a directory
on a shared volume, or an S3-compatible bucket through django-storages, read from the
environment (portal/settings/storage.py)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, StorageHandler
from django.test import SimpleTestCase

from portal.settings.storage import private_storage

DEFAULT_ROOT = Path("/srv/huduma/var/private-media")


def storage_for(environ):
    return StorageHandler({"private": private_storage(environ, DEFAULT_ROOT)})["private"]


class PrivateStorageSettingsTests(SimpleTestCase):
    def test_a_directory_by_default(self):
        storage = storage_for({})
        self.assertIsInstance(storage, FileSystemStorage)
        self.assertEqual(Path(storage.location), DEFAULT_ROOT)

    def test_a_shared_volume_is_a_directory_every_machine_mounts(self):
        storage = storage_for({"DJANGO_PRIVATE_MEDIA_ROOT": "/mnt/shared/huduma-private"})
        self.assertEqual(storage.location, "/mnt/shared/huduma-private")

    def test_files_written_by_one_process_are_read_by_another(self):
        import tempfile

        with tempfile.TemporaryDirectory() as shared:
            environ = {"DJANGO_PRIVATE_MEDIA_ROOT": shared}
            name = storage_for(environ).save("evidence/2026/kiosk.jpg", ContentFile(b"jpeg"))
            with storage_for(environ).open(name) as stored:
                self.assertEqual(stored.read(), b"jpeg")

    def test_an_s3_compatible_bucket_through_django_storages(self):
        from storages.backends.s3 import S3Storage

        storage = storage_for(
            {
                "DJANGO_PRIVATE_STORAGE_BUCKET": "huduma-evidence",
                "DJANGO_PRIVATE_STORAGE_ENDPOINT_URL": "https://minio.example.org",
                "DJANGO_PRIVATE_STORAGE_REGION": "af-south-1",
                "DJANGO_PRIVATE_MEDIA_ROOT": "/ignored/with/a/bucket",
            }
        )
        self.assertIsInstance(storage, S3Storage)
        self.assertEqual(storage.bucket_name, "huduma-evidence")
        self.assertEqual(storage.endpoint_url, "https://minio.example.org")
        self.assertEqual(storage.region_name, "af-south-1")
        self.assertEqual(storage.default_acl, "private")
        self.assertFalse(storage.file_overwrite)  # server-chosen names are never replaced
        self.assertEqual(storage.location, "private")

    def test_every_option_is_one_django_storages_knows(self):
        from storages.backends.s3 import S3Storage

        config = private_storage({"DJANGO_PRIVATE_STORAGE_BUCKET": "b"}, DEFAULT_ROOT)
        try:
            S3Storage(**config["OPTIONS"])
        except ImproperlyConfigured as error:  # pragma: no cover - the failure this catches
            self.fail(f"django-storages refuses the options: {error}")
