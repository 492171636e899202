"""One authentication backend: Django's ModelBackend behind django-axes' lockout check.

Axes ships its check as a backend of its own (``AxesBackend`` checks, then returns None so
that the next backend in the list signs the user in). With two backends Django can no longer
answer ``User.objects.with_perm()`` without being told which one to ask (the case workbench
uses it to list case staff), so here one backend does both: the Axes check first, which
raises a PermissionDenied for a locked-out sign-in, then ModelBackend's own authentication."""

from axes.backends import AxesBackend
from django.contrib.auth.backends import ModelBackend


class ThrottledModelBackend(AxesBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )
