from django.db import migrations


def create_local_authority(apps, schema_editor):
    # Every deployment serves one council; an administrator fills in its details.
    LocalAuthority = apps.get_model("accounts", "LocalAuthority")
    LocalAuthority.objects.get_or_create(pk=1, defaults={"name": "Children's services"})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_local_authority, migrations.RunPython.noop)]
