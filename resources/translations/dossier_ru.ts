<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Досье</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;New dossier…</source>
        <translation>&amp;Новое досье…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Открыть хранилище…</translation>
    </message>
    <message>
        <source>Open the &amp;sample dossier</source>
        <translation>Открыть образец &amp;досье</translation>
    </message>
    <message>
        <source>&amp;Close store</source>
        <translation>&amp;Закрыть хранилище</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Настро&amp;йки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Add record…</source>
        <translation>&amp;Добавить запись…</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation>&amp;Удалить запись</translation>
    </message>
    <message>
        <source>&amp;Find in all dossiers…</source>
        <translation>&amp;Найти во всех досье…</translation>
    </message>
    <message>
        <source>Dossier &amp;list</source>
        <translation>&amp;Список досье</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Edit dossier…</source>
        <translation>&amp;Изменить досье…</translation>
    </message>
    <message>
        <source>&amp;Delete dossier…</source>
        <translation>&amp;Удалить досье…</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;About Dossier</source>
        <translation>&amp;О программе Dossier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>The chart appears here.</source>
        <translation>Здесь появится график.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Товарооборот</translation>
    </message>
    <message>
        <source>%s’s main partners</source>
        <translation>Основные партнёры: %s</translation>
    </message>
    <message>
        <source>Flows of %s, %s; latest year each</source>
        <translation>Потоки страны %s, %s; последний год по каждому</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>Строится график…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Досье</translation>
    </message>
    <message>
        <source>Filter %s…</source>
        <translation>Фильтр: %s…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a record (Insert, Ctrl+N)</source>
        <translation>Добавить запись (Insert, Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Edit the selected record (Enter)</source>
        <translation>Изменить выбранную запись (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected record (Delete)</source>
        <translation>Удалить выбранную запись (Delete)</translation>
    </message>
    <message>
        <source>%d found</source>
        <translation>Найдено: %d</translation>
    </message>
    <message>
        <source>No %s match the filter.</source>
        <translation>Ничего не найдено по фильтру (%s).</translation>
    </message>
    <message>
        <source>No %s in this dossier yet. Add one with Insert or the Add button.</source>
        <translation>В этом досье пока нет записей (%s). Добавьте запись клавишей Insert или кнопкой «Добавить».</translation>
    </message>
    <message>
        <source>e.g. %s</source>
        <translation>например, %s</translation>
    </message>
    <message>
        <source>Read as %s (%s without digit grouping): save again if that is right.</source>
        <translation>Прочитано как %s (%s без разделения разрядов): если верно, сохраните ещё раз.</translation>
    </message>
    <message>
        <source>2013-09-30, 2013-09 or 2013</source>
        <translation>2013-09-30, 2013-09 или 2013</translation>
    </message>
    <message>
        <source>Pick a day</source>
        <translation>Выбрать день</translation>
    </message>
    <message>
        <source>New source…</source>
        <translation>Новый источник…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Выберите фотографию</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Not an image</source>
        <translation>Это не изображение</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <source>New: %s</source>
        <translation>Новая запись: %s</translation>
    </message>
    <message>
        <source>Edit: %s</source>
        <translation>Изменение: %s</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Поля со звёздочкой * обязательны.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Отбросить изменения?</translation>
    </message>
    <message>
        <source>Close this form and lose what you typed in it?</source>
        <translation>Закрыть форму и потерять всё, что в неё введено?</translation>
    </message>
    <message>
        <source>Edit dossier…</source>
        <translation>Изменить досье…</translation>
    </message>
    <message>
        <source>Scene-setter</source>
        <translation>Вводная</translation>
    </message>
    <message>
        <source>Seen from: %s</source>
        <translation>С точки зрения: %s</translation>
    </message>
    <message>
        <source>last change %s</source>
        <translation>изменено %s</translation>
    </message>
    <message>
        <source>No scene-setter yet: use Edit dossier to write one.</source>
        <translation>Общей обстановки пока нет: опишите её через «Изменить досье».</translation>
    </message>
    <message>
        <source>sample, not saved</source>
        <translation>образец, не сохраняется</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>Хранилище не открыто.</translation>
    </message>
    <message>
        <source>This store holds no dossier yet.</source>
        <translation>В этом хранилище пока нет досье.</translation>
    </message>
    <message>
        <source>New dossier…</source>
        <translation>Новое досье…</translation>
    </message>
    <message>
        <source>Open store…</source>
        <translation>Открыть хранилище…</translation>
    </message>
    <message>
        <source>%s records have no tab of their own.</source>
        <translation>У записей вида «%s» нет своей вкладки.</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>Этой записи больше нет.</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Dossier stores (*.db *.dossier *.sqlite);;All files (*)</source>
        <translation>Хранилища Dossier (*.db *.dossier *.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The sample dossier is open in memory: changes are not kept.</source>
        <translation>Образец досье открыт в памяти: изменения не сохраняются.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Нечего повторять.</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Не отменено</translation>
    </message>
    <message>
        <source>Not redone</source>
        <translation>Не повторено</translation>
    </message>
    <message>
        <source>Undo %s</source>
        <translation>Отмена: %s</translation>
    </message>
    <message>
        <source>Redo %s</source>
        <translation>Повтор: %s</translation>
    </message>
    <message>
        <source>“%s” cannot be taken back: a record it changed has been changed since, here or by another window or command. Nothing was changed.</source>
        <translation>«%s» нельзя отменить: запись, которую это действие изменило, с тех пор изменена — здесь, в другом окне или командой. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Undone: %s</source>
        <translation>Отменено: %s</translation>
    </message>
    <message>
        <source>Redone: %s</source>
        <translation>Повторено: %s</translation>
    </message>
    <message>
        <source>Parts of the dossier</source>
        <translation>Разделы досье</translation>
    </message>
    <message>
        <source>About Dossier</source>
        <translation>О программе Dossier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dossier %s&lt;/h3&gt;&lt;p&gt;Offline country dossiers and printable briefs.&lt;/p&gt;&lt;p&gt;Your data stays on this computer: the app never connects to a network.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dossier %s&lt;/h3&gt;&lt;p&gt;Страновые досье и справки для печати без подключения к сети.&lt;/p&gt;&lt;p&gt;Ваши данные остаются на этом компьютере: программа никогда не обращается к сети.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Capture from text</source>
        <translation>Извлечь из текста</translation>
    </message>
    <message>
        <source>Open .txt file…</source>
        <translation>Открыть файл .txt…</translation>
    </message>
    <message>
        <source>Published (YYYY-MM-DD), if the text has no date</source>
        <translation>Дата публикации (ГГГГ-ММ-ДД), если в тексте её нет</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Разобрать</translation>
    </message>
    <message>
        <source>Paste a wire report or readout here.</source>
        <translation>Вставьте сюда сообщение агентства или запись беседы.</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <source>Why unchecked</source>
        <translation>Почему не отмечено</translation>
    </message>
    <message>
        <source>Paste text, then Analyse.</source>
        <translation>Вставьте текст и нажмите «Разобрать».</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Отметить все</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>Снять все</translation>
    </message>
    <message>
        <source>Accept checked</source>
        <translation>Принять отмеченные</translation>
    </message>
    <message>
        <source>Open text</source>
        <translation>Открыть текст</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>%s is not UTF-8 text. Save it as UTF-8 and open it again.</source>
        <translation>%s — не текст в UTF-8. Сохраните его в UTF-8 и откройте снова.</translation>
    </message>
    <message>
        <source>%s could not be read: %s</source>
        <translation>Не удалось прочитать %s: %s</translation>
    </message>
    <message>
        <source>The text has no date but speaks of relative years (“last year”): type its publication date, then Analyse.</source>
        <translation>В тексте нет даты, но есть относительные годы («прошлого года»): введите дату публикации и нажмите «Разобрать».</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>Читаю текст…</translation>
    </message>
    <message>
        <source>Loading the language model (first time only)…</source>
        <translation>Загружаю языковую модель (только в первый раз)…</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) found.</source>
        <translation>
            <numerusform>Найден %n кандидат.</numerusform>
            <numerusform>Найдено %n кандидата.</numerusform>
            <numerusform>Найдено %n кандидатов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Captured %n fact(s) into %s.</source>
        <translation>
            <numerusform>В досье «%s» занесён %n факт.</numerusform>
            <numerusform>В досье «%s» занесено %n факта.</numerusform>
            <numerusform>В досье «%s» занесено %n фактов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Официальные лица</translation>
    </message>
    <message>
        <source>Trade figures</source>
        <translation>Торговые показатели</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Высказывания</translation>
    </message>
    <message>
        <source>Organisations (not stored)</source>
        <translation>Организации (не сохраняются)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новое</translation>
    </message>
    <message>
        <source>update existing: %s</source>
        <translation>обновить существующее: %s</translation>
    </message>
    <message>
        <source>already there (#%d)</source>
        <translation>уже есть (№%d)</translation>
    </message>
    <message>
        <source>Review: %s</source>
        <translation>Проверка: %s</translation>
    </message>
    <message>
        <source>The text changed; Analyse again.</source>
        <translation>Текст изменился; разберите его снова.</translation>
    </message>
    <message>
        <source>Check the candidates to store first.</source>
        <translation>Сначала отметьте, что сохранить.</translation>
    </message>
    <message>
        <source>Nothing was stored.</source>
        <translation>Ничего не сохранено.</translation>
    </message>
    <message>
        <source>Nothing was stored: %s</source>
        <translation>Ничего не сохранено: %s</translation>
    </message>
    <message>
        <source>The text mentions neither %s nor its partner country. Store it in this dossier?</source>
        <translation>В тексте не упоминается ни %s, ни наша страна. Сохранить его в это досье?</translation>
    </message>
    <message>
        <source>Could not undo or redo</source>
        <translation>Не удалось отменить или повторить</translation>
    </message>
    <message>
        <source>Capture from text…</source>
        <translation>Извлечь из текста…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Сохранение</translation>
    </message>
    <message>
        <source>Waiting for the store: another window or command is writing.</source>
        <translation>Ожидание хранилища: в него пишет другое окно или команда.</translation>
    </message>
    <message>
        <source>Added: %s</source>
        <translation>Добавлено: %s</translation>
    </message>
    <message>
        <source>Saved: %s</source>
        <translation>Сохранено: %s</translation>
    </message>
    <message>
        <source>Delete the dossier “%s” with everything in it?</source>
        <translation>Удалить досье «%s» со всем содержимым?</translation>
    </message>
    <message>
        <source>Delete “%s”?</source>
        <translation>Удалить «%s»?</translation>
    </message>
    <message>
        <source>Delete the source “%s”?</source>
        <translation>Удалить источник «%s»?</translation>
    </message>
    <message>
        <source>%d facts cite it; they will keep their content but lose the citation.</source>
        <translation>Ссылок на него: %d; эти записи сохранятся, но потеряют ссылку на источник.</translation>
    </message>
    <message>
        <source>Delete this %s?</source>
        <translation>Удалить запись: %s?</translation>
    </message>
    <message>
        <source>Reverted: %s</source>
        <translation>Возвращена прежняя версия: %s</translation>
    </message>
    <message>
        <source>Deleted: %s (Ctrl+Z brings it back)</source>
        <translation>Удалено: %s (Ctrl+Z вернёт)</translation>
    </message>
    <message>
        <source>Delete official</source>
        <translation>Удаление должностного лица</translation>
    </message>
    <message numerus="yes">
        <source>%n talking point(s) addressed to “%s”.</source>
        <translation>
            <numerusform>%n тезис адресован «%s».</numerusform>
            <numerusform>%n тезиса адресованы «%s».</numerusform>
            <numerusform>%n тезисов адресованы «%s».</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep those points (they will be addressed to no one), or delete them together with the official?</source>
        <translation>Оставить эти тезисы (без адресата) или удалить их вместе с должностным лицом?</translation>
    </message>
    <message>
        <source>Keep the points</source>
        <translation>Оставить тезисы</translation>
    </message>
    <message>
        <source>Delete the points too</source>
        <translation>Удалить и тезисы</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move the point up (Alt+Up)</source>
        <translation>Переместить тезис выше (Alt+↑)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Move the point down (Alt+Down)</source>
        <translation>Переместить тезис ниже (Alt+↓)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Язык интерфейса:</translation>
    </message>
    <message>
        <source>Your dossiers keep the language they were written in.</source>
        <translation>Досье остаются на том языке, на котором написаны.</translation>
    </message>
    <message>
        <source>Search all dossiers…</source>
        <translation>Поиск во всех досье…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n результат</numerusform>
            <numerusform>%n результата</numerusform>
            <numerusform>%n результатов</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <source>Facts citing this source:</source>
        <translation>Записи, ссылающиеся на источник:</translation>
    </message>
    <message>
        <source>Choose a source to read it.</source>
        <translation>Выберите источник, чтобы прочитать его.</translation>
    </message>
    <message>
        <source>Click to go to this fact</source>
        <translation>Щёлкните, чтобы перейти к записи</translation>
    </message>
    <message>
        <source>No fact cites this source yet.</source>
        <translation>На этот источник пока никто не ссылается.</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>Не удаётся открыть хранилище</translation>
    </message>
    <message>
        <source>Dossier could not open
%s</source>
        <translation>Dossier не может открыть
%s</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Выбрать другой файл…</translation>
    </message>
    <message>
        <source>Open the sample dossier</source>
        <translation>Открыть образец досье</translation>
    </message>
    <message>
        <source>Only an encrypted store can be locked.</source>
        <translation>Заблокировать можно только зашифрованное хранилище.</translation>
    </message>
    <message>
        <source>Dossier (locked)</source>
        <translation>Dossier (заблокировано)</translation>
    </message>
    <message>
        <source>Dossier is locked. Type the passphrase of %s to unlock it.</source>
        <translation>Dossier заблокирован. Введите пароль хранилища %s, чтобы разблокировать.</translation>
    </message>
    <message>
        <source>Dossier is locked</source>
        <translation>Dossier заблокирован</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Разблокировано.</translation>
    </message>
    <message>
        <source>Open a store file first: the sample in memory is not saved.</source>
        <translation>Сначала откройте файл хранилища: образец в памяти не сохраняется.</translation>
    </message>
    <message>
        <source>This store is already encrypted.</source>
        <translation>Это хранилище уже зашифровано.</translation>
    </message>
    <message>
        <source>Encrypt store</source>
        <translation>Шифрование хранилища</translation>
    </message>
    <message>
        <source>The store is now encrypted.</source>
        <translation>Хранилище зашифровано.</translation>
    </message>
    <message>
        <source>Store not encrypted</source>
        <translation>Хранилище не зашифровано</translation>
    </message>
    <message>
        <source>A passphrase was given (DOSSIER_PASSPHRASE), but %1 is not encrypted: it was opened without one. Encrypt it now?</source>
        <translation>Пароль задан (DOSSIER_PASSPHRASE), но %1 не зашифровано и открыто без пароля. Зашифровать его сейчас?</translation>
    </message>
    <message>
        <source>Only an encrypted store has a passphrase to change.</source>
        <translation>Сменить пароль можно только у зашифрованного хранилища.</translation>
    </message>
    <message>
        <source>Type the current passphrase of %s.</source>
        <translation>Введите текущий пароль хранилища %s.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>The passphrase is changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <source>Rewriting %s and its backups…</source>
        <translation>Перезапись %s и его резервных копий…</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Автоблокировка</translation>
    </message>
    <message>
        <source>Lock an encrypted store after this many idle minutes (0: never):</source>
        <translation>Блокировать зашифрованное хранилище после стольких минут бездействия (0 — никогда):</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>За&amp;блокировать</translation>
    </message>
    <message>
        <source>&amp;Auto-lock…</source>
        <translation>&amp;Автоблокировка…</translation>
    </message>
    <message>
        <source>&amp;Encrypt store…</source>
        <translation>Заш&amp;ифровать хранилище…</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>Some features could not start: %s</source>
        <translation>Некоторые функции не запустились: %s</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>The last action failed: %s

Your saved data is safe.</source>
        <translation>Последнее действие не удалось: %s

Сохранённые данные не пострадали.</translation>
    </message>
    <message>
        <source>Export brief — %s</source>
        <translation>Экспорт справки — %s</translation>
    </message>
    <message>
        <source>e.g. Official visit to Baku</source>
        <translation>например, Официальный визит в Баку</translation>
    </message>
    <message>
        <source>e.g. 25–26 November</source>
        <translation>например, 25–26 ноября</translation>
    </message>
    <message>
        <source>Releasable version (leave background-only records and internal notes out)</source>
        <translation>Версия для передачи (без справочных сведений и служебных пометок)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Подготовил</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Date on the brief</source>
        <translation>Дата на справке</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Изменения с</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Interlocutors</source>
        <translation>Собеседники</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Тезисы</translation>
    </message>
    <message>
        <source>Brief options</source>
        <translation>Параметры справки</translation>
    </message>
    <message>
        <source>Preview of the brief</source>
        <translation>Предпросмотр справки</translation>
    </message>
    <message>
        <source>Open after saving</source>
        <translation>Открыть после сохранения</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Building the brief…</source>
        <translation>Готовлю справку…</translation>
    </message>
    <message>
        <source>The brief could not be built: %s</source>
        <translation>Не удалось подготовить справку: %s</translation>
    </message>
    <message>
        <source>Preview ready.</source>
        <translation>Предпросмотр готов.</translation>
    </message>
    <message>
        <source>Save brief as PDF</source>
        <translation>Сохранить справку в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Brief not saved</source>
        <translation>Справка не сохранена</translation>
    </message>
    <message>
        <source>The brief could not be saved to %s:
%s</source>
        <translation>Не удалось сохранить справку в %s:
%s</translation>
    </message>
    <message>
        <source>Saved to %s</source>
        <translation>Сохранено: %s</translation>
    </message>
    <message>
        <source>Brief not printed</source>
        <translation>Справка не напечатана</translation>
    </message>
    <message>
        <source>The printer is not ready.</source>
        <translation>Принтер не готов.</translation>
    </message>
    <message>
        <source>Open a dossier first.</source>
        <translation>Сначала откройте досье.</translation>
    </message>
    <message>
        <source>Export brief…</source>
        <translation>Экспорт справки…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Backups of %s, newest first. Restoring replaces the store; its current state is backed up first.</source>
        <translation>Резервные копии %s, сначала новые. Восстановление заменяет хранилище; его текущее состояние сначала сохраняется в копию.</translation>
    </message>
    <message>
        <source>There are no backups of %s yet.</source>
        <translation>Резервных копий %s пока нет.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записей</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Зашифрована</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>This store is already open in another Dossier window (process %1 on %2). Changes made there are not shown here until you refresh (F5); a restore or a passphrase change needs the other window closed.</source>
        <translation>Это хранилище уже открыто в другом окне Dossier (процесс %1 на %2). Изменения, сделанные там, появятся здесь только после обновления (F5); для восстановления или смены пароля другое окно нужно закрыть.</translation>
    </message>
    <message>
        <source>Store in use</source>
        <translation>Хранилище занято</translation>
    </message>
    <message>
        <source>Open a store file first: the sample in memory has no backups.</source>
        <translation>Сначала откройте файл хранилища: у образца в памяти нет резервных копий.</translation>
    </message>
    <message>
        <source>Restored the backup from %s.</source>
        <translation>Восстановлена копия от %s.</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Import trade table</source>
        <translation>Импорт таблицы торговли</translation>
    </message>
    <message>
        <source>Open table…</source>
        <translation>Открыть таблицу…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Файл не выбран.</translation>
    </message>
    <message>
        <source>(from the columns)</source>
        <translation>(из столбцов)</translation>
    </message>
    <message>
        <source>years</source>
        <translation>годы</translation>
    </message>
    <message>
        <source>quarters</source>
        <translation>кварталы</translation>
    </message>
    <message>
        <source>months</source>
        <translation>месяцы</translation>
    </message>
    <message>
        <source>I have checked the unit against the publication</source>
        <translation>Я сверил единицы измерения с публикацией</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Блок:</translation>
    </message>
    <message>
        <source>Period column:</source>
        <translation>Столбец периода:</translation>
    </message>
    <message>
        <source>Flow column:</source>
        <translation>Столбец потока:</translation>
    </message>
    <message>
        <source>Amount column:</source>
        <translation>Столбец суммы:</translation>
    </message>
    <message>
        <source>Exports column:</source>
        <translation>Столбец экспорта:</translation>
    </message>
    <message>
        <source>Imports column:</source>
        <translation>Столбец импорта:</translation>
    </message>
    <message>
        <source>Turnover column:</source>
        <translation>Столбец товарооборота:</translation>
    </message>
    <message>
        <source>The whole table is:</source>
        <translation>Вся таблица — это:</translation>
    </message>
    <message>
        <source>Currency column:</source>
        <translation>Столбец валюты:</translation>
    </message>
    <message>
        <source>Partner pair:</source>
        <translation>Пара стран:</translation>
    </message>
    <message>
        <source>Periods:</source>
        <translation>Периоды:</translation>
    </message>
    <message>
        <source>Numbers in the file are in:</source>
        <translation>Числа в файле указаны в:</translation>
    </message>
    <message>
        <source>Store them in:</source>
        <translation>Хранить в:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n figure(s)…</source>
        <translation>
            <numerusform>Импортируется %n показатель…</numerusform>
            <numerusform>Импортируются %n показателя…</numerusform>
            <numerusform>Импортируются %n показателей…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Check the mapping and the unit, then Preview.</source>
        <translation>Проверьте соответствие столбцов и единицы, затем нажмите «Просмотр».</translation>
    </message>
    <message>
        <source>(choose %s)</source>
        <translation>(выберите: %s)</translation>
    </message>
    <message>
        <source>Preview to see what the numbers suggest.</source>
        <translation>Нажмите «Просмотр», чтобы увидеть, что подсказывают числа.</translation>
    </message>
    <message>
        <source>Suggested: %s.</source>
        <translation>Предположительно: %s.</translation>
    </message>
    <message>
        <source>Say which flow this block is.</source>
        <translation>Укажите, какой это поток.</translation>
    </message>
    <message>
        <source>Choose the partner pair first.</source>
        <translation>Сначала выберите пару стран.</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Читаю таблицу…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>No row was skipped.</source>
        <translation>Пропущенных строк нет.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>e.g. BY, or world</source>
        <translation>например, BY или world</translation>
    </message>
    <message>
        <source>e.g. AZ, or world</source>
        <translation>например, AZ или world</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>например, USD</translation>
    </message>
    <message>
        <source>Currency (if no column):</source>
        <translation>Валюта (если нет столбца):</translation>
    </message>
    <message>
        <source>Reporter column:</source>
        <translation>Столбец отчитывающейся страны:</translation>
    </message>
    <message>
        <source>Partner column:</source>
        <translation>Столбец страны-партнёра:</translation>
    </message>
    <message>
        <source>Reporter (if no column):</source>
        <translation>Отчитывающаяся страна (если нет столбца):</translation>
    </message>
    <message>
        <source>Partner (if no column):</source>
        <translation>Партнёр (если нет столбца):</translation>
    </message>
    <message>
        <source>A currency is three Latin letters, e.g. USD.</source>
        <translation>Валюта — три латинские буквы, например USD.</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s), %d empty cells, %d rows skipped.</source>
        <translation>
            <numerusform>Показателей: %n, пустых ячеек: %d, пропущено строк: %d.</numerusform>
            <numerusform>Показателей: %n, пустых ячеек: %d, пропущено строк: %d.</numerusform>
            <numerusform>Показателей: %n, пустых ячеек: %d, пропущено строк: %d.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n figure(s); %d were already there; %d differ and were left alone.</source>
        <translation>
            <numerusform>Импортировано показателей: %n; уже были: %d; отличаются и оставлены как есть: %d.</numerusform>
            <numerusform>Импортировано показателей: %n; уже были: %d; отличаются и оставлены как есть: %d.</numerusform>
            <numerusform>Импортировано показателей: %n; уже были: %d; отличаются и оставлены как есть: %d.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import officials</source>
        <translation>Импорт должностных лиц</translation>
    </message>
    <message>
        <source>Open list…</source>
        <translation>Открыть список…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Дата начала:</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Дата окончания:</translation>
    </message>
    <message>
        <source>Person id:</source>
        <translation>Идентификатор лица:</translation>
    </message>
    <message>
        <source>Country column:</source>
        <translation>Столбец страны:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>Only people in post now</source>
        <translation>Только действующие</translation>
    </message>
    <message>
        <source>Added %d and updated %d officials.</source>
        <translation>Добавлено должностных лиц: %d, обновлено: %d.</translation>
    </message>
    <message>
        <source>Import dossier</source>
        <translation>Импорт досье</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Взять из файла</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Оставить оба</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Из файла</translation>
    </message>
    <message>
        <source>Merged: %d added, %d identical, %d taken from the file, %d kept as mine.</source>
        <translation>Объединено: добавлено %d, совпало %d, взято из файла %d, оставлено моих %d.</translation>
    </message>
    <message>
        <source>New dossier from Factbook</source>
        <translation>Новое досье из Factbook</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Apply?</source>
        <translation>Применить?</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>Экспорт досье</translation>
    </message>
    <message>
        <source>Dossier files (*.dossier)</source>
        <translation>Файлы досье (*.dossier)</translation>
    </message>
    <message>
        <source>Exported %s to %s.</source>
        <translation>%s экспортировано в %s.</translation>
    </message>
    <message>
        <source>Type the passphrase the sender chose for %s.</source>
        <translation>Введите пароль, который отправитель задал для %s.</translation>
    </message>
    <message>
        <source>Import trade table…</source>
        <translation>Импорт таблицы торговли…</translation>
    </message>
    <message>
        <source>Import officials…</source>
        <translation>Импорт должностных лиц…</translation>
    </message>
    <message>
        <source>New dossier from Factbook…</source>
        <translation>Новое досье из Factbook…</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>Экспорт досье…</translation>
    </message>
    <message>
        <source>Import dossier…</source>
        <translation>Импорт досье…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>The store %s is encrypted. Type its passphrase to open it.</source>
        <translation>Хранилище %s зашифровано. Введите пароль, чтобы открыть его.</translation>
    </message>
    <message>
        <source>Choose a passphrase for %s. Without it nobody, including you, can read the store: keep it safe.</source>
        <translation>Задайте пароль для %s. Без него никто, включая вас, не сможет прочитать хранилище: берегите его.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Показать пароль</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Включён Caps Lock.</translation>
    </message>
    <message>
        <source>Several unrelated words are strong and easy to remember.</source>
        <translation>Несколько не связанных между собой слов — надёжно и легко запомнить.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The store is encrypted and no passphrase was given.</source>
        <translation>Хранилище зашифровано, а пароль не указан.</translation>
    </message>
    <message>
        <source>The store is damaged</source>
        <translation>Хранилище повреждено</translation>
    </message>
    <message>
        <source>%1

The newest good backup is from %2 (%3 records). Restore it? The damaged file is kept beside it.</source>
        <translation>%1

Последняя исправная резервная копия — от %2 (записей: %3). Восстановить её? Повреждённый файл сохранится рядом.</translation>
    </message>
    <message>
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
    <message>
        <source>Welcome to Dossier</source>
        <translation>Добро пожаловать в Dossier</translation>
    </message>
    <message>
        <source>Your dossiers will be kept in
%s

How would you like to start?</source>
        <translation>Ваши досье будут храниться в
%s

С чего начать?</translation>
    </message>
    <message>
        <source>With the sample dossier</source>
        <translation>С образцом досье</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>С пустого хранилища</translation>
    </message>
    <message>
        <source>Dossier user manual</source>
        <translation>Руководство пользователя Dossier</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>A word to find in the manual</source>
        <translation>Слово для поиска в руководстве</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>Поиск в руководстве</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>%s: all</source>
        <translation>%s: все</translation>
    </message>
    <message>
        <source>Show only rows with this %s</source>
        <translation>Показывать только строки с этим значением поля «%s»</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Copy row</source>
        <translation>&amp;Копировать строку</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <source>Open its &amp;source</source>
        <translation>Открыть &amp;источник</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>Sort by “%s”, &amp;ascending</source>
        <translation>Сортировать по «%s», по &amp;возрастанию</translation>
    </message>
    <message>
        <source>Sort by “%s”, de&amp;scending</source>
        <translation>Сортировать по «%s», по у&amp;быванию</translation>
    </message>
    <message>
        <source>&amp;Natural order</source>
        <translation>&amp;Естественный порядок</translation>
    </message>
    <message>
        <source>The last brief</source>
        <translation>Последней справки</translation>
    </message>
    <message>
        <source>The brief of %s</source>
        <translation>Справки от %s</translation>
    </message>
    <message>
        <source>None (no comparison)</source>
        <translation>Не показывать (без сравнения)</translation>
    </message>
    <message>
        <source>The store file was replaced or removed on disk: this window shows the old one and saves nothing more. Open the store again.</source>
        <translation>Файл хранилища на диске заменён или удалён: окно показывает прежний и больше ничего не сохраняет. Откройте хранилище снова.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>History of %s</source>
        <translation>История: %s</translation>
    </message>
    <message>
        <source>&amp;Revert to this version</source>
        <translation>&amp;Вернуть эту версию</translation>
    </message>
    <message numerus="yes">
        <source>“%s”: %n version(s), newest first.</source>
        <translation>
            <numerusform>«%s»: %n версия, новые сверху.</numerusform>
            <numerusform>«%s»: %n версии, новые сверху.</numerusform>
            <numerusform>«%s»: %n версий, новые сверху.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%s” has been deleted.</source>
        <translation>«%s» удалено.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>this window</source>
        <translation>это окно</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <source>&amp;Reset columns</source>
        <translation>&amp;Сбросить столбцы</translation>
    </message>
    <message>
        <source>Recently &amp;used stores</source>
        <translation>Недавние &amp;хранилища</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(нет на месте)</translation>
    </message>
    <message>
        <source>No stores opened yet</source>
        <translation>Хранилища ещё не открывались</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>%s is not a file Dossier can import.</source>
        <translation>%s — не тот файл, который Dossier умеет импортировать.</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Пара</translation>
    </message>
    <message>
        <source>Merged: %s (Ctrl+Z separates them again)</source>
        <translation>Объединено: %s (Ctrl+Z снова разделит)</translation>
    </message>
    <message>
        <source>Duplicate officials</source>
        <translation>Повторы должностных лиц</translation>
    </message>
    <message>
        <source>Officials entered twice</source>
        <translation>Лица, внесённые дважды</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Объединить</translation>
    </message>
    <message>
        <source>Finding officials entered twice</source>
        <translation>Поиск лиц, внесённых дважды</translation>
    </message>
    <message>
        <source>Keeps the first, fills its gaps from the second</source>
        <translation>Остаётся первая запись, её пустые поля заполняются из второй</translation>
    </message>
    <message>
        <source>Pairs that may be one official entered twice: %d. Choose one and Merge (Ctrl+Z undoes it).</source>
        <translation>Возможно, внесены дважды: %d. Выберите пару и нажмите «Объединить» (Ctrl+Z отменяет).</translation>
    </message>
    <message>
        <source>No official of this dossier seems to have been entered twice.</source>
        <translation>Похоже, в этом досье нет лиц, внесённых дважды.</translation>
    </message>
    <message>
        <source>Find duplicate &amp;officials…</source>
        <translation>Найти &amp;повторы должностных лиц…</translation>
    </message>
    <message>
        <source>Anyone with this file can read it: File &gt; Encrypt store…</source>
        <translation>Любой, у кого есть этот файл, может его прочитать: Файл &gt; Зашифровать хранилище…</translation>
    </message>
    <message>
        <source>Store encrypted</source>
        <translation>Хранилище зашифровано</translation>
    </message>
    <message>
        <source>The store is encrypted; File &gt; Lock (Ctrl+L) hides it</source>
        <translation>Хранилище зашифровано; Файл &gt; Заблокировать (Ctrl+L) скрывает его</translation>
    </message>
    <message>
        <source>Type the passphrase to unlock</source>
        <translation>Введите пароль, чтобы разблокировать</translation>
    </message>
    <message>
        <source>Store locked</source>
        <translation>Хранилище заблокировано</translation>
    </message>
    <message>
        <source>Preview of the rows to import</source>
        <translation>Предпросмотр импортируемых строк</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <source>Changes the import would make</source>
        <translation>Изменения, которые внесёт импорт</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>Дата публикации</translation>
    </message>
    <message>
        <source>Text to analyse</source>
        <translation>Текст для разбора</translation>
    </message>
    <message>
        <source>Candidates found in the text</source>
        <translation>Кандидаты, найденные в тексте</translation>
    </message>
    <message>
        <source>Records in conflict</source>
        <translation>Записи с расхождениями</translation>
    </message>
    <message>
        <source>Mine and theirs, field by field</source>
        <translation>Мои и их данные, поле за полем</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Wrong passphrase or damaged file</source>
        <translation>Неверный пароль или повреждённый файл</translation>
    </message>
</context>
</TS>
