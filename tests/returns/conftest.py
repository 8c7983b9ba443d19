from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def returns_dir(settings: Any, tmp_path: Path) -> Path:
    """Built returns go to the test's own folder."""
    settings.RETURNS_DIR = tmp_path / "returns"
    return settings.RETURNS_DIR
