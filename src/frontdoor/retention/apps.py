from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "frontdoor.retention"
    verbose_name = "Retention and subject access"
