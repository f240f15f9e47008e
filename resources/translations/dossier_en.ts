<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n candidate(s) found.</source>
        <translation>
            <numerusform>%n candidate found.</numerusform>
            <numerusform>%n candidates found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Captured %n fact(s) into %s.</source>
        <translation>
            <numerusform>Captured %n fact into %s.</numerusform>
            <numerusform>Captured %n facts into %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s), %d empty cells, %d rows skipped.</source>
        <translation>
            <numerusform>%n figure, %d empty cells, %d rows skipped.</numerusform>
            <numerusform>%n figures, %d empty cells, %d rows skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n figure(s)…</source>
        <translation>
            <numerusform>Importing %n figure…</numerusform>
            <numerusform>Importing %n figures…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n figure(s); %d were already there; %d differ and were left alone.</source>
        <translation>
            <numerusform>Imported %n figure; %d were already there; %d differ and were left alone.</numerusform>
            <numerusform>Imported %n figures; %d were already there; %d differ and were left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n talking point(s) addressed to “%s”.</source>
        <translation>
            <numerusform>%n talking point is addressed to “%s”.</numerusform>
            <numerusform>%n talking points are addressed to “%s”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%s”: %n version(s), newest first.</source>
        <translation>
            <numerusform>“%s”: %n version, newest first.</numerusform>
            <numerusform>“%s”: %n versions, newest first.</numerusform>
        </translation>
    </message>
</context>
</TS>
