"""One translation system for the whole program: Qt Linguist catalogues, one file per language.

`resources/translations/trialdesk_<lang>.ts` holds every translatable string: the interface's
(`tr()` in trialdesk.ui) and the domain's messages (trialdesk.messages, each marked with
`QT_TRANSLATE_NOOP(key, English)` so that `pyside6-lupdate` extracts them too). The interface
loads the compiled `.qm` with a QTranslator; the Qt-free message catalogue reads the same `.ts`
here. `scripts/translations.sh` extracts and compiles; a new language is a new file.
"""

from __future__ import annotations

import locale
import os
from functools import cache

from trialdesk.resources import resource_root

SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for extraction under `context`; returns it unchanged."""
    return text


def catalogue_path(lang: str):
    return resource_root() / "translations" / f"trialdesk_{lang}.ts"


def languages() -> tuple[str, ...]:
    """The source language and every language with a catalogue."""
    found = sorted(p.stem.removeprefix("trialdesk_") for p in (resource_root() / "translations").glob("trialdesk_*.ts"))
    return (SOURCE_LANGUAGE, *found)


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, English source) -> translation, for every finished translation of `lang`."""
    path = catalogue_path(lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return {}
    import xml.etree.ElementTree as ElementTree  # only when a translation is used: off the English start-up path

    entries: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                entries[(name, message.findtext("source", ""))] = translation.text
    return entries


def system_language() -> str:
    """The language of the machine's locale, if trialdesk speaks it; else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            break
    else:
        value = (locale.getlocale()[0] or "")
    code = value.split(".")[0]
    if code in languages():
        return code
    prefix = code.split("_")[0]
    return next((lang for lang in languages() if lang.split("_")[0] == prefix and prefix), SOURCE_LANGUAGE)
