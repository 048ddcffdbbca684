"""Headless domain logic for the browser: no textual or rich imports, unit-tested on its own."""
