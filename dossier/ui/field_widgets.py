"""One editor widget per field kind, all with value() / set_value() for the form."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from dossier.fields import FieldSpec, Kind, format_value
from dossier.model import ENTITIES
from dossier.store import Store
from dossier.ui.i18n import tr

# "1,234" or "1.234": a thousand and more in one reading, a little over one in the other.
_TWO_READINGS = re.compile(r"-?\d{1,3}[.,]\d{3}")


def interface_locale(lang: str) -> QLocale:
    if lang == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def read_number(text: str, lang: str) -> float | None:
    """An amount as typed in the interface's language: in English "1,234" is 1234 and
    "1.5" is 1.5; in Russian "1 234,5" is 1234.5. None if the locale cannot read it
    (the spec's lenient reading then decides, or says it is not a number)."""
    locale = interface_locale(lang)
    s = text.strip().replace("−", "-")
    # Any space typed between digit groups is the group separator (Russian uses one).
    s = re.sub(r"[\s\u202f]", locale.groupSeparator() if lang == "ru" else "", s)
    value, ok = locale.toDouble(s)
    return value if ok else None


class FieldWidget(QWidget):
    """Base: a row of child widgets; `editor` is the one that takes focus."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.lang = lang
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.editor: QWidget = self

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)


class LineField(FieldWidget):
    """Text, numbers and dates: typed as text, checked by the spec on save."""

    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(spec, lang, parent)
        self.edit = QLineEdit()
        self.editor = self.edit
        self._confirmed = ""  # an amount with two readings, shown back once
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length)
        if spec.example:
            self.edit.setPlaceholderText(tr("e.g. %s") % spec.example)
        if spec.kind in (Kind.NUMBER, Kind.INTEGER):
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setMaximumWidth(160)
        self.edit.textChanged.connect(self.changed)
        self.row.addWidget(self.edit)
        code = spec.kind is Kind.TEXT and (spec.max_length or 99) <= 8
        if code:  # a code (AZ, USD) gets a box its size, not the whole row
            self.edit.setMaximumWidth(
                self.edit.fontMetrics().horizontalAdvance("W") * ((spec.max_length or 0) + 3)
            )
        if code or (spec.kind in (Kind.NUMBER, Kind.INTEGER) and not spec.unit_field):
            self.row.addStretch(1)  # a short field sits at the left, under its neighbours

    def value(self) -> Any:
        text = self.edit.text()
        if self.spec.kind is Kind.NUMBER:
            number = read_number(text, self.lang)
            return text if number is None else number
        return text

    def check_reading(self) -> str | None:
        """For an amount that could be read two ways ("1,234"): the first save shows it
        back formatted with a note and saves nothing; saving it again confirms it."""
        text = self.edit.text().strip()
        if self.spec.kind is not Kind.NUMBER or not _TWO_READINGS.fullmatch(text):
            return None
        if text == self._confirmed:
            return None
        number = read_number(text, self.lang)
        if number is None:
            return None
        shown = format_value(self.spec, number, self.lang).replace("\u00a0", " ")
        self.edit.setText(shown)
        self._confirmed = shown
        locale = interface_locale(self.lang)
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        plain = locale.toString(number, "f", 6).rstrip("0").rstrip(".,")
        return tr("Read as %s (%s without digit grouping): save again if that is right.") % (
            shown,
            plain,
        )

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.clear()
        elif self.spec.kind is Kind.NUMBER:
            self.edit.setText(format_value(self.spec, value, self.lang).replace("\u00a0", " "))
        else:
            self.edit.setText(str(value))
        self._confirmed = self.edit.text()  # the app's own formatting reads one way
        self.edit.setCursorPosition(0)  # a long title shows its beginning, not its end


class DateField(LineField):
    """A date of year, month or day precision, typed, with a calendar to pick a day."""

    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(spec, lang, parent)
        self.edit.setPlaceholderText(tr("2013-09-30, 2013-09 or 2013"))
        self.edit.setMinimumWidth(
            self.edit.fontMetrics().horizontalAdvance(self.edit.placeholderText()) + 24
        )
        self.edit.setMaximumWidth(320)
        self.pick = QToolButton()
        self.pick.setText("…")
        self.pick.setToolTip(tr("Pick a day"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick.setMenu(menu)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(self._picked)
        self.row.addWidget(self.pick)
        self.row.addStretch(1)

    def _sync_calendar(self) -> None:
        date = QDate.fromString(self.edit.text().strip(), Qt.DateFormat.ISODate)
        if date.isValid():
            self.calendar.setSelectedDate(date)

    def _picked(self, date: QDate) -> None:
        self.edit.setText(date.toString(Qt.DateFormat.ISODate))
        self.pick.menu().hide()


class NumberWithUnitField(LineField):
    """An amount with its currency beside it (the currency is its own field)."""

    def __init__(
        self, spec: FieldSpec, unit_spec: FieldSpec, lang: str, parent: QWidget | None = None
    ):
        super().__init__(spec, lang, parent)
        self.unit = QLineEdit()
        self.unit.setMaxLength(unit_spec.max_length or 3)
        self.unit.setMaximumWidth(70)
        self.unit.setPlaceholderText(unit_spec.example or "USD")
        self.unit.setToolTip(unit_spec.label(lang))
        self.unit.setAccessibleName(unit_spec.label(lang))
        self.row.addWidget(self.unit)
        self.row.addStretch(1)


class LongTextField(FieldWidget):
    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None, lines: int = 4):
        super().__init__(spec, lang, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 12
        self.edit.setMinimumHeight(height)
        self.edit.textChanged.connect(self.changed)
        self.editor = self.edit
        self.row.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")


class ChoiceField(FieldWidget):
    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(spec, lang, parent)
        self.combo = QComboBox()
        if not spec.required:
            self.combo.addItem("", None)
        for c in spec.choices:
            self.combo.addItem(c.label(lang), c.value)
        self.combo.currentIndexChanged.connect(self.changed)
        self.editor = self.combo
        self.row.addWidget(self.combo)
        self.row.addStretch(1)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        i = self.combo.findData(value)
        self.combo.setCurrentIndex(max(i, 0))


class BoolField(FieldWidget):
    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(spec, lang, parent)
        self.check = QCheckBox()
        self.check.setAccessibleName(spec.label(lang))
        self.check.toggled.connect(self.changed)
        self.editor = self.check
        self.row.addWidget(self.check)
        self.row.addStretch(1)

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))


class RefField(FieldWidget):
    """Choose a record of the dossier (a source, an official); sources can be created here."""

    new_requested = Signal()

    def __init__(
        self,
        spec: FieldSpec,
        lang: str,
        store: Store,
        dossier_id: int,
        parent: QWidget | None = None,
    ):
        super().__init__(spec, lang, parent)
        self.store, self.dossier_id = store, dossier_id
        self.target = ENTITIES[spec.ref or "source"]
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(30)
        self.combo.currentIndexChanged.connect(self.changed)
        self.editor = self.combo
        self.row.addWidget(self.combo, 1)
        self.new_button: QPushButton | None = None
        if self.target.name == "source":
            self.new_button = QPushButton(tr("New source…"))
            self.new_button.clicked.connect(self.new_requested)
            self.row.addWidget(self.new_button)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr("(none)"), None)
        for rec in self.store.repo(self.target).list(self.dossier_id, limit=1000):
            title = " ".join(self.target.title_of(rec).split())
            self.combo.addItem(title if len(title) <= 90 else title[:89] + "…", rec.id)
            self.combo.setItemData(self.combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        self.combo.blockSignals(False)
        self.set_value(current)
        if select is not None:
            self.changed.emit()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        i = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(i, 0))


class PhotoField(FieldWidget):
    """A portrait: preview, choose a file, remove. Only real images are accepted."""

    SIZE = QSize(96, 120)

    def __init__(self, spec: FieldSpec, lang: str, parent: QWidget | None = None):
        super().__init__(spec, lang, parent)
        self._data: bytes | None = None
        self.preview = QLabel()
        self.preview.setFixedSize(self.SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose = QPushButton(tr("Choose…"))
        self.remove = QPushButton(tr("Remove"))
        self.choose.clicked.connect(self._choose)
        self.remove.clicked.connect(lambda: self.set_value(None))
        self.editor = self.choose
        self.row.addWidget(self.preview)
        buttons = QWidget()
        col = QHBoxLayout(buttons)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.choose)
        col.addWidget(self.remove)
        self.row.addWidget(buttons, 0, Qt.AlignmentFlag.AlignBottom)
        self.row.addStretch(1)
        self.set_value(None)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a photo"), "", tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> bool:
        """Take the image at `path`; False (and a hint in the preview) if it is not one."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            data = b""
        if QImage.fromData(data).isNull():
            self.preview.setText(tr("Not an image"))
            return False
        self.set_value(data)
        return True

    def value(self) -> Any:
        return self._data

    def set_value(self, value: Any) -> None:
        self._data = bytes(value) if value else None
        image = QImage.fromData(self._data) if self._data else QImage()
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr("No photo"))
        else:
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove.setEnabled(self._data is not None)
        self.changed.emit()


class SideBySide(QWidget):
    """A text field and its English version side by side: the original on the left,
    the English on the right (what an English brief prints; see dossier.fields)."""

    def __init__(self, original: FieldWidget, english: FieldWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.original, self.english = original, english
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(original, 1)
        row.addWidget(english, 1)
        editor = english.editor
        if isinstance(editor, QLineEdit | QPlainTextEdit) and not editor.placeholderText():
            editor.setPlaceholderText(tr("In English"))
        editor.setToolTip(english.spec.label(english.lang))
        editor.setAccessibleName(english.spec.label(english.lang))
