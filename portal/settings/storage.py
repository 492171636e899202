"""Where private files (evidence, background exports) live, from the environment.

Several web machines and the worker must all see the same files. Two ways, both read here:

- a directory on a volume every machine mounts (NFS, a cloud file share):
  ``DJANGO_PRIVATE_MEDIA_ROOT``, Django's ``FileSystemStorage``;
- an S3-compatible bucket (AWS S3, MinIO, Ceph, DigitalOcean Spaces…) through django-storages'
  ``S3Storage``: ``DJANGO_PRIVATE_STORAGE_BUCKET`` and optionally
  ``DJANGO_PRIVATE_STORAGE_ENDPOINT_URL``, ``DJANGO_PRIVATE_STORAGE_REGION``; credentials come
  the way boto3 finds them (``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY``, an instance
  role). Objects are private, downloaded only through the portal's permission-checked views
  (never by a signed URL), and a name is never overwritten.
"""

S3_BACKEND = "storages.backends.s3.S3Storage"


def private_storage(environ, default_root):
    """The ``STORAGES["private"]`` entry for this environment."""
    bucket = environ.get("DJANGO_PRIVATE_STORAGE_BUCKET", "").strip()
    if not bucket:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": environ.get("DJANGO_PRIVATE_MEDIA_ROOT", str(default_root)),
                "base_url": None,
            },
        }
    options = {
        "bucket_name": bucket,
        "default_acl": "private",
        "file_overwrite": False,
        # The portal streams files to the people allowed to see them; no shareable URLs.
        "querystring_auth": True,
        "querystring_expire": 60,
        "location": environ.get("DJANGO_PRIVATE_STORAGE_PREFIX", "private"),
    }
    endpoint = environ.get("DJANGO_PRIVATE_STORAGE_ENDPOINT_URL", "").strip()
    if endpoint:
        options["endpoint_url"] = endpoint
    region = environ.get("DJANGO_PRIVATE_STORAGE_REGION", "").strip()
    if region:
        options["region_name"] = region
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
