"""Pieces shared by the apps' serializers."""

from typing import Any

from rest_framework import serializers


class ReadOnlyChoicesMayBeBlank(serializers.ModelSerializer):
    """A model serializer whose read-only choice fields say when they may be blank.

    DRF drops `allow_blank` from read-only fields, so the schema's enum left out the "" that an
    optional choice (an assessment's views_not_gathered before it is answered) really holds, and a
    client validating against the schema refused a correct answer.
    """

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        model: Any = self.Meta.model
        for name, field in fields.items():
            if isinstance(field, serializers.ChoiceField) and field.read_only:
                source = field.source if field.source not in (None, "*") else name
                model_field: Any = next((f for f in model._meta.get_fields() if f.name == source), None)
                if getattr(model_field, "blank", False):
                    field.allow_blank = True
        return fields
