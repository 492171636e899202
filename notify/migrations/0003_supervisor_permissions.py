from django.contrib.auth.management import create_permissions
from django.db import migrations

SUPERVISOR_PERMISSIONS = [
    ("outboundmessage", "view_outboundmessage"),
    ("outboundmessage", "retry_outboundmessage"),
    ("messagetemplate", "view_messagetemplate"),
    ("messagetemplate", "add_messagetemplate"),
    ("messagetemplate", "change_messagetemplate"),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("notify")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Case supervisors")
    for model, codename in SUPERVISOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="notify", content_type__model=model, codename=codename
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Case supervisors").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="notify",
                codename__in=[codename for _, codename in SUPERVISOR_PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0002_initial_message_templates"),
        ("cases", "0002_case_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
