from django.db import migrations


def load(apps, schema_editor):
    from refdata.loading import load_counties, load_sectors

    load_counties(apps.get_model("refdata", "County"))
    load_sectors(apps.get_model("refdata", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("refdata", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
