"""Static files as production serves them: collected, hashed and compressed by WhiteNoise."""

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_for_production_finds_every_file_the_assets_refer_to(tmp_path: Path) -> None:
    # The manifest storage rewrites every url() and source map reference; one missing file stops a deployment.
    with override_settings(STORAGES=PRODUCTION_STORAGES, STATIC_ROOT=tmp_path, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "css/app.css" in manifest
    assert "js/chart.umd.min.js" in manifest
    assert any(tmp_path.glob("js/chart.umd.min.*.js.gz"))
