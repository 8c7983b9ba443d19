from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "frontdoor.records"
    verbose_name = "Records"
