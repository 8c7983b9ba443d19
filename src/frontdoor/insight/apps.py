from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "frontdoor.insight"
    verbose_name = "Insight"
