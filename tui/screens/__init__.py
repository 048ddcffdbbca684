"""The browser's screens and dialogs, one per module."""
