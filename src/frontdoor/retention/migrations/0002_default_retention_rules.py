"""The retention periods of domain.md §13.3, which the council may then change."""

from django.db import migrations

DEFAULTS = {
    "childrens_social_care": (25, "Local schedule: to the 25th birthday"),
    "child_protection": (35, "Local schedule: 35 years after last contact (no statutory period)"),
    "looked_after": (
        75,
        "Care Planning, Placement and Case Review (England) Regulations 2010, reg 50: to the 75th anniversary "
        "of birth, or 15 years from death if the child died before 18",
    ),
    "adoption": (
        100,
        "Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005, reg 6: "
        "at least 100 years from the adoption order",
    ),
}


def add_defaults(apps, schema_editor):
    rule = apps.get_model("retention", "RetentionRule")
    for record_class, (years, basis) in DEFAULTS.items():
        rule.objects.get_or_create(record_class=record_class, defaults={"years": years, "basis": basis})


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_retention_rules_and_reviews")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
