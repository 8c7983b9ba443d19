# The UK day of contacts, decisions and calls, kept by the database so figures can group and index on it.

import django.db.models.functions.datetime
import zoneinfo
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contacts', '0004_threshold_level_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='call',
            name='offered_on',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.datetime.TruncDate('offered_at', tzinfo=zoneinfo.ZoneInfo(key='Europe/London')), output_field=models.DateField()),
        ),
        migrations.AddField(
            model_name='contact',
            name='received_on',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.datetime.TruncDate('received_at', tzinfo=zoneinfo.ZoneInfo(key='Europe/London')), output_field=models.DateField()),
        ),
        migrations.AddField(
            model_name='thresholddecision',
            name='decided_on',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.datetime.TruncDate('decided_at', tzinfo=zoneinfo.ZoneInfo(key='Europe/London')), output_field=models.DateField()),
        ),
        migrations.AddIndex(
            model_name='call',
            index=models.Index(fields=['offered_on', 'abandoned', 'offered_at', 'answered_at'], name='call_offered_day'),
        ),
        migrations.AddIndex(
            model_name='contact',
            index=models.Index(fields=['received_on', 'source'], name='contact_received_day'),
        ),
        migrations.AddIndex(
            model_name='thresholddecision',
            index=models.Index(fields=['status', 'decided_on', 'outcome'], name='decision_day'),
        ),
    ]
