"""A stage and the drawn personas -> its flow-view header: the name, then how each persona feels, one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeygen.render.flow.escape import html_text, label

if TYPE_CHECKING:
    from journeygen.render.flow.look import Look
    from journeygen.spec.model import Emotion, Persona, Stage

TITLE_WIDTH = 30
NAME_WIDTH = 22
WORD_WIDTH = 16


def stage_title(stage: Stage) -> str:
    """The stage name, starred when it is a moment of truth (a mark every language reads)."""
    return f"★ {stage.name}" if stage.moment_of_truth else stage.name


def feelings(stage: Stage, look: Look) -> list[tuple[Persona | None, Emotion]]:
    """(persona, emotion) per drawn persona when the stage gives one per persona, else (None, the shared one)."""
    if not isinstance(stage.emotion, dict):
        shared = stage.emotion_for(look.personas[0].id)
        return [] if shared is None else [(None, shared)]
    return [(p, e) for p in look.personas if (e := stage.emotion_for(p.id)) is not None]


def stage_label(stage: Stage, look: Look) -> str:
    """Plain lines (``curious · 3/5``) for at most one feeling; a table with a row per persona for several,
    so names, words and scores line up in columns."""
    rows = feelings(stage, look)
    if len(rows) <= 1:
        lines = [" · ".join([*([who.name] if who and not look.picked else []), *([e.label] if e.label else []),
                             look.scale.shown(e.score)])
                 for who, e in rows]
        return label(stage_title(stage), *lines, width=TITLE_WIDTH)
    title = f'<TR><TD COLSPAN="4">{html_text(stage_title(stage), TITLE_WIDTH)}</TD></TR>'
    body = "".join(_row(who, emotion, look) for who, emotion in rows if who is not None)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{title}{body}</TABLE>>'


def _row(who: Persona, emotion: Emotion, look: Look) -> str:
    mark = f'<TD><FONT COLOR="{look.persona(who)}">●</FONT></TD>'
    name = f'<TD ALIGN="LEFT" BALIGN="LEFT">{html_text(who.name, NAME_WIDTH)}</TD>'
    word = f'<TD ALIGN="LEFT" BALIGN="LEFT">{html_text(emotion.label or "", WORD_WIDTH)}</TD>'
    return f'<TR>{mark}{name}{word}<TD ALIGN="RIGHT">{look.scale.shown(emotion.score)}</TD></TR>'
