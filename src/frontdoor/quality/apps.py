from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "frontdoor.quality"
    verbose_name = "Quality assurance"
