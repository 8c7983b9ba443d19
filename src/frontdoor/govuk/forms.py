"""GOV.UK Design System forms: every form gets GOV.UK markup, inline errors and
an error summary without each form saying so.

FORM_RENDERER points here. The renderer gives every bound field the GOV.UK
classes and the aria links to its hint and error message; the field template
draws labels, hints, errors, fieldsets, radios, checkboxes and date inputs.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input

INPUT_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.Textarea, "govuk-textarea"),
    (forms.Select, "govuk-select"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (Input, "govuk-input"),
]
FIELDSET_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.MultiWidget)


class GovukBoundField(BoundField):
    @property
    def kind(self) -> str:
        """Which GOV.UK pattern draws this field."""
        widget = self.field.widget
        if widget.is_hidden:
            return "hidden"
        if isinstance(widget, GovukDateInput):
            return "date"
        # Checkboxes first: Django's CheckboxSelectMultiple is a kind of RadioSelect.
        if isinstance(widget, forms.CheckboxSelectMultiple):
            return "checkboxes"
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        return "input"

    @property
    def uses_fieldset(self) -> bool:
        return isinstance(self.field.widget, FIELDSET_WIDGETS)

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def described_by(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    @property
    def error_link(self) -> str:
        """Where the error summary links to: the first input of the field."""
        widget = self.field.widget
        if isinstance(widget, GovukDateInput):
            return f"{self.auto_id}_day"
        if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
            return f"{self.auto_id}_0"
        return self.auto_id or self.html_name

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        attrs.pop("aria-describedby", None)
        if isinstance(widget, FIELDSET_WIDGETS):
            # The fieldset carries the description for radios, checkboxes and dates.
            return attrs
        # Extra attrs replace the widget's own, so keep its classes (widths and the like).
        classes = [widget.attrs.get("class", ""), attrs.get("class", "")]
        for widget_class, css_class in INPUT_CLASSES:
            if isinstance(widget, widget_class):
                classes.append(css_class)
                if self.errors and css_class != "govuk-checkboxes__input":
                    classes.append(f"{css_class}--error")
                break
        attrs["class"] = " ".join(c for c in classes if c)
        if self.described_by:
            attrs["aria-describedby"] = self.described_by
        return attrs


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes."""

    template_name = "govuk/forms/widgets/date.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}) for part in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        has_error = (attrs or {}).get("aria-invalid") == "true"
        for part, subwidget in zip(self.parts, context["widget"]["subwidgets"], strict=True):
            width = "govuk-input--width-4" if part == "year" else "govuk-input--width-2"
            css = f"govuk-input govuk-date-input__input {width}"
            subwidget["attrs"]["class"] = css + (" govuk-input--error" if has_error else "")
            subwidget["attrs"].pop("aria-invalid", None)
            subwidget["attrs"].pop("required", None)
            # Django numbers the boxes _0, _1, _2; the error summary and the label point at _day.
            if subwidget["attrs"].get("id"):
                subwidget["attrs"]["id"] = f"{(attrs or {}).get('id', '')}_{part}"
            subwidget["part"] = part
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""


class GovukDateField(forms.Field):
    """A date from the GOV.UK date input, with the Design System's error messages."""

    widget = GovukDateInput

    def __init__(
        self,
        *,
        earliest: date | None = None,
        latest: date | None = None,
        **kwargs: Any,
    ) -> None:
        self.earliest, self.latest = earliest, latest
        super().__init__(**kwargs)

    @property
    def name_for_errors(self) -> str:
        return str(self.label or "Date")

    def to_python(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        if isinstance(value, str):
            value = value.split("-")[::-1] if value else ["", "", ""]
        parts = [str(p).strip() if p is not None else "" for p in value]
        if not any(parts):
            return None
        missing = [name for name, part in zip(GovukDateInput.parts, parts, strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.name_for_errors} must include a {' and a '.join(missing)}", code="incomplete")
        if not all(part.isdigit() for part in parts):
            raise ValidationError(f"{self.name_for_errors} must be a real date", code="invalid")
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) != 4:
            raise ValidationError("Year must include 4 numbers", code="invalid_year")
        try:
            return date(year, month, day)
        except ValueError:
            raise ValidationError(f"{self.name_for_errors} must be a real date", code="invalid") from None

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if self.earliest and value < self.earliest:
            raise ValidationError(
                f"{self.name_for_errors} must be the same as or after {self.earliest:%-d %B %Y}",
                code="too_early",
            )
        if self.latest and value > self.latest:
            raise ValidationError(
                f"{self.name_for_errors} must be the same as or before {self.latest:%-d %B %Y}",
                code="too_late",
            )


class GovukForm(forms.Form):
    """A form whose 'required' errors name the field, as the Design System asks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_required_fields(self)


class GovukModelForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_required_fields(self)


def name_required_fields(form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        label = str(field.label or name.replace("_", " ")).lower()
        if isinstance(field.widget, (forms.Select, forms.RadioSelect)):
            message = f"Select {label}"
        else:
            message = f"Enter {label}"
        field.error_messages.setdefault("required", message)
        if field.error_messages["required"] == forms.Field.default_error_messages["required"]:
            field.error_messages["required"] = message


def add_errors(form: forms.BaseForm, error: ValidationError | Exception) -> None:
    """Show a service's refusal on the form: on the fields it names, otherwise in the summary."""
    if not isinstance(error, ValidationError):
        form.add_error(None, str(error))
        return
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, errors in error.error_dict.items():
        target = name if name in form.fields else None
        for item in errors:
            for message in item.messages:
                form.add_error(target, message)
