"""The UI language: Qt translators for our strings and Qt's own, chosen per user.

Every user-visible string of the UI goes through `tr()`, which pyside6-lupdate
collects into resources/translations/dossier_<lang>.ts (`make translations`
updates the .ts files and compiles the .qm files the app loads).
Field and choice labels come from the entity specs, which carry both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dossier.paths import resource

LANGUAGES = {"en": "English", "ru": "Русский"}
_installed: list[QTranslator] = []
_language = ["en"]  # the language installed last (install)


def language() -> str:
    """The language the application's texts are in now ("en" or "ru")."""
    return _language[0]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a UI string; with `n`, a counted one: `tr("%n result(s)", None, n)`
    takes the plural form of n from the .ts file's numerus forms (Russian has three:
    1 результат, 2 результата, 5 результатов; English two, from dossier_en.ts).

    lupdate files calls of a plain function `tr("...")` under the empty context,
    so every module imports this function by name (`i18n.tr(...)` would be filed
    under "i18n" instead).
    """
    return QCoreApplication.translate("", text, disambiguation, n)


def system_language() -> str:
    """Russian for a Russian or Belarusian system locale, else English."""
    name = QLocale.system().name().split("_")[0]
    return "ru" if name in ("ru", "be") else "en"


def install(lang: str) -> str:
    """Switch the application's translators to `lang`; returns the language in force."""
    # Static calls: the translators belong to the application, which owns them too.
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    # English too: its file holds only the plural forms of counted strings.
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"dossier_{lang}.qm"))):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    if lang != "en":
        # Qt's own strings: the buttons of standard dialogs (Yes, No, Cancel...).
        base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if base.load(f"qtbase_{lang}", qt_dir):
            QCoreApplication.installTranslator(base)
            _installed.append(base)
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English)
    )
    _language[0] = lang
    return lang
