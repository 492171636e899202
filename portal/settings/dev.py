"""Local development: SQLite under var/, debug on, e-mail to the console."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]

# The default SQLite database lives under var/ (git-ignored).
VAR_DIR.mkdir(exist_ok=True)
