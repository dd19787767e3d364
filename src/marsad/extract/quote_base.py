"""The quote finder's own state on top of :class:`~marsad.extract.speakers.SpeakerRules`.

Every pass records a quote through :meth:`QuoteBase._add`, which trims the span, stores the
cue and speaker and updates ``last_speaker`` — the memory the pronoun rules read — so every
pass leaves the same trace, whichever mixin found the quote.
"""

from __future__ import annotations

from marsad.extract.cues import Word, strip_punct
from marsad.extract.speakers import SpeakerRules, _Speaker
from marsad.model import Article, Quote


class QuoteBase(SpeakerRules):
    """Finder state (embedded quotes) and :meth:`_add`, shared by every pass."""

    def __init__(self, article: Article) -> None:
        super().__init__(article)
        # Round 9: direct quotes a reported clause embeds on purpose (kept by _cut_overlaps)
        self._embedded: set[tuple[int, int]] = set()

    def _add(self, start: int, end: int, kind: str, cue: Word | None, speaker: _Speaker | None,
             cue_end: int | None = None) -> None:
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return
        sp_dict = None
        if speaker is not None:
            resolved = speaker.kind == "pronoun"
            sp_dict = speaker.as_dict("pronoun-resolved" if resolved else None)
            self.last_speaker = _Speaker(speaker.text, speaker.start, speaker.end,
                                         speaker.kind if not resolved else "person", speaker.entity)
            self.last_speaker_at = max(start, cue.start if cue else start)
        self.quotes.append(Quote(
            start=start, end=end, text=self.text[start:end], kind=kind,
            cue=(self.text[cue.start:cue_end or cue.end] if cue else ""),
            cue_start=cue.start if cue else None, cue_end=(cue_end or cue.end) if cue else None,
            speaker=sp_dict,
        ))

    def _quote_before(self, pos: int) -> Quote | None:
        """The quote with a located speaker that ends last before ``pos``: the passes after the
        cue scan ask for it, as the scan's last speaker may stand later in the text."""
        earlier = [q for q in self.quotes if q.end <= pos and q.speaker and q.speaker.get("start") is not None]
        return max(earlier, key=lambda q: q.end) if earlier else None

    def _speaker_before(self, pos: int) -> _Speaker | None:
        """Round 15: «"…"، وفقا لتعبيره» ("in his words") names the speaker of the quote just
        before the marks (:meth:`_quote_before`), taken up as a pronoun would take it."""
        q = self._quote_before(pos)
        return _Speaker.taken_up(q.speaker or {}) if q is not None else None
