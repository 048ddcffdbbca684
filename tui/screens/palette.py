"""Command-palette provider: jump to any table or section of any loaded filing."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..data.text import literal_markup, safe_text


class JumpProvider(Provider):
    """Offers 'Open table …' and 'Open section …' for every loaded filing."""

    def _targets(self):
        """(text shown, help, callback) for every table and section."""
        main = self.app.screen_stack[0]
        for filing in self.app.library.filings():
            date = filing.date.isoformat() if filing.date else filing.name
            for table in filing.tables:
                text = safe_text(f"Open table: {table.title or 'Table'} ({date}, table {table.index})")
                yield text, f"{table.kind} table in {filing.name}", partial(main.show_table, filing.path, table.index)
            for section in filing.walk_sections():
                text = safe_text(f"Open section: {section.title} ({date})")
                yield text, f"lines {section.first_line}-{section.last_line} of {filing.name}", partial(
                    main.show_section, filing.path, section)

    async def discover(self) -> Hits:
        for text, help_text, callback in self._targets():
            if text.startswith("Open table"):
                yield DiscoveryHit(Content(text), callback, text=text, help=literal_markup(safe_text(help_text)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._targets():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), callback, text=text, help=literal_markup(safe_text(help_text)))
