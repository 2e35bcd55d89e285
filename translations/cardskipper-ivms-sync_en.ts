<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HikvisionErrorTexts</name>
    <message numerus="yes">
        <source>The door terminal at %1 rejected the username or password; %n attempt(s) left before it locks the account. No further attempt is made until the credentials in the settings are changed.</source>
        <translation>
            <numerusform>The door terminal at %1 rejected the username or password; %n attempt left before it locks the account. No further attempt is made until the credentials in the settings are changed.</numerusform>
            <numerusform>The door terminal at %1 rejected the username or password; %n attempts left before it locks the account. No further attempt is made until the credentials in the settings are changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The door terminal at %1 has locked the account after too many failed logins, for %n more minute(s). Nothing is sent to it until then.</source>
        <translation>
            <numerusform>The door terminal at %1 has locked the account after too many failed logins, for %n more minute. Nothing is sent to it until then.</numerusform>
            <numerusform>The door terminal at %1 has locked the account after too many failed logins, for %n more minutes. Nothing is sent to it until then.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::SyncEngine</name>
    <message numerus="yes">
        <source>%n earlier run(s) were interrupted (the program stopped during them); their unfinished writes are checked on the door now.</source>
        <translation>
            <numerusform>%n earlier run was interrupted (the program stopped during it); its unfinished writes are checked on the door now.</numerusform>
            <numerusform>%n earlier runs were interrupted (the program stopped during them); their unfinished writes are checked on the door now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::SettingsDialog</name>
    <message numerus="yes">
        <source>OK. The account sees %n organisation(s):</source>
        <translation>
            <numerusform>OK. The account sees %n organisation:</numerusform>
            <numerusform>OK. The account sees %n organisations:</numerusform>
        </translation>
    </message>
</context>
</TS>
