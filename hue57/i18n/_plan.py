"""The plan's own wording in the reader's language: Vietnamese (the authority), or its unofficial English gloss."""

from __future__ import annotations

import pandas as pd

from hue57.i18n._formats import normalise_lang

# each Vietnamese column of the plan tables and the column holding its English gloss
GLOSS_OF = {"text_vi": "text_en", "title_vi": "title_en", "group_title_vi": "group_title_en", "output": "output_en",
            "deadline_text": "deadline_en", "name_vi": "name_en"}


def plan_text(data, column: str, lang: str):
    """`data[column]` (a frame's column or a row's field) in `lang`: the English gloss where one exists,
    else the Vietnamese. Glosses are unofficial translations; pages say so (`gloss.unofficial`)."""
    gloss = GLOSS_OF.get(column)
    if normalise_lang(lang) != "en" or gloss is None or gloss not in _keys(data):
        return data[column]
    if isinstance(data, pd.DataFrame):
        english = data[gloss].astype("object")
        return english.where(english.notna() & (english.astype("str").str.strip() != ""), data[column])
    english = data[gloss]
    return english if isinstance(english, str) and english.strip() else data[column]


def _keys(data) -> set:
    return set(data.columns) if isinstance(data, pd.DataFrame) else set(data.keys())
