<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Autostart</name>
    <message>
        <source>Could not change the start at log-in entry in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardskipperError</name>
    <message>
        <source>HTTP status %1 (is the address right?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardskipperErrorTexts</name>
    <message>
        <source>Cardskipper at %1 rejected the username or password (HTTP %2). Check the Cardskipper account in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 refused %2 (HTTP %3): the account has not been granted the API right for this call, or may not read this organisation. Each call needs its own right; ask support@cardskipper.se to grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 does not let this account read the organisation: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 rejected the request %2 as invalid (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 had an internal error answering %2 (HTTP %3). It will be tried again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 is busy (HTTP %2) and asked us to wait %3 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 is busy (HTTP %2). It will be tried again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 did not answer %2 in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to Cardskipper at %1 could not be trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach Cardskipper at %1: %2. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Cardskipper at %1 failed during %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 sent a damaged answer to %2 (line %3, column %4: %5). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper at %1 answered %2 with something that is not a member list: %3. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliApplicationTexts</name>
    <message>
        <source>Check the Cardskipper account and every door terminal in the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what a sync would change, and why; writes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now (--full re-reads the terminals and repairs drift; --force releases a held plan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep syncing on the configured interval until stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last runs, the terminals&apos; snapshots and links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a terminal person to a member (manual match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a manual or suggested link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the members of a Cardskipper organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a door terminal: model, firmware, serial, capacity and its persons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the built-in Cardskipper and door-terminal simulators until stopped, to try the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the simulator with demo data and list its members through the real client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation %1 is unknown, and the account sees no organisation at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation %1 is unknown; the account can read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps Hikvision door terminals in step with Cardskipper memberships.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every request and its timing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run with --help to see the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the members of a Cardskipper organisation. The password is read from the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper API address (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members Cardskipper counts as active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members changed after this time (ISO 8601, e.g. 2026-11-01T00:00:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds without data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url &quot;%1&quot; is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--username is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--organisation-id must be a positive number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Cardskipper password in the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--changed-since &quot;%1&quot; is not a date and time like 2026-11-01T00:00:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a Hikvision door terminal over ISAPI. &quot;info&quot; prints model, firmware, serial number, capacity and the number of persons; &quot;persons&quot; lists every person with their validity; &quot;count&quot; prints the number of persons. The password is read from the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal address, e.g. http://192.168.1.64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal account name (default admin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the terminal&apos;s self-signed HTTPS certificate with this SHA-256 fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds without an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info, persons or count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device command &quot;%1&quot;; use info, persons or count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url is required, e.g. --url http://192.168.1.64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--username must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--certificate-sha256 &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the terminal&apos;s password in the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the Cardskipper simulator and a simulated Hikvision door terminal (ISAPI with Digest authentication) on 127.0.0.1 until Ctrl+C, with seeded demo data, so the product can be tried without an account or a device. Cardskipper account demo, password demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port to listen on (0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of demo members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for the demo data and the faults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay added to every Cardskipper answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of Cardskipper requests (0 to 1) answered with a fault: HTTP 500/503/429, timeouts, dropped connections, truncated or malformed bodies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept request documents the strict mode rejects (element text, missing root).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port of the door terminal (0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal model to simulate: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of persons already on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay added to every terminal answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of terminal requests (0 to 1) answered with a fault: HTTP 500/503, deviceBusy, timeouts, dropped connections, truncated or malformed bodies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal account password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cardskipper-port must be a port number from 0 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--members must be a number from 0 to 1000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--latency-ms must be a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fault-rate must be a number from 0 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device-port must be a port number from 0 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device-profile &quot;%1&quot; is unknown; choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--persons must be a number from 0 to %1 (what a %2 holds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device-latency-ms must be a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device-fault-rate must be a number from 0 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device-user and --device-password must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 port %1: is it already in use?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper simulator listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  account demo, password demo; organisation %1 with %2 members (seed %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try: CARDSKIPPER_PASSWORD=demo %1 members --url %2 --username demo --organisation-id %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal simulator (%1) listening on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Digest user %1, password %2; %3 persons on the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulators stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original project&apos;s walkthrough, with simulated systems and no account: a Cardskipper organisation and a door terminal with persons added by hand; a preview; the first sync; a member renews; the next sync extends exactly that person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--members must be a number from 18 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the simulators on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper (simulated) at %1: organisation %2 with %3 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal (simulated %1) at %2 with %3 persons added by hand in iVMS-4200: the admin, cleaning staff, and some members typed in earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Preview: what the first sync would do (nothing is written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. First sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal now holds %1 persons; the staff and the persons nobody linked were not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync created nobody; the demo cannot go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. %1 (member %2) renews in Cardskipper until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Sync again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes sent to the terminal: %1 (only the renewal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. And once more, with nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes sent to the terminal: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it yourself: &quot;%1 simulate&quot; keeps both simulators running; see the README for a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigestAuthTexts</name>
    <message>
        <source>no WWW-Authenticate challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered %1; only Digest (MD5 or SHA-256, qop auth) is supported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HikvisionErrorTexts</name>
    <message>
        <source>member %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, about &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 kept refusing the login (%2). No further attempt is made until the credentials in the settings are changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected the username or password. It will lock the account at the next failed attempt, so no further attempt is made until the credentials in the settings are changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The door terminal at %1 rejected the username or password; %n attempt(s) left before it locks the account. No further attempt is made until the credentials in the settings are changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected the username or password. No further attempt is made until the credentials in the settings are changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The door terminal at %1 has locked the account after too many failed logins, for %n more minute(s). Nothing is sent to it until then.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The door terminal at %1 has locked the account after too many failed logins. Nothing is sent to it until the lock ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 asks for a login method this program does not support: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 presented a different HTTPS certificate (SHA-256 %2) from the one pinned in the settings. Nothing was sent. If the terminal&apos;s certificate was replaced on purpose, pin the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTPS certificate of the door terminal at %1 is not trusted (%2). If this is the terminal&apos;s own certificate, pin its SHA-256 fingerprint %3 in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the door terminal at %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 did not answer %2 in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the door terminal at %1: %2. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the door terminal at %1 failed during %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 was busy and did not carry out %2%3. It will be tried again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 had an internal error during %2%3 (%4). It will be tried again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 must be restarted before it accepts %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 has not been activated. Activate it (set its admin password) with Hikvision&apos;s tools first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account used for the door terminal at %1 may not do %2 (%3). Use an administrator account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 does not support %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 already has %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 does not have %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected %2%3: the field &quot;%4&quot; is missing or not acceptable (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected %2%3 as invalid (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 is full and cannot store more%2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 sent an unreadable answer to %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door terminal at %1 answered %2 with something unexpected: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent to the door terminal at %1%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IsapiParsersTexts</name>
    <message>
        <source>empty body where %1 was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object (%1 at offset %2) where %3 was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bare OK status without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 in the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without responseStatusStrg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports %2 matches but lists none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry in %1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person without employeeNo was skipped (name &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a card without cardNo was skipped (employeeNo &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty body where DeviceInfo was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not XML (%1) where DeviceInfo was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instead of DeviceInfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged DeviceInfo XML at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeviceInfo without a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UserInfoCount without userNumber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UserInfoCount with an unreadable userNumber</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IsapiRequestsTexts</name>
    <message>
        <source>member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the employee number is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the employee number &quot;%1&quot; has leading or trailing spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the employee number &quot;%1&quot; is %2 bytes long; the terminal takes %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 was shortened to &quot;%3&quot; to fit the %4-byte limit of the door terminal at %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list of employee numbers is empty; the terminal would take an empty list as &quot;every person&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list of card numbers is empty; the terminal would take an empty list as &quot;every card&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list holds an empty number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the validity has no begin or no end time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begin raised to the terminal&apos;s earliest time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begin lowered to the terminal&apos;s latest time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end lowered to the terminal&apos;s latest time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end raised to the terminal&apos;s earliest time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begin moved to one second before end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end moved to one second after begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal&apos;s time range is too small for a validity window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty and the terminal requires one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal does not offer the person type &quot;%1&quot; (it offers %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of the %2 door plans of %3 were sent: the door terminal at %4 takes no more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card number &quot;%1&quot; is empty, has spaces around it or is longer than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link a person to a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the member&apos;s email or name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cardskipper IVMS Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, email, member no. or employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the members and write what changed to the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the members and show every change without writing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the whole door again and repair anything changed there by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause automatic sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which member this person on the door is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow until / Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected member access until a date, or block them, whatever Cardskipper says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync this member now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch only the selected member from Cardskipper and write their changes to the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper account, doors and sync policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberOutputTexts</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberXmlParserTexts</name>
    <message>
        <source>elements are nested deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is an HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document type declarations are not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entity reference &amp;%1; cannot be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; at line %2 has no usable OrganisationMemberId (&quot;%3&quot;) and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Birthdate &quot;%1&quot; is unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive=&quot;%1&quot; is neither true nor false; taken as false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 appears more than once in the answer; every copy is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an organisation without a usable Id (&quot;%1&quot;) lists %2 role(s), which were ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a role without a usable Id (&quot;%1&quot;) was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role %1 has an unreadable period (StartDate &quot;%2&quot;, EndDate &quot;%3&quot;) and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation &quot;%1&quot; at line %2 has no usable Id (&quot;%3&quot;) and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A role &quot;%1&quot; without a usable Id (&quot;%2&quot;) was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sub-organisation &quot;%1&quot; without a usable Id (&quot;%2&quot;) was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no XML element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more problems of that kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;Cardskipper&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &lt;Cardskipper&gt; document has no &lt;Members&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &lt;Cardskipper&gt; document has no &lt;Members&gt; element (it holds &lt;%1&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1: the name, email or a tag held control characters that cannot be sent on; they were replaced by “�”. Correct them in Cardskipper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document has no &lt;Organisations&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override for a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow access until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block: end access now, whatever Cardskipper says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (why), shown in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next sync writes the new validity to every door. Clear both boxes to remove the override.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonOutputTexts</name>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device does not report its person capabilities; defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannerTexts</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; (employeeNo %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role in the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role that grants door access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive in Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the allow-until override ended on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window %1 to %2 lies outside the device&apos;s time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member #%1 is listed twice in the Cardskipper export; the first entry is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device lists employeeNo %1 twice; the first person is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no email: cannot be matched by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares email %1 with 1 other member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares email %1 with %2 other members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer in Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access ended at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is linked to employeeNo %2, which is gone from the device: created again with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name of member %1 shortened to %2 bytes: &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no access (%2) and employeeNo %3 is not on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1: the device already has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1: the device name &apos;%2&apos; becomes &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the window changes from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1: the window changes from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no access (%2): the window %3 on the device ends now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no access (%2); the window on the device ended at %3, more than %4 days ago, and we created the person: deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no access (%2); the window on the device already ended at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is linked twice on this device: to employeeNo %2 and to employeeNo %3; %3 is left alone until one link is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EmployeeNo %1 is linked to member #%2 and also to member %3; left alone until one link is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 may be the device person %2; not created until the suggestion is accepted or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no access (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is longer than the device&apos;s limit of %3 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is linked to member #%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is taken by an unlinked person &apos;%3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is already planned for member #%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 is created as employeeNo %2 with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 is not linked to any member: never touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 is not linked; suggested match: member %2 (same name). Not touched until the suggestion is accepted or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper returned 0 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper returned %1 members, fewer than %2% of the %3 it returned last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan would revoke or delete %1 of %2 managed persons, more than the limit of %3 (the larger of %4 and %5% of the managed persons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 member(s) have no email: they are synced by member number but cannot be matched by email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 member(s) share %2 email address(es) with other members: they are synced by member number but cannot be matched by email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 name(s) are longer than %2 bytes and are shortened on the device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunOutputTexts</name>
    <message>
        <source>in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> valid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 create, %2 update, %3 revoke, %4 delete, %5 conflict, %6 in sync, %7 awaiting a match decision, %8 not managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  suggestion: person %1 may be member %2 (%3); accept with &quot;link --device %4 --employee-no %1 --member %2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  guard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2): %3. Members: %4; created %5, updated %6, revoked %7, deleted %8, conflicts %9, failed %10. Requests: %11.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation id; &quot;Test connection&quot; lists the organisations the account sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Granting role ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated; empty: every role opens the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://192.168.1.64 or https://door.example:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: ordinary certificate verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled: sync this door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nightly full check at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of access added after a membership period ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename linked persons to their Cardskipper name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete persons after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days without access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guard: hold a sync that would revoke unusually many persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start when I log in to this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be a number from %3 to %4; using %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be true or false; using %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were written by a newer version (settings_version %1); keys this version does not know are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 looks like a password. Passwords do not belong in the settings file and it is ignored; store it in the keychain or set CARDSKIPPER_PASSWORD / IVMS_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 holds &quot;%2&quot;, which is not a role id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting devices/size = %1 is more than %2 door terminals; only the first %2 are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1url = &quot;%2&quot; (device %3) is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1certificate_sha256 (device %2) is not a SHA-256 fingerprint of 64 hexadecimal digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be a time like 03:00; using 03:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be sv, en or empty (the system&apos;s language); using the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Cardskipper address (cardskipper/url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Cardskipper user name (cardskipper/username).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Cardskipper organisation (cardskipper/organisation_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one door terminal ([devices] section).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the address of the door terminal &quot;%1&quot; (url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the user name of the door terminal &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two door terminals share the id &quot;%1&quot;; give each its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSessionTexts</name>
    <message>
        <source>The configuration file %1 does not exist. Write one as shown in the README (section Configuration) or pass --config FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration in %1 is not complete: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Cardskipper password for %1: set CARDSKIPPER_PASSWORD or store it with the desktop app&apos;s settings%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (keychain: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password for the door terminal &quot;%1&quot;: set IVMS_PASSWORD or store it with the desktop app&apos;s settings%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another run is going on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::CliApplication</name>
    <message>
        <source>Configuration file (INI; default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the plan as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every door terminal again first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list members and persons that are in sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what a sync would change on each door terminal, and why, without writing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-read every door terminal and repair what was changed there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a plan the guard held back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the run report as JSON to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch only members changed since the last run (what the timer does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now: fetch the members, plan each door terminal and write what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guard held the plan back; check it with &quot;plan&quot; and run &quot;sync --force&quot; if it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep syncing until stopped (Ctrl+C or SIGTERM): a full reconcile at start and every night, quick syncs every sync/interval_seconds in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last runs, each door terminal&apos;s snapshot and links, and unfinished writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members in the snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot; (%2): %3 persons, %4 linked, last read %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished writes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s employeeNo on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member: Cardskipper member number or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the suggestion down instead of accepting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link a person on a door terminal to a Cardskipper member (a manual match), or accept or --reject a suggested match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the link between a person on a door terminal and a member. The person is left as it is and is no longer managed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device &quot;%1&quot; is not a configured door terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--employee-no is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is not linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is no longer linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member &quot;%1&quot; in the last member list; run &quot;sync&quot; or &quot;plan&quot; first if the member is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email %1 belongs to %2 members: %3. Give the member number instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion rejected: person %1 on &quot;%2&quot; is not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already linked to person %2 on &quot;%3&quot;; unlink that first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is now linked to %3 (%4); the next sync sets their validity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the Cardskipper account and every door terminal: one read each, no writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: OK, the account sees %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: organisation %1 is not among them; check cardskipper/organisation_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: OK, %2, firmware %3, serial %4, capacity %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Its certificate&apos;s SHA-256 fingerprint is %1; pin it with certificate_sha256 if you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::HikvisionClient</name>
    <message>
        <source>the terminal called even a fresh login stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal answered invalidOperation even to a fresh login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it said MORE but sent nothing at position %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it kept saying MORE after %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request body is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ResponseStatus confirming the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 had been deleted before this batch failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::SyncEngine</name>
    <message>
        <source>Interrupted: the program stopped before this run finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) were interrupted (the program stopped during them); their unfinished writes are checked on the door now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Preview started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full reconcile started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member list, so no door was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper returned no members for organisation %1 (last time %2); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper returned %1 members, fewer than %2 % of the %3 last time; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: checking %2 write(s) that an earlier run left unfinished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted before the device answered; the device was read back and the next plan repairs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: held back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was no longer on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employeeNo %1 is already used on the device by &quot;%2&quot;; it was left alone. Link it to the member or change its employeeNo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; trying again in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validity updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (valid %1 – %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 could not be written: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: in sync, nothing to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 change(s) written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::DemoEnvironment</name>
    <message>
        <source>Cannot create a temporary folder for the demo database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the simulators on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front door (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no membership to extend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: member %1 renewed in Cardskipper until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 has no membership to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: member %1&apos;s membership was cancelled in Cardskipper (ended %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1 %2 (member %3) joined in Cardskipper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 is not on the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: someone gave person %1 access until 2037 by hand in iVMS-4200; a full reconcile puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the door answers its next 6 requests with a server error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: someone changed the door&apos;s password; the next sync meets a wrong password and stops after one attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the door&apos;s password is back to the one in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::LinkDialog</name>
    <message>
        <source>Person on the door: &lt;b&gt;%1&lt;/b&gt; (employee no. %2). Which Cardskipper member is this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no. %2, no email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; (no. %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member matches; type part of the email or the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out what the link changes on the door…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::MainWindow</name>
    <message>
        <source>Cardskipper IVMS Sync – demo with simulated systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply these changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member list yet. &lt;b&gt;Preview changes&lt;/b&gt; fetches the members from Cardskipper and shows what the first sync would do to the door, without writing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a preview with the latest member list: nothing has been written. &lt;b&gt;Sync now&lt;/b&gt; applies it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guard would hold the next sync back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see why, and what the last write did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – employee no. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the door now: %1; after the sync: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role %1: %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No roles in the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last write: %1 on %2, %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 revoke(s) and %3 delete(s) of %4 managed persons. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guard held this sync back because it looks like an accident:

%1

Apply it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by the guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some writes failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by the guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1, %2; %3 created, %4 updated, %5 revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sync in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray here: keep this window open (it may be minimised) to keep syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper IVMS Sync keeps the door in step from the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected member renews in Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected member cancels in Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new member joins in Cardskipper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone edits the selected person on the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row with a person on the door first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door fails for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changes the door&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the door&apos;s password back and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 linked to member %2; the next sync sets their validity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 blocked; the next sync ends their access on every door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 allowed until %2; the next sync writes it to every door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override of member %1 removed; Cardskipper decides again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The door already has the right validity; nothing changes there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next sync changes the door: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next sync leaves this person as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 unlinked; the sync leaves it alone from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::OverrideDialog</name>
    <message>
        <source>Override for &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::PairModel</name>
    <message>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be shortened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by the guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person on the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cis::gui::SettingsDialog</name>
    <message>
        <source>This desktop shows no tray icons, so the window opens even when minimised start is chosen; it keeps syncing while it is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: the address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: the address is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: the username is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: the organisation is not set; enter its id or use Test connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper: the granting role ids must be numbers separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doors: the name &quot;%1&quot; is used by more than one door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the address is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the username is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the certificate fingerprint is not 64 hexadecimal digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address and the username first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>OK. The account sees %n organisation(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an http or https address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1
The terminal&apos;s certificate has the SHA-256 fingerprint %2. Trust it only if it is the terminal&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not count (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK. Model %1, firmware %2 %3, serial %4.
Capacity %5 persons; %6 persons on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The keychain is not available (%1); the password is kept only until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps Hikvision door terminals in step with Cardskipper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against built-in simulators with demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file (INI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to Cardskipper IVMS Sync&lt;/h3&gt;It keeps your door terminal in step with the memberships in Cardskipper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect your Cardskipper account and your door terminal (saved in %1, passwords in the keychain), or try everything first with simulated systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Cardskipper and my door…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration %1 is not complete:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardskipper password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the door terminal &quot;%1&quot; (%2):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
