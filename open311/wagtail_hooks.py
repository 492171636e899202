from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import ApiKeyViewSet, api_key_permission_policy
from .models import ApiKey

register_permission_policy(ApiKey, api_key_permission_policy)


@hooks.register("register_admin_viewset")
def register_api_key_viewset():
    return ApiKeyViewSet()
