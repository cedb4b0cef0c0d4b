<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name />
        <message numerus="yes">
            <source>%n d overdue</source>
            <translation>
                <numerusform>%n d overdue</numerusform>
                <numerusform>%n d overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>due in %n d</source>
            <translation>
                <numerusform>due in %n d</numerusform>
                <numerusform>due in %n d</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d left</source>
            <translation>
                <numerusform>%n d left</numerusform>
                <numerusform>%n d left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Due in %n d</source>
            <translation>
                <numerusform>Due in %n d</numerusform>
                <numerusform>Due in %n d</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Due soon: the case is due in %n day(s) and still open</source>
            <translation>
                <numerusform>Due soon: the case is due in %n day and still open</numerusform>
                <numerusform>Due soon: the case is due in %n days and still open</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h</source>
            <translation>
                <numerusform>%n h</numerusform>
                <numerusform>%n h</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Active cases due within %n day(s), today included (Settings, team settings)</source>
            <translation>
                <numerusform>Active cases due within %n day, today included (Settings, team settings)</numerusform>
                <numerusform>Active cases due within %n days, today included (Settings, team settings)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 (%2)</source>
            <translation>
                <numerusform>%n finding of %1 (%2)</numerusform>
                <numerusform>%n findings of %1 (%2)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) of %1 merchants</source>
            <translation>
                <numerusform>%n finding of %1 merchants</numerusform>
                <numerusform>%n findings of %1 merchants</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Team deadline for %1 findings: %n day(s)</source>
            <translation>
                <numerusform>Team deadline for %1 findings: %n day</numerusform>
                <numerusform>Team deadline for %1 findings: %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n finding</numerusform>
                <numerusform>%n findings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n finding(s)? You can undo this.</source>
            <translation>
                <numerusform>Delete %n finding? You can undo this.</numerusform>
                <numerusform>Delete %n findings? You can undo this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) deleted.</source>
            <translation>
                <numerusform>%n finding deleted.</numerusform>
                <numerusform>%n findings deleted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) restored.</source>
            <translation>
                <numerusform>%n finding restored.</numerusform>
                <numerusform>%n findings restored.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Open a rectification case for %1 with %n finding(s) of this purchase?

The deadline follows the most severe finding; you can change it on the case.</source>
            <translation>
                <numerusform>Open a rectification case for %1 with %n finding of this purchase?

The deadline follows the most severe finding; you can change it on the case.</numerusform>
                <numerusform>Open a rectification case for %1 with %n findings of this purchase?

The deadline follows the most severe finding; you can change it on the case.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) to the printer</source>
            <translation>
                <numerusform>Sent %n page to the printer</numerusform>
                <numerusform>Sent %n pages to the printer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n report</numerusform>
                <numerusform>%n reports</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n response(s) applied; the cases moved to “responded”.</source>
            <translation>
                <numerusform>%n response applied; its case moved to “responded”.</numerusform>
                <numerusform>%n responses applied; the cases moved to “responded”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) already imported before (unchanged).</source>
            <translation>
                <numerusform>%n row already imported before (unchanged).</numerusform>
                <numerusform>%n rows already imported before (unchanged).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) left blank (skipped).</source>
            <translation>
                <numerusform>%n row left blank (skipped).</numerusform>
                <numerusform>%n rows left blank (skipped).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) were not imported; correct them in the workbook and import it again (rows already imported are not applied twice):</source>
            <translation>
                <numerusform>%n row was not imported; correct it in the workbook and import it again (rows already imported are not applied twice):</numerusform>
                <numerusform>%n rows were not imported; correct them in the workbook and import it again (rows already imported are not applied twice):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n photo</numerusform>
                <numerusform>%n photos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) due within %1 day(s): see the Due soon tab</source>
            <translation>
                <numerusform>%n case due within %1 d: see the Due soon tab</numerusform>
                <numerusform>%n cases due within %1 d: see the Due soon tab</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln merchant(s)</source>
            <translation>
                <numerusform>%Ln merchant</numerusform>
                <numerusform>%Ln merchants</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) of the notice to the printer; a copy is in %1</source>
            <translation>
                <numerusform>Sent %n page of the notice to the printer; a copy is in %1</numerusform>
                <numerusform>Sent %n pages of the notice to the printer; a copy is in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln work order(s)</source>
            <translation>
                <numerusform>%Ln work order</numerusform>
                <numerusform>%Ln work orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
    </context>
</TS>
