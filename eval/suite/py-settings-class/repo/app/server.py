"""Builds the server's start-up line from the settings."""

from app import settings


def banner():
    mode = "debug" if settings.get("debug") else "production"
    return f"{settings.get('name')} on port {settings.get('port')} ({mode}, {settings.get('workers')} workers)"
