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
    <name>PlannerTexts</name>
    <message numerus="yes">
        <source>%n member(s) have no email: they are synced by member number but cannot be matched by email.</source>
        <translation>
            <numerusform>%n member has no email: they are synced by member number but cannot be matched by email.</numerusform>
            <numerusform>%n members have no email: they are synced by member number but cannot be matched by email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) share %1 email address(es) with other members: they are synced by member number but cannot be matched by email.</source>
        <translation>
            <numerusform>%n member shares %1 email address(es) with other members: they are synced by member number but cannot be matched by email.</numerusform>
            <numerusform>%n members share %1 email address(es) with other members: they are synced by member number but cannot be matched by email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) are longer than %1 bytes and are shortened on the device.</source>
        <translation>
            <numerusform>%n name is longer than %1 bytes and is shortened on the device.</numerusform>
            <numerusform>%n names are longer than %1 bytes and are shortened on the device.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::CliApplication</name>
    <message numerus="yes">
        <source>%1: %n new event(s)</source>
        <translation>
            <numerusform>%1: %n new event</numerusform>
            <numerusform>%1: %n new events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1</source>
        <translation>
            <numerusform>%n event written to %1</numerusform>
            <numerusform>%n events written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n day(s)</source>
        <translation>
            <numerusform>%1 (%2): %n day</numerusform>
            <numerusform>%1 (%2): %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) by persons not linked to a member are not counted.</source>
        <translation>
            <numerusform>%n entry by a person not linked to a member is not counted.</numerusform>
            <numerusform>%n entries by persons not linked to a member are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold the card for %1 to the reader of %2: %n second(s) left (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Hold the card for %1 to the reader of %2: %n second left (Ctrl+C cancels).</numerusform>
            <numerusform>Hold the card for %1 to the reader of %2: %n seconds left (Ctrl+C cancels).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold the card for %1 to the reader of %2 within %n second(s) (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Hold the card for %1 to the reader of %2 within %n second (Ctrl+C cancels).</numerusform>
            <numerusform>Hold the card for %1 to the reader of %2 within %n seconds (Ctrl+C cancels).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) with a valid membership hold no card and no face on a door.</source>
        <translation>
            <numerusform>%n member with a valid membership holds no card and no face on a door.</numerusform>
            <numerusform>%n members with a valid membership hold no card and no face on a door.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) whose cards and faces the terminal did not report (shown as ?); &quot;sync --full&quot; reads them again.</source>
        <translation>
            <numerusform>%n person whose cards and faces the terminal did not report (shown as ?); &quot;sync --full&quot; reads them again.</numerusform>
            <numerusform>%n persons whose cards and faces the terminal did not report (shown as ?); &quot;sync --full&quot; reads them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taking the face photo of %1 at %2: look into its camera within %n second(s) (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Taking the face photo of %1 at %2: look into its camera within %n second (Ctrl+C cancels).</numerusform>
            <numerusform>Taking the face photo of %1 at %2: look into its camera within %n seconds (Ctrl+C cancels).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::EventReader</name>
    <message numerus="yes">
        <source>Door %1: its clock is %n minute(s) ahead of this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</source>
        <translation>
            <numerusform>Door %1: its clock is %n minute ahead of this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</numerusform>
            <numerusform>Door %1: its clock is %n minutes ahead of this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Door %1: its clock is %n minute(s) behind this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</source>
        <translation>
            <numerusform>Door %1: its clock is %n minute behind this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</numerusform>
            <numerusform>Door %1: its clock is %n minutes behind this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::HikvisionClient</name>
    <message numerus="yes">
        <source>no face was captured within %n second(s)</source>
        <translation>
            <numerusform>no face was captured within %n second</numerusform>
            <numerusform>no face was captured within %n seconds</numerusform>
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
    <message numerus="yes">
        <source>%1: checking %n write(s) that an earlier run left unfinished.</source>
        <translation>
            <numerusform>%1: checking %n write that an earlier run left unfinished.</numerusform>
            <numerusform>%1: checking %n writes that an earlier run left unfinished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n change(s) written.</source>
        <translation>
            <numerusform>%1: %n change written.</numerusform>
            <numerusform>%1: %n changes written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is full: %n member(s) could not be added: %2.</source>
        <translation>
            <numerusform>%1 is full: %n member could not be added: %2.</numerusform>
            <numerusform>%1 is full: %n members could not be added: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 gave no answer for %n second(s); the sync of this door was stopped and continues at the next run.</source>
        <translation>
            <numerusform>%1 gave no answer for %n second; the sync of this door was stopped and continues at the next run.</numerusform>
            <numerusform>%1 gave no answer for %n seconds; the sync of this door was stopped and continues at the next run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cardskipper gave no answer for %n second(s); no door was changed.</source>
        <translation>
            <numerusform>Cardskipper gave no answer for %n second; no door was changed.</numerusform>
            <numerusform>Cardskipper gave no answer for %n seconds; no door was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No card was held to the reader of %1 within %n second(s).</source>
        <translation>
            <numerusform>No card was held to the reader of %1 within %n second.</numerusform>
            <numerusform>No card was held to the reader of %1 within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 saw no face within %n second(s): the member should look straight into its camera.</source>
        <translation>
            <numerusform>%1 saw no face within %n second: the member should look straight into its camera.</numerusform>
            <numerusform>%1 saw no face within %n seconds: the member should look straight into its camera.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::ActivityPanel</name>
    <message numerus="yes">
        <source>%n event(s); %1 refused with a valid membership</source>
        <translation>
            <numerusform>%n event; %1 refused with a valid membership</numerusform>
            <numerusform>%n events; %1 refused with a valid membership</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visits of %n member(s) written to %1</source>
        <translation>
            <numerusform>Visits of %n member written to %1</numerusform>
            <numerusform>Visits of %n members written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::CredentialsDialog</name>
    <message numerus="yes">
        <source>%1 is on %n door(s). %2.</source>
        <translation>
            <numerusform>%1 is on %n door. %2.</numerusform>
            <numerusform>%1 is on %n doors. %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold the card to the reader of %1: %n second(s) left</source>
        <translation>
            <numerusform>Hold the card to the reader of %1: %n second left</numerusform>
            <numerusform>Hold the card to the reader of %1: %n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::MainWindow</name>
    <message numerus="yes">
        <source>password rejected (%n attempt(s) left before it locks)</source>
        <translation>
            <numerusform>password rejected (%n attempt left before it locks)</numerusform>
            <numerusform>password rejected (%n attempts left before it locks)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>locked for another %n minute(s)</source>
        <translation>
            <numerusform>locked for another %n minute</numerusform>
            <numerusform>locked for another %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The door allows %n more failed login(s) before it locks the account.</source>
        <translation>
            <numerusform>The door allows %n more failed login before it locks the account.</numerusform>
            <numerusform>The door allows %n more failed logins before it locks the account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n created</numerusform>
            <numerusform>%n created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n ended</numerusform>
            <numerusform>%n ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::PairModel</name>
    <message numerus="yes">
        <source>Visits (%n day(s))</source>
        <translation>
            <numerusform>Visits (%n day)</numerusform>
            <numerusform>Visits (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
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
