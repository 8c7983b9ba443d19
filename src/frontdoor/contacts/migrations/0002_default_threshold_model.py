from django.db import migrations

from frontdoor.contacts.defaults import install_default_threshold_model


def create_levels(apps, schema_editor):
    install_default_threshold_model(apps.get_model("contacts", "ThresholdLevel"), apps.get_model("contacts", "ThresholdCriterion"))


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
