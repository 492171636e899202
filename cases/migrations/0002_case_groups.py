from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("cases", "case", "view_case"),
    ("cases", "case", "add_case"),
    ("cases", "case", "triage_case"),
    ("cases", "case", "forward_case"),
    ("cases", "case", "record_response"),
    ("cases", "case", "close_case"),
    ("cases", "case", "dismiss_case"),
    ("cases", "case", "escalate_case"),
    ("cases", "case", "add_case_note"),
    ("cases", "authority", "view_authority"),
    ("cases", "responsetemplate", "view_responsetemplate"),
]
SUPERVISOR_PERMISSIONS = [
    *WORKER_PERMISSIONS,
    ("cases", "case", "recall_case"),
    ("cases", "case", "reopen_case"),
    ("cases", "case", "reassign_case"),
    ("cases", "case", "withdraw_case"),
    ("cases", "authority", "add_authority"),
    ("cases", "authority", "change_authority"),
    ("cases", "responsetemplate", "add_responsetemplate"),
    ("cases", "responsetemplate", "change_responsetemplate"),
    ("cases", "responsetemplate", "delete_responsetemplate"),
]
GROUPS = {"Case workers": WORKER_PERMISSIONS, "Case supervisors": SUPERVISOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
