"""Case supervisors answer data subject requests and read the staff access log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Case supervisors": [("cases", "handle_personal_data"), ("cases", "view_staffaccess")],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cases")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GRANTS.items():
        for group in Group.objects.filter(name=name):
            for app_label, codename in permissions:
                group.permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GRANTS.items():
        for group in Group.objects.filter(name=name):
            codenames = [codename for _app, codename in permissions]
            group.permissions.remove(*Permission.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_data_protection")]

    operations = [migrations.RunPython(grant, revoke)]
