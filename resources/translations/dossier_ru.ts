<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name />
    <message>
      <location filename="../../dossier/ui/actions.py" line="107" />
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="107" />
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="107" />
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="108" />
      <source>&amp;Dossier</source>
      <translation>&amp;Досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="108" />
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="111" />
      <source>&amp;New dossier…</source>
      <translation>&amp;Новое досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="112" />
      <source>&amp;Open store…</source>
      <translation>&amp;Открыть хранилище…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="113" />
      <source>Open the &amp;sample dossier</source>
      <translation>Открыть &amp;образец досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="114" />
      <source>&amp;Close store</source>
      <translation>&amp;Закрыть хранилище</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="115" />
      <source>&amp;Preferences…</source>
      <translation>&amp;Настройки…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="116" />
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="118" />
      <source>&amp;Add record…</source>
      <translation>&amp;Добавить запись…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="119" />
      <source>&amp;Edit record…</source>
      <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="120" />
      <source>&amp;Delete record</source>
      <translation>&amp;Удалить запись</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="121" />
      <source>&amp;Find in all dossiers…</source>
      <translation>&amp;Найти во всех досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="124" />
      <source>Dossier &amp;list</source>
      <translation>&amp;Список досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="125" />
      <source>&amp;Reload</source>
      <translation>&amp;Обновить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="126" />
      <source>&amp;Edit dossier…</source>
      <translation>&amp;Изменить досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="127" />
      <source>&amp;Delete dossier…</source>
      <translation>&amp;Удалить досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="128" />
      <source>&amp;About Dossier</source>
      <translation>&amp;О программе Dossier</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="129" />
      <source>About &amp;Qt</source>
      <translation>О &amp;Qt</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="136" />
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/actions.py" line="137" />
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/chart_pane.py" line="21" />
      <source>The chart appears here.</source>
      <translation>Здесь появится график.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/dossier_list.py" line="34" />
      <source>Code</source>
      <translation>Код</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/dossier_list.py" line="34" />
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/dossier_list.py" line="34" />
      <source>Changed</source>
      <translation>Изменено</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="113" />
      <source>Filter %s…</source>
      <translation>Фильтр: %s…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="114" />
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="115" />
      <source>Add a record (Insert, Ctrl+N)</source>
      <translation>Добавить запись (Insert, Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="116" />
      <source>Edit</source>
      <translation>Изменить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="117" />
      <source>Edit the selected record (Enter)</source>
      <translation>Изменить выбранную запись (Enter)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="118" />
      <location filename="../../dossier/ui/operations.py" line="130" />
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="119" />
      <source>Delete the selected record (Delete)</source>
      <translation>Удалить выбранную запись (Delete)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/entity_tab.py" line="165" />
      <source>%d found</source>
      <translation>Найдено: %d</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="64" />
      <source>e.g. %s</source>
      <translation>например, %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="95" />
      <source>2013-09-30, 2013-09 or 2013</source>
      <translation>2013-09-30, 2013-09 или 2013</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="101" />
      <source>Pick a day</source>
      <translation>Выбрать день</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="216" />
      <source>New source…</source>
      <translation>Новый источник…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="225" />
      <location filename="../../dossier/ui/import_dialogs.py" line="336" />
      <location filename="../../dossier/ui/import_dialogs.py" line="565" />
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="255" />
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="256" />
      <source>Remove</source>
      <translation>Убрать</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="272" />
      <source>Choose a photo</source>
      <translation>Выберите фотографию</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="272" />
      <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
      <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="284" />
      <source>Not an image</source>
      <translation>Это не изображение</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/field_widgets.py" line="297" />
      <source>No photo</source>
      <translation>Нет фото</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/form.py" line="68" />
      <source>New: %s</source>
      <translation>Новая запись: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/form.py" line="68" />
      <source>Edit: %s</source>
      <translation>Изменение: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/form.py" line="88" />
      <source>Fields marked * are required.</source>
      <translation>Поля со звёздочкой * обязательны.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/header.py" line="70" />
      <source>Edit dossier…</source>
      <translation>Изменить досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/header.py" line="89" />
      <source>Seen from: %s</source>
      <translation>С точки зрения: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/header.py" line="91" />
      <source>last change %s</source>
      <translation>изменено %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/header.py" line="100" />
      <source>No scene-setter yet: use Edit dossier to write one.</source>
      <translation>Общей обстановки пока нет: опишите её через «Изменить досье».</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="254" />
      <source>sample, not saved</source>
      <translation>образец, не сохраняется</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="261" />
      <source>No store is open.</source>
      <translation>Хранилище не открыто.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="264" />
      <source>This store holds no dossier yet.</source>
      <translation>В этом хранилище пока нет досье.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="266" />
      <source>New dossier…</source>
      <translation>Новое досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="267" />
      <source>Open store…</source>
      <translation>Открыть хранилище…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="332" />
      <source>%s records have no tab of their own.</source>
      <translation>У записей вида «%s» нет своей вкладки.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="342" />
      <source>That record no longer exists.</source>
      <translation>Этой записи больше нет.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="410" />
      <location filename="../../dossier/ui/store_open.py" line="57" />
      <source>Open store</source>
      <translation>Открыть хранилище</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="411" />
      <location filename="../../dossier/ui/store_open.py" line="58" />
      <source>Dossier stores (*.db *.dossier *.sqlite);;All files (*)</source>
      <translation>Хранилища Dossier (*.db *.dossier *.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="422" />
      <source>The sample dossier is open in memory: changes are not kept.</source>
      <translation>Образец досье открыт в памяти: изменения не сохраняются.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="123" />
      <location filename="../../dossier/ui/main_window.py" line="445" />
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="153" />
      <source>Undone: %s</source>
      <translation>Отменено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="156" />
      <source>Redone: %s</source>
      <translation>Повторено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="454" />
      <source>About Dossier</source>
      <translation>О программе Dossier</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/main_window.py" line="455" />
      <source>&lt;h3&gt;Dossier %s&lt;/h3&gt;&lt;p&gt;Offline country dossiers and printable briefs.&lt;/p&gt;&lt;p&gt;Your data stays on this computer: the app never connects to a network.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Dossier %s&lt;/h3&gt;&lt;p&gt;Страновые досье и справки для печати без подключения к сети.&lt;/p&gt;&lt;p&gt;Ваши данные остаются на этом компьютере: программа никогда не обращается к сети.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="73" />
      <location filename="../../dossier/ui/capture_dialog.py" line="163" />
      <location filename="../../dossier/ui/capture_dialog.py" line="434" />
      <source>Capture from text</source>
      <translation>Извлечь из текста</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="81" />
      <source>Open .txt file…</source>
      <translation>Открыть файл .txt…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="83" />
      <source>Published (YYYY-MM-DD), if the text has no date</source>
      <translation>Дата публикации (ГГГГ-ММ-ДД), если в тексте её нет</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="84" />
      <source>Analyse</source>
      <translation>Разобрать</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="93" />
      <source>Paste a wire report or readout here.</source>
      <translation>Вставьте сюда сообщение агентства или запись беседы.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="96" />
      <source>Candidate</source>
      <translation>Найдено</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="96" />
      <source>Details</source>
      <translation>Подробности</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="97" />
      <source>In the dossier</source>
      <translation>В досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="96" />
      <source>Confidence</source>
      <translation>Уверенность</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="115" />
      <source>Paste text, then Analyse.</source>
      <translation>Вставьте текст и нажмите «Разобрать».</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="120" />
      <source>Check all</source>
      <translation>Отметить все</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="121" />
      <source>Check none</source>
      <translation>Снять все</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="122" />
      <source>Accept checked</source>
      <translation>Принять отмеченные</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="143" />
      <source>Open text</source>
      <translation>Открыть текст</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="144" />
      <source>Text files (*.txt);;All files (*)</source>
      <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="153" />
      <source>%s is not UTF-8 text. Save it as UTF-8 and open it again.</source>
      <translation>%s — не текст в UTF-8. Сохраните его в UTF-8 и откройте снова.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="156" />
      <source>%s could not be read: %s</source>
      <translation>Не удалось прочитать %s: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="176" />
      <source>Reading the text…</source>
      <translation>Читаю текст…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="177" />
      <source>Loading the language model (first time only)…</source>
      <translation>Загружаю языковую модель (только в первый раз)…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="220" />
      <source>%d candidates found.</source>
      <translation>Найдено кандидатов: %d.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="263" />
      <source>new</source>
      <translation>новое</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="266" />
      <source>update existing: %s</source>
      <translation>обновить существующее: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="268" />
      <source>already there (#%d)</source>
      <translation>уже есть (№%d)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="321" />
      <source>Review: %s</source>
      <translation>Проверка: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="358" />
      <source>The text changed; Analyse again.</source>
      <translation>Текст изменился; разберите его снова.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="405" />
      <source>Check the candidates to store first.</source>
      <translation>Сначала отметьте, что сохранить.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="411" />
      <source>Nothing was stored: %s</source>
      <translation>Ничего не сохранено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="417" />
      <source>Captured %d facts into %s.</source>
      <translation>Сохранено записей: %d, досье: %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="467" />
      <location filename="../../dossier/ui/import_dialogs.py" line="146" />
      <location filename="../../dossier/ui/import_dialogs.py" line="742" />
      <location filename="../../dossier/ui/operations.py" line="54" />
      <source>Could not undo or redo</source>
      <translation>Не удалось отменить или повторить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/capture_dialog.py" line="505" />
      <location filename="../../dossier/ui/capture_dialog.py" line="514" />
      <source>Capture from text…</source>
      <translation>Извлечь из текста…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="55" />
      <source>The store has changed since this action:</source>
      <translation>Хранилище изменилось после этого действия:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="65" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="82" />
      <source>Add %s</source>
      <translation>Добавить: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="84" />
      <source>Added: %s</source>
      <translation>Добавлено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="94" />
      <source>Edit %s</source>
      <translation>Изменить: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="97" />
      <source>Saved: %s</source>
      <translation>Сохранено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="106" />
      <source>Delete the dossier “%s” with everything in it?</source>
      <translation>Удалить досье «%s» со всем содержимым?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="119" />
      <source>Delete “%s”?</source>
      <translation>Удалить «%s»?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="122" />
      <source>Delete the source “%s”?</source>
      <translation>Удалить источник «%s»?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="124" />
      <source>%d facts cite it; they will keep their content but lose the citation.</source>
      <translation>Ссылок на него: %d; эти записи сохранятся, но потеряют ссылку на источник.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="127" />
      <source>Delete this %s?</source>
      <translation>Удалить запись: %s?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="144" />
      <source>Delete %s</source>
      <translation>Удалить: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="147" />
      <source>Deleted: %s (Ctrl+Z brings it back)</source>
      <translation>Удалено: %s (Ctrl+Z вернёт)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="165" />
      <source>Move talking point</source>
      <translation>Переместить тезис</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="182" />
      <source>Delete official</source>
      <translation>Удаление должностного лица</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="183" />
      <source>%d talking points are addressed to “%s”.</source>
      <translation>Тезисов: %d — они адресованы «%s».</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="184" />
      <source>Keep those points (they will be addressed to no one), or delete them together with the official?</source>
      <translation>Оставить эти тезисы (без адресата) или удалить их вместе с должностным лицом?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="186" />
      <source>Keep the points</source>
      <translation>Оставить тезисы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/operations.py" line="187" />
      <source>Delete the points too</source>
      <translation>Удалить и тезисы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/points_tab.py" line="55" />
      <source>All kinds</source>
      <translation>Все виды</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/points_tab.py" line="60" />
      <source>Up</source>
      <translation>Выше</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/points_tab.py" line="61" />
      <source>Move the point up (Alt+Up)</source>
      <translation>Переместить тезис выше (Alt+↑)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/points_tab.py" line="62" />
      <source>Down</source>
      <translation>Ниже</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/points_tab.py" line="63" />
      <source>Move the point down (Alt+Down)</source>
      <translation>Переместить тезис ниже (Alt+↓)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/preferences.py" line="13" />
      <source>Preferences</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/preferences.py" line="23" />
      <source>Interface language:</source>
      <translation>Язык интерфейса:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/preferences.py" line="24" />
      <source>Your dossiers keep the language they were written in.</source>
      <translation>Досье остаются на том языке, на котором написаны.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/search_panel.py" line="138" />
      <source>Search all dossiers…</source>
      <translation>Поиск во всех досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/search_panel.py" line="189" />
      <source>%d results</source>
      <translation>Результатов: %d</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/search_panel.py" line="189" />
      <source>Nothing found.</source>
      <translation>Ничего не найдено.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/sources_tab.py" line="59" />
      <source>Facts citing this source:</source>
      <translation>Записи, ссылающиеся на источник:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/sources_tab.py" line="71" />
      <source>Choose a source to read it.</source>
      <translation>Выберите источник, чтобы прочитать его.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/sources_tab.py" line="80" />
      <source>Click to go to this fact</source>
      <translation>Щёлкните, чтобы перейти к записи</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/sources_tab.py" line="83" />
      <source>No fact cites this source yet.</source>
      <translation>На этот источник пока никто не ссылается.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/store_problem.py" line="26" />
      <source>Cannot open the store</source>
      <translation>Не удаётся открыть хранилище</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/store_problem.py" line="33" />
      <source>Dossier could not open
%s</source>
      <translation>Dossier не может открыть
%s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/store_problem.py" line="39" />
      <source>Choose another file…</source>
      <translation>Выбрать другой файл…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/store_problem.py" line="41" />
      <source>Open the sample dossier</source>
      <translation>Открыть образец досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="93" />
      <source>Only an encrypted store can be locked.</source>
      <translation>Заблокировать можно только зашифрованное хранилище.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="113" />
      <source>Dossier (locked)</source>
      <translation>Dossier (заблокировано)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="123" />
      <source>Dossier is locked. Type the passphrase of %s to unlock it.</source>
      <translation>Dossier заблокирован. Введите пароль хранилища %s, чтобы разблокировать.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="127" />
      <source>Dossier is locked</source>
      <translation>Dossier заблокирован</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="128" />
      <location filename="../../dossier/ui/store_problem.py" line="43" />
      <source>Quit</source>
      <translation>Выйти</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="151" />
      <source>Unlocked.</source>
      <translation>Разблокировано.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="184" />
      <source>Open a store file first: the sample in memory is not saved.</source>
      <translation>Сначала откройте файл хранилища: образец в памяти не сохраняется.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="188" />
      <source>This store is already encrypted.</source>
      <translation>Это хранилище уже зашифровано.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="194" />
      <source>The store is now encrypted.</source>
      <translation>Хранилище зашифровано.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="207" />
      <source>Only an encrypted store has a passphrase to change.</source>
      <translation>Сменить пароль можно только у зашифрованного хранилища.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="217" />
      <source>Type the current passphrase of %s.</source>
      <translation>Введите текущий пароль хранилища %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="225" />
      <source>The passphrase is changed.</source>
      <translation>Пароль изменён.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="240" />
      <location filename="../../dossier/ui/lock.py" line="244" />
      <source>Dossier</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="254" />
      <source>Auto-lock</source>
      <translation>Автоблокировка</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="255" />
      <source>Lock an encrypted store after this many idle minutes (0: never):</source>
      <translation>Блокировать зашифрованное хранилище после стольких минут бездействия (0 — никогда):</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="267" />
      <source>Lock</source>
      <translation>Заблокировать</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="271" />
      <source>Auto-lock…</source>
      <translation>Автоблокировка…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="274" />
      <source>Encrypt store…</source>
      <translation>Зашифровать хранилище…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="277" />
      <source>Change passphrase…</source>
      <translation>Сменить пароль…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/app.py" line="79" />
      <source>Some features could not start: %s</source>
      <translation>Некоторые функции не запустились: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/app.py" line="96" />
      <source>Something went wrong</source>
      <translation>Что-то пошло не так</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/app.py" line="97" />
      <source>The last action failed: %s

Your saved data is safe.</source>
      <translation>Последнее действие не удалось: %s

Сохранённые данные не пострадали.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="74" />
      <source>Export brief — %s</source>
      <translation>Экспорт справки — %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="93" />
      <source>e.g. Official visit to Baku</source>
      <translation>например, Официальный визит в Баку</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="96" />
      <source>e.g. 25–26 November</source>
      <translation>например, 25–26 ноября</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="111" />
      <source>Releasable version (leave background-only points out)</source>
      <translation>Версия для передачи (без тезисов «справочно»)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="113" />
      <source>Title</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="113" />
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="114" />
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="115" />
      <source>Prepared for</source>
      <translation>Для кого</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="116" />
      <source>Prepared by</source>
      <translation>Подготовил</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="117" />
      <source>Version</source>
      <translation>Версия</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="118" />
      <source>Marking</source>
      <translation>Гриф</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="119" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="120" />
      <source>Paper</source>
      <translation>Бумага</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="121" />
      <source>Date on the brief</source>
      <translation>Дата на справке</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="126" />
      <source>Sections</source>
      <translation>Разделы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="136" />
      <source>Interlocutors</source>
      <translation>Собеседники</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="140" />
      <source>Talking points</source>
      <translation>Тезисы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="169" />
      <source>Open after saving</source>
      <translation>Открыть после сохранения</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="170" />
      <source>Save as PDF…</source>
      <translation>Сохранить в PDF…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="172" />
      <source>Print…</source>
      <translation>Печать…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="173" />
      <location filename="../../dossier/ui/capture_dialog.py" line="124" />
      <location filename="../../dossier/ui/import_dialogs.py" line="249" />
      <location filename="../../dossier/ui/import_dialogs.py" line="536" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="263" />
      <source>Building the brief…</source>
      <translation>Готовлю справку…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="287" />
      <source>The brief could not be built: %s</source>
      <translation>Не удалось подготовить справку: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="291" />
      <source>Preview ready.</source>
      <translation>Предпросмотр готов.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="334" />
      <source>Save brief as PDF</source>
      <translation>Сохранить справку в PDF</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="335" />
      <source>PDF files (*.pdf)</source>
      <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="344" />
      <source>Brief not saved</source>
      <translation>Справка не сохранена</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="345" />
      <source>The brief could not be saved to %s:
%s</source>
      <translation>Не удалось сохранить справку в %s:
%s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="348" />
      <source>Saved to %s</source>
      <translation>Сохранено: %s</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="374" />
      <source>Brief not printed</source>
      <translation>Справка не напечатана</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="374" />
      <source>The printer is not ready.</source>
      <translation>Принтер не готов.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="403" />
      <location filename="../../dossier/ui/capture_dialog.py" line="493" />
      <location filename="../../dossier/ui/import_dialogs.py" line="749" />
      <source>Open a dossier first.</source>
      <translation>Сначала откройте досье.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/brief_dialog.py" line="415" />
      <location filename="../../dossier/ui/brief_dialog.py" line="429" />
      <source>Export brief…</source>
      <translation>Экспорт справки…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="43" />
      <location filename="../../dossier/ui/backups.py" line="190" />
      <source>Restore from backup</source>
      <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="47" />
      <source>Backups of %s, newest first. Restoring replaces the store; its current state is backed up first.</source>
      <translation>Резервные копии %s, сначала новые. Восстановление заменяет хранилище; его текущее состояние сначала сохраняется в копию.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="50" />
      <source>There are no backups of %s yet.</source>
      <translation>Резервных копий %s пока нет.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="55" />
      <source>Made</source>
      <translation>Создана</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="55" />
      <source>Records</source>
      <translation>Записей</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="55" />
      <source>Encrypted</source>
      <translation>Зашифрована</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="62" />
      <source>yes</source>
      <translation>да</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="62" />
      <source>no</source>
      <translation>нет</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="79" />
      <source>Restore</source>
      <translation>Восстановить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="137" />
      <source>This store is already open in another Dossier window (process %1 on %2). Changes made there are not shown here until you refresh (F5); a restore or a passphrase change needs the other window closed.</source>
      <translation>Это хранилище уже открыто в другом окне Dossier (процесс %1 на %2). Изменения, сделанные там, появятся здесь только после обновления (F5); для восстановления или смены пароля другое окно нужно закрыть.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="142" />
      <source>Store in use</source>
      <translation>Хранилище занято</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="175" />
      <source>Open a store file first: the sample in memory has no backups.</source>
      <translation>Сначала откройте файл хранилища: у образца в памяти нет резервных копий.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="204" />
      <source>Restored the backup from %s.</source>
      <translation>Восстановлена копия от %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/backups.py" line="211" />
      <source>Restore from backup…</source>
      <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="79" />
      <source>Cancelled.</source>
      <translation>Отменено.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="167" />
      <location filename="../../dossier/ui/import_dialogs.py" line="271" />
      <location filename="../../dossier/ui/import_dialogs.py" line="476" />
      <source>Import trade table</source>
      <translation>Импорт таблицы торговли</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="174" />
      <source>Open table…</source>
      <translation>Открыть таблицу…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="175" />
      <location filename="../../dossier/ui/import_dialogs.py" line="512" />
      <source>No file chosen.</source>
      <translation>Файл не выбран.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="191" />
      <source>(from the columns)</source>
      <translation>(из столбцов)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="199" />
      <source>years</source>
      <translation>годы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="199" />
      <source>quarters</source>
      <translation>кварталы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="199" />
      <source>months</source>
      <translation>месяцы</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="212" />
      <source>I have checked the unit against the publication</source>
      <translation>Я сверил единицы измерения с публикацией</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="214" />
      <source>Block:</source>
      <translation>Блок:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="214" />
      <source>Period column:</source>
      <translation>Столбец периода:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="216" />
      <source>Flow column:</source>
      <translation>Столбец потока:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="217" />
      <source>Amount column:</source>
      <translation>Столбец суммы:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="218" />
      <source>Exports column:</source>
      <translation>Столбец экспорта:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="219" />
      <source>Imports column:</source>
      <translation>Столбец импорта:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="220" />
      <source>Turnover column:</source>
      <translation>Столбец товарооборота:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="221" />
      <source>The whole table is:</source>
      <translation>Вся таблица — это:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="222" />
      <source>Currency column:</source>
      <translation>Столбец валюты:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="223" />
      <source>Partner pair:</source>
      <translation>Пара стран:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="224" />
      <source>Periods:</source>
      <translation>Периоды:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="228" />
      <source>Numbers in the file are in:</source>
      <translation>Числа в файле указаны в:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="230" />
      <source>Store them in:</source>
      <translation>Хранить в:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="234" />
      <source>Preview</source>
      <translation>Просмотр</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="246" />
      <location filename="../../dossier/ui/import_dialogs.py" line="668" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="247" />
      <location filename="../../dossier/ui/import_dialogs.py" line="534" />
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="296" />
      <source>Check the mapping and the unit, then Preview.</source>
      <translation>Проверьте соответствие столбцов и единицы, затем нажмите «Просмотр».</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="350" />
      <source>(choose %s)</source>
      <translation>(выберите: %s)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="358" />
      <source>Preview to see what the numbers suggest.</source>
      <translation>Нажмите «Просмотр», чтобы увидеть, что подсказывают числа.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="380" />
      <location filename="../../dossier/ui/import_dialogs.py" line="444" />
      <source>Suggested: %s.</source>
      <translation>Предположительно: %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="401" />
      <source>Say which flow this block is.</source>
      <translation>Укажите, какой это поток.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="410" />
      <source>Choose the partner pair first.</source>
      <translation>Сначала выберите пару стран.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="425" />
      <source>Reading the table…</source>
      <translation>Читаю таблицу…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="446" />
      <source>Line</source>
      <translation>Строка</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="446" />
      <source>Period</source>
      <translation>Период</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="446" />
      <source>Flow</source>
      <translation>Поток</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="446" />
      <source>Amount</source>
      <translation>Сумма</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="446" />
      <source>Currency</source>
      <translation>Валюта</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="447" />
      <source>Unit</source>
      <translation>Единица</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="451" />
      <source>No row was skipped.</source>
      <translation>Пропущенных строк нет.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="452" />
      <source>%d figures, %d empty cells, %d rows skipped.</source>
      <translation>Показателей: %d, пустых ячеек: %d, пропущено строк: %d.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="472" />
      <location filename="../../dossier/ui/import_dialogs.py" line="701" />
      <source>Import failed</source>
      <translation>Импорт не удался</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="478" />
      <source>Imported %d figures; %d were already there; %d differ and were left alone.</source>
      <translation>Импортировано показателей: %d; уже были: %d; отличаются и оставлены как есть: %d.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="507" />
      <location filename="../../dossier/ui/import_dialogs.py" line="546" />
      <location filename="../../dossier/ui/import_dialogs.py" line="609" />
      <source>Import officials</source>
      <translation>Импорт должностных лиц</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="511" />
      <source>Open list…</source>
      <translation>Открыть список…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="519" />
      <source>Name:</source>
      <translation>Имя:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="519" />
      <source>Post:</source>
      <translation>Должность:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="519" />
      <source>Start date:</source>
      <translation>Дата начала:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="520" />
      <source>End date:</source>
      <translation>Дата окончания:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="520" />
      <source>Person id:</source>
      <translation>Идентификатор лица:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="521" />
      <source>Country column:</source>
      <translation>Столбец страны:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="525" />
      <source>Only people in post now</source>
      <translation>Только действующие</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="612" />
      <source>Added %d and updated %d officials.</source>
      <translation>Добавлено должностных лиц: %d, обновлено: %d.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="632" />
      <location filename="../../dossier/ui/import_dialogs.py" line="718" />
      <location filename="../../dossier/ui/import_dialogs.py" line="841" />
      <location filename="../../dossier/ui/import_dialogs.py" line="862" />
      <source>Import dossier</source>
      <translation>Импорт досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="650" />
      <source>Keep mine</source>
      <translation>Оставить моё</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="650" />
      <source>Take theirs</source>
      <translation>Взять из файла</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="651" />
      <source>Keep both</source>
      <translation>Оставить оба</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="667" />
      <source>Merge</source>
      <translation>Объединить</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="683" />
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="683" />
      <source>Mine</source>
      <translation>Моё</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="683" />
      <source>Theirs</source>
      <translation>Из файла</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="707" />
      <source>Merged: %d added, %d identical, %d taken from the file, %d kept as mine.</source>
      <translation>Объединено: добавлено %d, совпало %d, взято из файла %d, оставлено моих %d.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="779" />
      <location filename="../../dossier/ui/import_dialogs.py" line="787" />
      <location filename="../../dossier/ui/import_dialogs.py" line="791" />
      <source>New dossier from Factbook</source>
      <translation>Новое досье из Factbook</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="780" />
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="792" />
      <source>Apply?</source>
      <translation>Применить?</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="812" />
      <location filename="../../dossier/ui/import_dialogs.py" line="825" />
      <source>Export dossier</source>
      <translation>Экспорт досье</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="814" />
      <location filename="../../dossier/ui/import_dialogs.py" line="842" />
      <source>Dossier files (*.dossier)</source>
      <translation>Файлы досье (*.dossier)</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="827" />
      <source>Exported %s to %s.</source>
      <translation>%s экспортировано в %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="854" />
      <source>Type the passphrase the sender chose for %s.</source>
      <translation>Введите пароль, который отправитель задал для %s.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="872" />
      <source>Import trade table…</source>
      <translation>Импорт таблицы торговли…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="873" />
      <source>Import officials…</source>
      <translation>Импорт должностных лиц…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="874" />
      <source>New dossier from Factbook…</source>
      <translation>Новое досье из Factbook…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="875" />
      <source>Export dossier…</source>
      <translation>Экспорт досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/import_dialogs.py" line="876" />
      <source>Import dossier…</source>
      <translation>Импорт досье…</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="52" />
      <source>Passphrase</source>
      <translation>Пароль</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="52" />
      <source>New passphrase</source>
      <translation>Новый пароль</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="54" />
      <source>The store %s is encrypted. Type its passphrase to open it.</source>
      <translation>Хранилище %s зашифровано. Введите пароль, чтобы открыть его.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="56" />
      <source>Choose a passphrase for %s. Without it nobody, including you, can read the store: keep it safe.</source>
      <translation>Задайте пароль для %s. Без него никто, включая вас, не сможет прочитать хранилище: берегите его.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="66" />
      <source>Passphrase:</source>
      <translation>Пароль:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="77" />
      <source>Again:</source>
      <translation>Ещё раз:</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="99" />
      <source>Several unrelated words are strong and easy to remember.</source>
      <translation>Несколько не связанных между собой слов — надёжно и легко запомнить.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="113" />
      <source>Type the passphrase.</source>
      <translation>Введите пароль.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="162" />
      <source>The store is encrypted and no passphrase was given.</source>
      <translation>Хранилище зашифровано, а пароль не указан.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="179" />
      <source>The store is damaged</source>
      <translation>Хранилище повреждено</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/passphrase_dialog.py" line="180" />
      <source>%1

The newest good backup is from %2 (%3 records). Restore it? The damaged file is kept beside it.</source>
      <translation>%1

Последняя исправная резервная копия — от %2 (записей: %3). Восстановить её? Повреждённый файл сохранится рядом.</translation>
    </message>
    <message>
      <location filename="../../dossier/ui/lock.py" line="213" />
      <location filename="../../dossier/ui/passphrase_dialog.py" line="201" />
      <source>Wrong passphrase or damaged file</source>
      <translation>Неверный пароль или повреждённый файл</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Отмена…</translation>
    </message>
    <message>
      <source>Wait until “%s” has finished, then try again.</source>
      <translation>Дождитесь окончания операции «%s» и повторите.</translation>
    </message>
    <message>
      <source>Reading the table</source>
      <translation>Чтение таблицы</translation>
    </message>
    <message>
      <source>Reading %s…</source>
      <translation>Чтение %s…</translation>
    </message>
    <message>
      <source>Importing officials…</source>
      <translation>Импорт должностных лиц…</translation>
    </message>
    <message>
      <source>Cancelled: nothing was changed.</source>
      <translation>Отменено: ничего не изменено.</translation>
    </message>
    <message>
      <source>Importing %d figures…</source>
      <translation>Импорт показателей: %d…</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation>Отменено: ничего не импортировано.</translation>
    </message>
    <message>
      <source>Merging…</source>
      <translation>Объединение…</translation>
    </message>
    <message>
      <source>Writing %s…</source>
      <translation>Запись %s…</translation>
    </message>
    <message>
      <source>Cancelled: %s was not written.</source>
      <translation>Отменено: файл %s не записан.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was merged.</source>
      <translation>Отменено: ничего не объединено.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was read.</source>
      <translation>Отменено: текст не прочитан.</translation>
    </message>
    <message>
      <source>Building the brief</source>
      <translation>Подготовка справки</translation>
    </message>
    <message>
      <source>Export brief</source>
      <translation>Экспорт справки</translation>
    </message>
    <message>
      <source>Cancelled: the preview is of the earlier options.</source>
      <translation>Отменено: предпросмотр показывает прежние настройки.</translation>
    </message>
    <message>
      <source>Backing up the store</source>
      <translation>Резервное копирование хранилища</translation>
    </message>
    <message>
      <source>Nothing was restored: the store is as it was.</source>
      <translation>Ничего не восстановлено: хранилище осталось прежним.</translation>
    </message>
    <message>
      <source>Backing up %s before closing it…</source>
      <translation>Резервное копирование %s перед закрытием…</translation>
    </message>
    <message>
      <source>Restoring the backup from %s…</source>
      <translation>Восстановление копии от %s…</translation>
    </message>
    <message>
      <source>Locking when “%s” has finished.</source>
      <translation>Блокировка после окончания операции «%s».</translation>
    </message>
    <message>
      <source>Loading the Russian language model…</source>
      <translation>Загрузка модели русского языка…</translation>
    </message>
    <message>
      <source>Finding people…</source>
      <translation>Поиск людей…</translation>
    </message>
    <message>
      <source>Finding figures and projects…</source>
      <translation>Поиск показателей и проектов…</translation>
    </message>
    <message>
      <source>Finding statements…</source>
      <translation>Поиск высказываний…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>Готово.</translation>
    </message>
    <message>
      <source>Opening %s…</source>
      <translation>Открытие %s…</translation>
    </message>
  </context>
</TS>