"""Case supervisors may download the exports their team asked for."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cases")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="cases", codename="download_any_exportjob"
    )
    for group in Group.objects.filter(name="Case supervisors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_export_jobs")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
