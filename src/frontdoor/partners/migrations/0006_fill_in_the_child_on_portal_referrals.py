from django.db import migrations


def name_the_children(apps, schema_editor):
    """Earlier portal referrals kept the child only in the contact's description: its first line is the name."""
    PortalReferral = apps.get_model("partners", "PortalReferral")
    ContactChild = apps.get_model("contacts", "ContactChild")
    for referral in PortalReferral.objects.filter(child_described=""):
        child = ContactChild.objects.filter(contact_id=referral.contact_id).order_by("id").first()
        if child is None:
            continue
        if child.unidentified_details:
            described = child.unidentified_details.splitlines()[0]
        elif child.person_id:
            person = apps.get_model("people", "Person").objects.get(pk=child.person_id)
            described = f"{person.first_name} {person.last_name}"
        else:
            continue
        PortalReferral.objects.filter(pk=referral.pk).update(child_described=described[:300])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_portal_referral_names_the_child"),
        ("contacts", "0001_initial"),
        ("people", "0001_initial"),
    ]

    operations = [migrations.RunPython(name_the_children, migrations.RunPython.noop)]
