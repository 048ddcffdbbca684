"""Command-palette provider: jump to any filing (by company, form, date or file name), and to any
table (by title, statement kind or company) or section of the loaded filings."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..data.text import literal_markup, safe_text


class JumpProvider(Provider):
    """Offers 'Open filing …' for every listed filing, 'Open table …' and 'Open section …' for every
    loaded one."""

    def _targets(self):
        """(text shown, help, callback) for every filing, table and section."""
        from ..data.statements import NAMES  # here: the app imports this provider before its first paint

        main = self.app.screen_stack[0]
        for entry in self.app.library.entries():
            if entry.loaded and not entry.error:
                who = " ".join(part for part in (entry.company, entry.form, entry.date_text) if part)
                yield (safe_text(f"Open filing: {who or entry.name} ({entry.name})"), safe_text(entry.headline),
                       partial(main.select_filing, entry.path))
        for filing in self.app.library.filings():
            date = filing.date.isoformat() if filing.date else filing.name
            company = f"{filing.company} · " if filing.company else ""  # first: typed first, as in "microsoft balance"
            for table in filing.tables:
                kind = NAMES.get(str(table.kind), f"{table.kind} table")
                text = safe_text(f"Open table: {company}{table.title or 'Table'} — {kind} · {date}, table {table.index}")
                yield text, f"{kind} in {filing.name}", partial(main.show_table, filing.path, table.index)
            for section in filing.walk_sections():
                text = safe_text(f"Open section: {section.title} ({date})")
                yield text, f"lines {section.first_line}-{section.last_line} of {filing.name}", partial(
                    main.show_section, filing.path, section)

    async def discover(self) -> Hits:
        for text, help_text, callback in self._targets():
            if text.startswith(("Open table", "Open filing")):
                yield DiscoveryHit(Content(text), callback, text=text, help=literal_markup(safe_text(help_text)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._targets():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), callback, text=text, help=literal_markup(safe_text(help_text)))
