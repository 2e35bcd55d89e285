<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>Kunde inte ta bort %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Kunde inte skapa mappen %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kunde inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Could not change the start at log-in entry %1 in the registry.</source>
        <translation>Kunde inte ändra posten %1 för start vid inloggning i registret.</translation>
    </message>
</context>
<context>
    <name>CardNumberTexts</name>
    <message>
        <source>The card number is empty.</source>
        <translation>Kortnumret är tomt.</translation>
    </message>
    <message>
        <source>The card number %1 has %2 characters; the door terminal takes at most %3.</source>
        <translation>Kortnumret %1 har %2 tecken; dörrterminalen tar högst %3.</translation>
    </message>
    <message>
        <source>The card number %1 contains &quot;%2&quot;; a door terminal takes only the letters A-Z and a-z, digits, &quot;-&quot; and &quot;_&quot;.</source>
        <translation>Kortnumret %1 innehåller ”%2”; en dörrterminal tar bara bokstäverna A-Z och a-z, siffror, ”-” och ”_”.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ett mellanslag</translation>
    </message>
    <message>
        <source>Nothing was typed.</source>
        <translation>Inget har skrivits in.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a hexadecimal card number.</source>
        <translation>”%1” är inte ett hexadecimalt kortnummer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal card number of at most 20 digits.</source>
        <translation>”%1” är inte ett decimalt kortnummer med högst 20 siffror.</translation>
    </message>
    <message>
        <source>The card number %1 is too long to be written in decimal; choose hexadecimal.</source>
        <translation>Kortnumret %1 är för långt för att skrivas decimalt; välj hexadecimalt.</translation>
    </message>
</context>
<context>
    <name>CardskipperError</name>
    <message>
        <source>HTTP status %1 (is the address right?)</source>
        <translation>HTTP-status %1 (stämmer adressen?)</translation>
    </message>
</context>
<context>
    <name>CardskipperErrorTexts</name>
    <message>
        <source>Cardskipper at %1 rejected the username or password (HTTP %2). Check the Cardskipper account in the settings.</source>
        <translation>Cardskipper på %1 godtog inte användarnamnet eller lösenordet (HTTP %2). Kontrollera Cardskipper-kontot i inställningarna.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 refused %2 (HTTP %3): the account has not been granted the API right for this call, or may not read this organisation. Each call needs its own right; ask support@cardskipper.se to grant it.</source>
        <translation>Cardskipper på %1 nekade %2 (HTTP %3): kontot har inte fått API-behörighet för det här anropet, eller får inte läsa den här föreningen. Varje anrop kräver en egen behörighet; be support@cardskipper.se att lägga till den.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 does not let this account read the organisation: %2</source>
        <translation>Cardskipper på %1 låter inte det här kontot läsa föreningen: %2</translation>
    </message>
    <message>
        <source>Cardskipper at %1 rejected the request %2 as invalid (HTTP %3).</source>
        <translation>Cardskipper på %1 avvisade anropet %2 som ogiltigt (HTTP %3).</translation>
    </message>
    <message>
        <source>Cardskipper at %1 had an internal error answering %2 (HTTP %3). It will be tried again later.</source>
        <translation>Cardskipper på %1 fick ett internt fel när det svarade på %2 (HTTP %3). Ett nytt försök görs senare.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 is busy (HTTP %2) and asked us to wait %3 seconds.</source>
        <translation>Cardskipper på %1 är upptaget (HTTP %2) och bad oss vänta %3 sekunder.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 is busy (HTTP %2). It will be tried again later.</source>
        <translation>Cardskipper på %1 är upptaget (HTTP %2). Ett nytt försök görs senare.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 did not answer %2 in time.</source>
        <translation>Cardskipper på %1 svarade inte på %2 i tid.</translation>
    </message>
    <message>
        <source>The secure connection to Cardskipper at %1 could not be trusted: %2</source>
        <translation>Den säkra anslutningen till Cardskipper på %1 gick inte att lita på: %2</translation>
    </message>
    <message>
        <source>Cannot reach Cardskipper at %1: %2. Check the address and the network.</source>
        <translation>Når inte Cardskipper på %1: %2. Kontrollera adressen och nätverket.</translation>
    </message>
    <message>
        <source>The connection to Cardskipper at %1 failed during %2: %3</source>
        <translation>Anslutningen till Cardskipper på %1 misslyckades under %2: %3</translation>
    </message>
    <message>
        <source>Cardskipper at %1 sent a damaged answer to %2 (line %3, column %4: %5). Nothing was changed.</source>
        <translation>Cardskipper på %1 skickade ett trasigt svar på %2 (rad %3, kolumn %4: %5). Inget ändrades.</translation>
    </message>
    <message>
        <source>Cardskipper at %1 answered %2 with something that is not a member list: %3. Nothing was changed.</source>
        <translation>Cardskipper på %1 svarade på %2 med något som inte är en medlemslista: %3. Inget ändrades.</translation>
    </message>
</context>
<context>
    <name>CliApplicationTexts</name>
    <message>
        <source>Check the Cardskipper account and every door terminal in the configuration.</source>
        <translation>Kontrollera Cardskipper-kontot och alla dörrterminaler i konfigurationen.</translation>
    </message>
    <message>
        <source>Show what a sync would change, and why; writes nothing.</source>
        <translation>Visa vad en synkning skulle ändra, och varför; skriver ingenting.</translation>
    </message>
    <message>
        <source>Sync now (--full re-reads the terminals and repairs drift; --force releases a held plan).</source>
        <translation>Synka nu (--full läser in terminalerna igen och rättar avvikelser; --force släpper igenom en plan som hålls tillbaka).</translation>
    </message>
    <message>
        <source>Keep syncing on the configured interval until stopped.</source>
        <translation>Fortsätt synka med det inställda intervallet tills du stoppar.</translation>
    </message>
    <message>
        <source>Show the last runs, the terminals&apos; snapshots and links.</source>
        <translation>Visa de senaste körningarna, terminalernas ögonblicksbilder och kopplingar.</translation>
    </message>
    <message>
        <source>Link a terminal person to a member (manual match).</source>
        <translation>Koppla en person på terminalen till en medlem (manuell matchning).</translation>
    </message>
    <message>
        <source>Remove a manual or suggested link.</source>
        <translation>Ta bort en manuell eller föreslagen koppling.</translation>
    </message>
    <message>
        <source>List the members of a Cardskipper organisation.</source>
        <translation>Lista medlemmarna i en förening i Cardskipper.</translation>
    </message>
    <message>
        <source>Show a door terminal: model, firmware, serial, capacity and its persons.</source>
        <translation>Visa en dörrterminal: modell, firmware, serienummer, kapacitet och dess personer.</translation>
    </message>
    <message>
        <source>Run the built-in Cardskipper and door-terminal simulators until stopped, to try the product.</source>
        <translation>Kör de inbyggda simulatorerna för Cardskipper och dörrterminalen tills de stoppas, så att du kan prova produkten.</translation>
    </message>
    <message>
        <source>Start the simulator with demo data and list its members through the real client.</source>
        <translation>Starta simulatorn med demodata och lista dess medlemmar via den riktiga klienten.</translation>
    </message>
    <message>
        <source>organisation %1 is unknown, and the account sees no organisation at all.</source>
        <translation>förening %1 är okänd, och kontot ser ingen förening alls.</translation>
    </message>
    <message>
        <source>organisation %1 is unknown; the account can read: %2.</source>
        <translation>förening %1 är okänd; kontot kan läsa: %2.</translation>
    </message>
    <message>
        <source>Keeps Hikvision door terminals in step with Cardskipper memberships.</source>
        <translation>Håller Hikvisions dörrterminaler i synk med medlemskapen i Cardskipper.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Kommandon:</translation>
    </message>
    <message>
        <source>Log every request and its timing.</source>
        <translation>Logga varje anrop och hur lång tid det tog.</translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation>Kommandot som ska köras (se ovan).</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run with --help to see the commands.</source>
        <translation>Okänt kommando ”%1”. Kör med --help för att se kommandona.</translation>
    </message>
    <message>
        <source>List the members of a Cardskipper organisation. The password is read from the environment variable %1.</source>
        <translation>Lista medlemmarna i en förening i Cardskipper. Lösenordet läses från miljövariabeln %1.</translation>
    </message>
    <message>
        <source>Cardskipper API address (default %1).</source>
        <translation>Adress till Cardskippers API (standard %1).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>API account name.</source>
        <translation>Kontonamn för API:t.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>Organisation to export.</source>
        <translation>Förening (organisations-id) att exportera.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Only members Cardskipper counts as active.</source>
        <translation>Bara medlemmar som Cardskipper räknar som aktiva.</translation>
    </message>
    <message>
        <source>Only members changed after this time (ISO 8601, e.g. 2026-11-01T00:00:00).</source>
        <translation>Bara medlemmar som ändrats efter den här tidpunkten (ISO 8601, t.ex. 2026-11-01T00:00:00).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tid</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Skriv ut JSON i stället för en tabell.</translation>
    </message>
    <message>
        <source>Give up after this many seconds without data.</source>
        <translation>Ge upp efter så här många sekunder utan data.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>sekunder</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Oväntat argument ”%1”.</translation>
    </message>
    <message>
        <source>--url &quot;%1&quot; is not an http or https address.</source>
        <translation>--url ”%1” är inte en http- eller https-adress.</translation>
    </message>
    <message>
        <source>--username is required.</source>
        <translation>--username måste anges.</translation>
    </message>
    <message>
        <source>--organisation-id must be a positive number, not &quot;%1&quot;.</source>
        <translation>--organisation-id måste vara ett positivt tal, inte ”%1”.</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds.</source>
        <translation>--timeout måste vara ett positivt antal sekunder.</translation>
    </message>
    <message>
        <source>Set the Cardskipper password in the environment variable %1.</source>
        <translation>Ange Cardskipper-lösenordet i miljövariabeln %1.</translation>
    </message>
    <message>
        <source>--changed-since &quot;%1&quot; is not a date and time like 2026-11-01T00:00:00.</source>
        <translation>--changed-since ”%1” är inte ett datum och en tid som 2026-11-01T00:00:00.</translation>
    </message>
    <message>
        <source>Show a Hikvision door terminal over ISAPI. &quot;info&quot; prints model, firmware, serial number, capacity and the number of persons; &quot;persons&quot; lists every person with their validity; &quot;count&quot; prints the number of persons. The password is read from the environment variable %1.</source>
        <translation>Visa en Hikvision-dörrterminal via ISAPI. &quot;info&quot; skriver ut modell, firmware, serienummer, kapacitet och antal personer; &quot;persons&quot; listar varje person med giltighetstid; &quot;count&quot; skriver ut antalet personer. Lösenordet läses från miljövariabeln %1.</translation>
    </message>
    <message>
        <source>Terminal address, e.g. http://192.168.1.64.</source>
        <translation>Terminalens adress, t.ex. http://192.168.1.64.</translation>
    </message>
    <message>
        <source>Terminal account name (default admin).</source>
        <translation>Kontonamn på terminalen (standard admin).</translation>
    </message>
    <message>
        <source>Trust the terminal&apos;s self-signed HTTPS certificate with this SHA-256 fingerprint.</source>
        <translation>Lita på terminalens självsignerade HTTPS-certifikat med det här SHA-256-fingeravtrycket.</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>fingeravtryck</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Skriv ut JSON i stället för text.</translation>
    </message>
    <message>
        <source>Give up after this many seconds without an answer.</source>
        <translation>Ge upp efter så här många sekunder utan svar.</translation>
    </message>
    <message>
        <source>info, persons or count.</source>
        <translation>info, persons eller count.</translation>
    </message>
    <message>
        <source>Unknown device command &quot;%1&quot;; use info, persons or count.</source>
        <translation>Okänt enhetskommando ”%1”; använd info, persons eller count.</translation>
    </message>
    <message>
        <source>--url is required, e.g. --url http://192.168.1.64.</source>
        <translation>--url måste anges, t.ex. --url http://192.168.1.64.</translation>
    </message>
    <message>
        <source>--username must not be empty.</source>
        <translation>--username får inte vara tomt.</translation>
    </message>
    <message>
        <source>--certificate-sha256 &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed).</source>
        <translation>--certificate-sha256 ”%1” är inte ett SHA-256-fingeravtryck (64 hexadecimala siffror, kolon tillåtna).</translation>
    </message>
    <message>
        <source>Set the terminal&apos;s password in the environment variable %1.</source>
        <translation>Ange terminalens lösenord i miljövariabeln %1.</translation>
    </message>
    <message>
        <source>Run the Cardskipper simulator and a simulated Hikvision door terminal (ISAPI with Digest authentication) on 127.0.0.1 until Ctrl+C, with seeded demo data, so the product can be tried without an account or a device. Cardskipper account demo, password demo.</source>
        <translation>Kör Cardskipper-simulatorn och en simulerad Hikvision-dörrterminal (ISAPI med Digest-autentisering) på 127.0.0.1 tills du trycker Ctrl+C, med genererad demodata, så att du kan prova produkten utan konto eller enhet. Cardskipper-konto demo, lösenord demo.</translation>
    </message>
    <message>
        <source>Port to listen on (0 picks a free one).</source>
        <translation>Port att lyssna på (0 väljer en ledig).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Number of demo members.</source>
        <translation>Antal demomedlemmar.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>antal</translation>
    </message>
    <message>
        <source>Seed for the demo data and the faults.</source>
        <translation>Slumpfrö för demodatan och de simulerade felen.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>tal</translation>
    </message>
    <message>
        <source>Delay added to every Cardskipper answer.</source>
        <translation>Fördröjning som läggs på varje svar från Cardskipper.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Share of Cardskipper requests (0 to 1) answered with a fault: HTTP 500/503/429, timeouts, dropped connections, truncated or malformed bodies.</source>
        <translation>Andel av anropen till Cardskipper (0 till 1) som besvaras med ett fel: HTTP 500/503/429, tidsgränser som överskrids, avbrutna anslutningar, avkortade eller felformade svar.</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>andel</translation>
    </message>
    <message>
        <source>Accept request documents the strict mode rejects (element text, missing root).</source>
        <translation>Godta anropsdokument som strikt läge avvisar (elementtext, saknad rot).</translation>
    </message>
    <message>
        <source>Port of the door terminal (0 picks a free one).</source>
        <translation>Dörrterminalens port (0 väljer en ledig).</translation>
    </message>
    <message>
        <source>Terminal model to simulate: %1.</source>
        <translation>Terminalmodell att simulera: %1.</translation>
    </message>
    <message>
        <source>Number of persons already on the terminal.</source>
        <translation>Antal personer som redan finns på terminalen.</translation>
    </message>
    <message>
        <source>Delay added to every terminal answer.</source>
        <translation>Fördröjning som läggs på varje svar från terminalen.</translation>
    </message>
    <message>
        <source>Share of terminal requests (0 to 1) answered with a fault: HTTP 500/503, deviceBusy, timeouts, dropped connections, truncated or malformed bodies.</source>
        <translation>Andel av anropen till terminalen (0 till 1) som besvaras med ett fel: HTTP 500/503, deviceBusy, tidsgränser som överskrids, avbrutna anslutningar, avkortade eller felformade svar.</translation>
    </message>
    <message>
        <source>Terminal account name.</source>
        <translation>Terminalens kontonamn.</translation>
    </message>
    <message>
        <source>Terminal account password.</source>
        <translation>Lösenord för terminalens konto.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>lösenord</translation>
    </message>
    <message>
        <source>--cardskipper-port must be a port number from 0 to 65535.</source>
        <translation>--cardskipper-port måste vara ett portnummer från 0 till 65535.</translation>
    </message>
    <message>
        <source>--members must be a number from 0 to 1000000.</source>
        <translation>--members måste vara ett tal från 0 till 1000000.</translation>
    </message>
    <message>
        <source>--seed must be a non-negative number.</source>
        <translation>--seed måste vara 0 eller större.</translation>
    </message>
    <message>
        <source>--latency-ms must be a non-negative number.</source>
        <translation>--latency-ms måste vara 0 eller större.</translation>
    </message>
    <message>
        <source>--fault-rate must be a number from 0 to 1.</source>
        <translation>--fault-rate måste vara ett tal från 0 till 1.</translation>
    </message>
    <message>
        <source>--device-port must be a port number from 0 to 65535.</source>
        <translation>--device-port måste vara ett portnummer från 0 till 65535.</translation>
    </message>
    <message>
        <source>--device-profile &quot;%1&quot; is unknown; choose one of %2.</source>
        <translation>--device-profile ”%1” är okänd; välj en av %2.</translation>
    </message>
    <message>
        <source>--persons must be a number from 0 to %1 (what a %2 holds).</source>
        <translation>--persons måste vara ett tal från 0 till %1 (så många som en %2 rymmer).</translation>
    </message>
    <message>
        <source>--device-latency-ms must be a non-negative number.</source>
        <translation>--device-latency-ms måste vara 0 eller större.</translation>
    </message>
    <message>
        <source>--device-fault-rate must be a number from 0 to 1.</source>
        <translation>--device-fault-rate måste vara ett tal från 0 till 1.</translation>
    </message>
    <message>
        <source>--device-user and --device-password must not be empty.</source>
        <translation>--device-user och --device-password får inte vara tomma.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 port %1: is it already in use?</source>
        <translation>Kan inte lyssna på 127.0.0.1 port %1: används den redan?</translation>
    </message>
    <message>
        <source>Cardskipper simulator listening on %1</source>
        <translation>Cardskipper-simulatorn lyssnar på %1</translation>
    </message>
    <message>
        <source>  account demo, password demo; organisation %1 with %2 members (seed %3)</source>
        <translation>  konto demo, lösenord demo; förening %1 med %2 medlemmar (slumpfrö %3)</translation>
    </message>
    <message>
        <source>Try: CARDSKIPPER_PASSWORD=demo %1 members --url %2 --username demo --organisation-id %3</source>
        <translation>Prova: CARDSKIPPER_PASSWORD=demo %1 members --url %2 --username demo --organisation-id %3</translation>
    </message>
    <message>
        <source>Door terminal simulator (%1) listening on %2</source>
        <translation>Dörrterminalsimulatorn (%1) lyssnar på %2</translation>
    </message>
    <message>
        <source>  Digest user %1, password %2; %3 persons on the terminal</source>
        <translation>  Digest-användare %1, lösenord %2; %3 personer på terminalen</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>Tryck Ctrl+C för att stoppa.</translation>
    </message>
    <message>
        <source>Simulators stopped.</source>
        <translation>Simulatorerna har stoppats.</translation>
    </message>
    <message>
        <source>The original project&apos;s walkthrough, with simulated systems and no account: a Cardskipper organisation and a door terminal with persons added by hand; a preview; the first sync; a member renews; the next sync extends exactly that person.</source>
        <translation>Originalprojektets genomgång, med simulerade system och utan konto: en förening i Cardskipper och en dörrterminal med personer som lagts in för hand; en förhandsgranskning; den första synkningen; en medlem förnyar; nästa synkning förlänger exakt den personen.</translation>
    </message>
    <message>
        <source>Seed for the demo data.</source>
        <translation>Slumpfrö för demodatan.</translation>
    </message>
    <message>
        <source>--members must be a number from 18 to 100000.</source>
        <translation>--members måste vara ett tal från 18 till 100000.</translation>
    </message>
    <message>
        <source>Cannot start the simulators on 127.0.0.1.</source>
        <translation>Kan inte starta simulatorerna på 127.0.0.1.</translation>
    </message>
    <message>
        <source>Front door</source>
        <translation>Entrédörren</translation>
    </message>
    <message>
        <source>Cardskipper (simulated) at %1: organisation %2 with %3 members.</source>
        <translation>Cardskipper (simulerat) på %1: förening %2 med %3 medlemmar.</translation>
    </message>
    <message>
        <source>Door terminal (simulated %1) at %2 with %3 persons added by hand in iVMS-4200: the admin, cleaning staff, and some members typed in earlier.</source>
        <translation>Dörrterminal (simulerad %1) på %2 med %3 personer som lagts in för hand i iVMS-4200: administratören, städpersonalen och några medlemmar som skrivits in tidigare.</translation>
    </message>
    <message>
        <source>1. Preview: what the first sync would do (nothing is written)</source>
        <translation>1. Förhandsgranskning: vad den första synkningen skulle göra (ingenting skrivs)</translation>
    </message>
    <message>
        <source>2. First sync</source>
        <translation>2. Första synkningen</translation>
    </message>
    <message>
        <source>The terminal now holds %1 persons; the staff and the persons nobody linked were not touched.</source>
        <translation>Terminalen har nu %1 personer; personalen och de personer som ingen har kopplat rördes inte.</translation>
    </message>
    <message>
        <source>The first sync created nobody; the demo cannot go on.</source>
        <translation>Den första synkningen skapade ingen; demon kan inte fortsätta.</translation>
    </message>
    <message>
        <source>3. %1 (member %2) renews in Cardskipper until %3</source>
        <translation>3. %1 (medlem %2) förnyar i Cardskipper till %3</translation>
    </message>
    <message>
        <source>4. Sync again</source>
        <translation>4. Synka igen</translation>
    </message>
    <message>
        <source>Writes sent to the terminal: %1 (only the renewal).</source>
        <translation>Skrivningar som skickades till terminalen: %1 (bara förnyelsen).</translation>
    </message>
    <message>
        <source>5. And once more, with nothing changed</source>
        <translation>5. Och en gång till, utan några ändringar</translation>
    </message>
    <message>
        <source>Writes sent to the terminal: %1.</source>
        <translation>Skrivningar som skickades till terminalen: %1.</translation>
    </message>
    <message>
        <source>Try it yourself: &quot;%1 simulate&quot; keeps both simulators running; see the README for a configuration file.</source>
        <translation>Prova själv: &quot;%1 simulate&quot; håller båda simulatorerna igång; se README för hur en konfigurationsfil ser ut.</translation>
    </message>
    <message>
        <source>Persons the terminal can hold (default: what the model holds).</source>
        <translation>Antal personer terminalen rymmer (standard: vad modellen rymmer).</translation>
    </message>
    <message>
        <source>--device-capacity must be a number from 1 to 1000000.</source>
        <translation>--device-capacity måste vara ett tal från 1 till 1000000.</translation>
    </message>
    <message>
        <source>How Cardskipper answers are encoded: utf-8, utf-8-declared-utf-16 (UTF-8 bytes under an XML declaration that says utf-16, as .NET writes a string) or utf-16 (with a byte-order mark).</source>
        <translation>Hur Cardskippers svar kodas: utf-8, utf-8-declared-utf-16 (UTF-8-byte under en XML-deklaration som säger utf-16, så som .NET skriver en sträng) eller utf-16 (med byteordningsmärke).</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>kodning</translation>
    </message>
    <message>
        <source>Requests one Digest nonce of the terminal serves before it is called stale (1: one-time nonces; 0: no limit).</source>
        <translation>Antal anrop som en Digest-nonce från terminalen räcker till innan den kallas inaktuell (1: engångsnonce; 0: ingen gräns).</translation>
    </message>
    <message>
        <source>Seconds a Digest nonce of the terminal lives before it is called stale (0: no limit).</source>
        <translation>Sekunder som en Digest-nonce från terminalen lever innan den kallas inaktuell (0: ingen gräns).</translation>
    </message>
    <message>
        <source>--cardskipper-encoding must be utf-8, utf-8-declared-utf-16 or utf-16, not &quot;%1&quot;.</source>
        <translation>--cardskipper-encoding måste vara utf-8, utf-8-declared-utf-16 eller utf-16, inte &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--device-nonce-uses must be a non-negative number.</source>
        <translation>--device-nonce-uses måste vara ett icke-negativt tal.</translation>
    </message>
    <message>
        <source>--device-nonce-seconds must be a non-negative number.</source>
        <translation>--device-nonce-seconds måste vara ett icke-negativt tal.</translation>
    </message>
    <message>
        <source>Read the doors&apos; new events, then show who came in and who was refused.</source>
        <translation>Läs dörrarnas nya händelser och visa vem som kom in och vem som nekades.</translation>
    </message>
    <message>
        <source>Visits per member and day in a date range (days with an entry), as CSV for Excel.</source>
        <translation>Besök per medlem och dag under en period (dagar med en passage), som CSV för Excel.</translation>
    </message>
    <message>
        <source>Give a member a card (read at the door or typed), take it back, list the cards.</source>
        <translation>Ge en medlem ett kort (läst vid dörren eller inskrivet), ta tillbaka det eller lista korten.</translation>
    </message>
    <message>
        <source>Give a member a face (from a photo file or a door&apos;s camera), or remove it.</source>
        <translation>Lägg in en medlems ansikte (från en fotofil eller en dörrs kamera) eller ta bort det.</translation>
    </message>
    <message>
        <source>Show each member&apos;s cards and faces on the doors; --missing: who cannot get in.</source>
        <translation>Visa varje medlems kort och ansikten på dörrarna; --missing: vilka som inte kommer in.</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Cards and face</source>
        <translation>Kort och ansikte</translation>
    </message>
    <message>
        <source>At the &amp;door:</source>
        <translation>Vid &amp;dörren:</translation>
    </message>
    <message>
        <source>The door whose reader or camera is used</source>
        <translation>Dörren vars läsare eller kamera används</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>&amp;Remove card</source>
        <translation>Ta bo&amp;rt kort</translation>
    </message>
    <message>
        <source>Read card &amp;at the door</source>
        <translation>&amp;Läs kortet vid dörren</translation>
    </message>
    <message>
        <source>The door&apos;s own reader reads the card, so the number is exactly the one it will recognise later</source>
        <translation>Dörrens egen läsare läser kortet, så numret blir exakt det som dörren känner igen senare</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Card &amp;number:</source>
        <translation>Kort&amp;nummer:</translation>
    </message>
    <message>
        <source>Type it, or scan it with a desk reader</source>
        <translation>Skriv in det eller läs in det med en bordsläsare</translation>
    </message>
    <message>
        <source>Add &amp;card</source>
        <translation>Lägg till &amp;kort</translation>
    </message>
    <message>
        <source>Written as:</source>
        <translation>Skrivs som:</translation>
    </message>
    <message>
        <source>Desk reader format</source>
        <translation>Bordsläsarens format</translation>
    </message>
    <message>
        <source>How a USB desk reader&apos;s typing becomes the number the door&apos;s own reader produces. Check it once with a card the door already knows.</source>
        <translation>Hur det som en USB-bordsläsare skriver blir det nummer som dörrens egen läsare ger. Kontrollera det en gång med ett kort som dörren redan känner till.</translation>
    </message>
    <message>
        <source>Reader &amp;types:</source>
        <translation>Läsaren &amp;skriver:</translation>
    </message>
    <message>
        <source>Door &amp;expects:</source>
        <translation>Dörren &amp;förväntar sig:</translation>
    </message>
    <message>
        <source>Re&amp;verse the byte order</source>
        <translation>&amp;Vänd på byteordningen</translation>
    </message>
    <message>
        <source>&amp;Zero-pad to:</source>
        <translation>Fyll ut med n&amp;ollor till:</translation>
    </message>
    <message>
        <source>no padding</source>
        <translation>ingen utfyllnad</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Ansikte</translation>
    </message>
    <message>
        <source>Set face &amp;photo…</source>
        <translation>Väl&amp;j ansiktsfoto…</translation>
    </message>
    <message>
        <source>A front-facing, well-lit photo (JPEG or PNG); you frame the face, and the door gets a copy it can use</source>
        <translation>Ett välbelyst foto taget rakt framifrån (JPEG eller PNG); du ramar in ansiktet, och dörren får en kopia som den kan använda</translation>
    </message>
    <message>
        <source>&amp;Take photo at the door</source>
        <translation>&amp;Ta foto vid dörren</translation>
    </message>
    <message>
        <source>The door chosen above takes the photo with its own camera; the member looks straight into it</source>
        <translation>Dörren som är vald ovan tar fotot med sin egen kamera; medlemmen tittar rakt in i den</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Remove &amp;face</source>
        <translation>Ta bort ans&amp;ikte</translation>
    </message>
    <message>
        <source>Face photos are personal data of a special kind: they go to the doors only and are never saved on this computer.</source>
        <translation>Ansiktsfoton är känsliga personuppgifter: de skickas bara till dörrarna och sparas aldrig på den här datorn.</translation>
    </message>
</context>
<context>
    <name>DigestAuthTexts</name>
    <message>
        <source>no WWW-Authenticate challenge</source>
        <translation>ingen WWW-Authenticate-utmaning</translation>
    </message>
    <message>
        <source>offered %1; only Digest (MD5 or SHA-256, qop auth) is supported</source>
        <translation>erbjöd %1; bara Digest (MD5 eller SHA-256, qop auth) stöds</translation>
    </message>
</context>
<context>
    <name>EventExplanation</name>
    <message>
        <source>unknown card</source>
        <translation>okänt kort</translation>
    </message>
    <message>
        <source>unknown card %1</source>
        <translation>okänt kort %1</translation>
    </message>
    <message>
        <source>face not recognised</source>
        <translation>ansiktet kändes inte igen</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>kändes inte igen</translation>
    </message>
    <message>
        <source>not linked to a member</source>
        <translation>inte kopplad till någon medlem</translation>
    </message>
    <message>
        <source>linked to member %1, who is not in the member list</source>
        <translation>kopplad till medlem %1, som inte finns i medlemslistan</translation>
    </message>
    <message>
        <source>blocked by the desk</source>
        <translation>spärrad av receptionen</translation>
    </message>
    <message>
        <source>allowed by the desk until %1, but the door refused: sync this member now</source>
        <translation>tillåten av receptionen till %1, men dörren nekade: synka medlemmen nu</translation>
    </message>
    <message>
        <source>valid membership, but the door refused: sync this member now</source>
        <translation>giltigt medlemskap, men dörren nekade: synka medlemmen nu</translation>
    </message>
    <message>
        <source>membership starts %1</source>
        <translation>medlemskapet börjar %1</translation>
    </message>
    <message>
        <source>membership ended %1</source>
        <translation>medlemskapet tog slut %1</translation>
    </message>
    <message>
        <source>membership ended %1 (role %2)</source>
        <translation>medlemskapet tog slut %1 (roll %2)</translation>
    </message>
    <message>
        <source>inactive in Cardskipper</source>
        <translation>inaktiv i Cardskipper</translation>
    </message>
    <message>
        <source>no membership that opens the door</source>
        <translation>inget medlemskap som öppnar dörren</translation>
    </message>
</context>
<context>
    <name>EventPhotoDialog</name>
    <message>
        <source>Photo from the door</source>
        <translation>Foto från dörren</translation>
    </message>
    <message>
        <source>The photo is fetched from the door for this window only: it is not saved on this computer.</source>
        <translation>Fotot hämtas från dörren bara för det här fönstret: det sparas inte på den här datorn.</translation>
    </message>
</context>
<context>
    <name>FaceCropDialog</name>
    <message>
        <source>Face photo</source>
        <translation>Ansiktsfoto</translation>
    </message>
    <message>
        <source>Frame the face from the forehead to the chin, with a little space around it. The door recognises a sharp, front-facing face best.</source>
        <translation>Rama in ansiktet från pannan till hakan, med lite utrymme runt omkring. Dörren känner bäst igen ett skarpt ansikte taget rakt framifrån.</translation>
    </message>
    <message>
        <source>Face frame</source>
        <translation>Ansiktsram</translation>
    </message>
    <message>
        <source>Arrow keys move the frame, plus and minus resize it.</source>
        <translation>Piltangenterna flyttar ramen, plus och minus ändrar storleken.</translation>
    </message>
    <message>
        <source>The picture for the door:</source>
        <translation>Bilden till dörren:</translation>
    </message>
    <message>
        <source>Preview of the picture for the door</source>
        <translation>Förhandsvisning av bilden till dörren</translation>
    </message>
    <message>
        <source>Frame &amp;size:</source>
        <translation>Ramens &amp;storlek:</translation>
    </message>
    <message>
        <source>Drag the frame or use the arrow keys to move it. Resize it with the slider, the mouse wheel or a corner.</source>
        <translation>Dra ramen eller flytta den med piltangenterna. Ändra storleken med reglaget, mushjulet eller ett hörn.</translation>
    </message>
    <message>
        <source>The photo is only kept in memory: nothing of it is saved on this computer.</source>
        <translation>Fotot finns bara i minnet: inget av det sparas på den här datorn.</translation>
    </message>
</context>
<context>
    <name>FacePhotoTexts</name>
    <message>
        <source>“%1” is damaged or incomplete and cannot be read as a photo. Copy it from the camera or phone again.</source>
        <translation>”%1” är skadad eller ofullständig och kan inte läsas som ett foto. Kopiera den från kameran eller telefonen igen.</translation>
    </message>
    <message>
        <source>not a complete JPEG</source>
        <translation>inte en fullständig JPEG</translation>
    </message>
    <message>
        <source>not baseline</source>
        <translation>inte baseline</translation>
    </message>
    <message>
        <source>colour not sampled 4:2:0</source>
        <translation>färgerna är inte samplade 4:2:0</translation>
    </message>
    <message>
        <source>carries metadata</source>
        <translation>innehåller metadata</translation>
    </message>
    <message>
        <source>wrong size</source>
        <translation>fel storlek</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation>”%1” kan inte öppnas: %2</translation>
    </message>
    <message>
        <source>“%1” is %2 MB, too large for a photo. Use a JPEG or PNG photo straight from a camera or phone.</source>
        <translation>”%1” är %2 MB, för stor för ett foto. Använd ett JPEG- eller PNG-foto direkt från en kamera eller telefon.</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>”%1” kan inte läsas: %2</translation>
    </message>
    <message>
        <source>“%1” is not a JPEG or PNG photo. Save the photo as JPEG or PNG and choose it again.</source>
        <translation>”%1” är inte ett JPEG- eller PNG-foto. Spara fotot som JPEG eller PNG och välj det igen.</translation>
    </message>
    <message>
        <source>“%1” is %2 × %3 pixels, too large to open. Save a smaller copy of it (a few thousand pixels across is plenty).</source>
        <translation>”%1” är %2 × %3 pixlar, för stor för att öppnas. Spara en mindre kopia (några tusen pixlar i bredd räcker gott).</translation>
    </message>
    <message>
        <source>“%1” is %2 × %3 pixels, too small for the door to recognise a face. Use a sharp, front-facing, well-lit photo that is at least %4 pixels wide and high.</source>
        <translation>”%1” är %2 × %3 pixlar, för liten för att dörren ska kunna känna igen ett ansikte. Använd ett skarpt, välbelyst foto taget rakt framifrån som är minst %4 pixlar brett och högt.</translation>
    </message>
    <message>
        <source>There is no photo to convert.</source>
        <translation>Det finns inget foto att konvertera.</translation>
    </message>
    <message>
        <source>The chosen frame lies outside the photo.</source>
        <translation>Den valda ramen ligger utanför fotot.</translation>
    </message>
    <message>
        <source>The framed part of the photo is %1 × %1 pixels; the door needs at least %2 × %2 to recognise a face. Make the frame larger or use a larger photo.</source>
        <translation>Den inramade delen av fotot är %1 × %1 pixlar; dörren behöver minst %2 × %2 för att känna igen ett ansikte. Gör ramen större eller använd ett större foto.</translation>
    </message>
    <message>
        <source>This computer cannot write JPEG pictures: Qt&apos;s JPEG image plug-in is missing. Reinstall the program.</source>
        <translation>Den här datorn kan inte skriva JPEG-bilder: Qts insticksprogram för JPEG-bilder saknas. Installera om programmet.</translation>
    </message>
    <message>
        <source>The photo could not be converted to JPEG: %1</source>
        <translation>Fotot kunde inte konverteras till JPEG: %1</translation>
    </message>
    <message>
        <source>The JPEG made for the door is not one it accepts (%1). Please report this.</source>
        <translation>JPEG-bilden som gjordes för dörren är inte en som dörren godtar (%1). Rapportera gärna det här.</translation>
    </message>
    <message>
        <source>The photo cannot be made smaller than %1 KB without spoiling it. Use a sharper photo with a plainer background.</source>
        <translation>Fotot kan inte göras mindre än %1 KB utan att förstöras. Använd ett skarpare foto med enklare bakgrund.</translation>
    </message>
</context>
<context>
    <name>HikvisionErrorTexts</name>
    <message>
        <source>member %1 (%2)</source>
        <translation>medlem %1 (%2)</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>medlem %1</translation>
    </message>
    <message>
        <source>%1, about &quot;%2&quot;</source>
        <translation>%1, om ”%2”</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> för %1</translation>
    </message>
    <message>
        <source>The door terminal at %1 kept refusing the login (%2). No further attempt is made until the credentials in the settings are changed.</source>
        <translation>Dörrterminalen på %1 nekade inloggningen gång på gång (%2). Inga fler försök görs förrän inloggningsuppgifterna i inställningarna har ändrats.</translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected the username or password. It will lock the account at the next failed attempt, so no further attempt is made until the credentials in the settings are changed.</source>
        <translation>Dörrterminalen på %1 godtog inte användarnamnet eller lösenordet. Den låser kontot vid nästa misslyckade försök, så inga fler försök görs förrän inloggningsuppgifterna i inställningarna har ändrats.</translation>
    </message>
    <message numerus="yes">
        <source>The door terminal at %1 rejected the username or password; %n attempt(s) left before it locks the account. No further attempt is made until the credentials in the settings are changed.</source>
        <translation>
            <numerusform>Dörrterminalen på %1 godtog inte användarnamnet eller lösenordet; %n försök kvar innan den låser kontot. Inga fler försök görs förrän inloggningsuppgifterna i inställningarna har ändrats.</numerusform>
            <numerusform>Dörrterminalen på %1 godtog inte användarnamnet eller lösenordet; %n försök kvar innan den låser kontot. Inga fler försök görs förrän inloggningsuppgifterna i inställningarna har ändrats.</numerusform>
        </translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected the username or password. No further attempt is made until the credentials in the settings are changed.</source>
        <translation>Dörrterminalen på %1 godtog inte användarnamnet eller lösenordet. Inga fler försök görs förrän inloggningsuppgifterna i inställningarna har ändrats.</translation>
    </message>
    <message numerus="yes">
        <source>The door terminal at %1 has locked the account after too many failed logins, for %n more minute(s). Nothing is sent to it until then.</source>
        <translation>
            <numerusform>Dörrterminalen på %1 har låst kontot efter för många misslyckade inloggningar, i %n minut till. Inget skickas till den förrän dess.</numerusform>
            <numerusform>Dörrterminalen på %1 har låst kontot efter för många misslyckade inloggningar, i %n minuter till. Inget skickas till den förrän dess.</numerusform>
        </translation>
    </message>
    <message>
        <source>The door terminal at %1 has locked the account after too many failed logins. Nothing is sent to it until the lock ends.</source>
        <translation>Dörrterminalen på %1 har låst kontot efter för många misslyckade inloggningar. Inget skickas till den förrän låsningen upphör.</translation>
    </message>
    <message>
        <source>The door terminal at %1 asks for a login method this program does not support: %2</source>
        <translation>Dörrterminalen på %1 kräver en inloggningsmetod som det här programmet inte stöder: %2</translation>
    </message>
    <message>
        <source>The door terminal at %1 presented a different HTTPS certificate (SHA-256 %2) from the one pinned in the settings. Nothing was sent. If the terminal&apos;s certificate was replaced on purpose, pin the new one.</source>
        <translation>Dörrterminalen på %1 visade ett annat HTTPS-certifikat (SHA-256 %2) än det som är betrott i inställningarna. Inget skickades. Om terminalens certifikat har bytts avsiktligt kan du välja att lita på det nya.</translation>
    </message>
    <message>
        <source>The HTTPS certificate of the door terminal at %1 is not trusted (%2). If this is the terminal&apos;s own certificate, pin its SHA-256 fingerprint %3 in the settings.</source>
        <translation>HTTPS-certifikatet för dörrterminalen på %1 är inte betrott (%2). Om det är terminalens eget certifikat kan du lita på dess SHA-256-fingeravtryck %3 i inställningarna.</translation>
    </message>
    <message>
        <source>The secure connection to the door terminal at %1 failed: %2</source>
        <translation>Den säkra anslutningen till dörrterminalen på %1 misslyckades: %2</translation>
    </message>
    <message>
        <source>The door terminal at %1 did not answer %2 in time.</source>
        <translation>Dörrterminalen på %1 svarade inte på %2 i tid.</translation>
    </message>
    <message>
        <source>Cannot reach the door terminal at %1: %2. Check the address and the network.</source>
        <translation>Når inte dörrterminalen på %1: %2. Kontrollera adressen och nätverket.</translation>
    </message>
    <message>
        <source>The connection to the door terminal at %1 failed during %2: %3</source>
        <translation>Anslutningen till dörrterminalen på %1 misslyckades under %2: %3</translation>
    </message>
    <message>
        <source>The door terminal at %1 was busy and did not carry out %2%3. It will be tried again later.</source>
        <translation>Dörrterminalen på %1 var upptagen och utförde inte %2%3. Ett nytt försök görs senare.</translation>
    </message>
    <message>
        <source>The door terminal at %1 had an internal error during %2%3 (%4). It will be tried again later.</source>
        <translation>Dörrterminalen på %1 fick ett internt fel under %2%3 (%4). Ett nytt försök görs senare.</translation>
    </message>
    <message>
        <source>The door terminal at %1 must be restarted before it accepts %2.</source>
        <translation>Dörrterminalen på %1 måste startas om innan den tar emot %2.</translation>
    </message>
    <message>
        <source>The door terminal at %1 has not been activated. Activate it (set its admin password) with Hikvision&apos;s tools first.</source>
        <translation>Dörrterminalen på %1 är inte aktiverad. Aktivera den först (ange dess administratörslösenord) med Hikvisions verktyg.</translation>
    </message>
    <message>
        <source>The account used for the door terminal at %1 may not do %2 (%3). Use an administrator account.</source>
        <translation>Kontot som används för dörrterminalen på %1 får inte utföra %2 (%3). Använd ett administratörskonto.</translation>
    </message>
    <message>
        <source>The door terminal at %1 does not support %2 (%3).</source>
        <translation>Dörrterminalen på %1 stöder inte %2 (%3).</translation>
    </message>
    <message>
        <source>The door terminal at %1 already has %2 (%3).</source>
        <translation>Dörrterminalen på %1 har redan %2 (%3).</translation>
    </message>
    <message>
        <source>this record</source>
        <translation>den här posten</translation>
    </message>
    <message>
        <source>The door terminal at %1 does not have %2 (%3).</source>
        <translation>Dörrterminalen på %1 saknar %2 (%3).</translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected %2%3: the field &quot;%4&quot; is missing or not acceptable (%5).</source>
        <translation>Dörrterminalen på %1 avvisade %2%3: fältet ”%4” saknas eller godtas inte (%5).</translation>
    </message>
    <message>
        <source>The door terminal at %1 rejected %2%3 as invalid (%4).</source>
        <translation>Dörrterminalen på %1 avvisade %2%3 som ogiltigt (%4).</translation>
    </message>
    <message>
        <source>The door terminal at %1 is full and cannot store more%2 (%3).</source>
        <translation>Dörrterminalen på %1 är full och kan inte spara något mer%2 (%3).</translation>
    </message>
    <message>
        <source>The door terminal at %1 sent an unreadable answer to %2: %3.</source>
        <translation>Dörrterminalen på %1 skickade ett oläsbart svar på %2: %3.</translation>
    </message>
    <message>
        <source>The door terminal at %1 answered %2 with something unexpected: %3.</source>
        <translation>Dörrterminalen på %1 svarade på %2 med något oväntat: %3.</translation>
    </message>
    <message>
        <source>Not sent to the door terminal at %1%2: %3</source>
        <translation>Skickades inte till dörrterminalen på %1%2: %3</translation>
    </message>
    <message>
        <source>The door terminal at %1 kept asking for a new login during %2%3 (its login nonce expired each time); that is not a wrong password. It will be tried again later.</source>
        <translation>Dörrterminalen på %1 bad om en ny inloggning gång på gång under %2%3 (dess inloggnings-nonce gick ut varje gång); det är inte ett felaktigt lösenord. Det försöks igen senare.</translation>
    </message>
    <message>
        <source>The door terminal at %1 did not take the face%2. %3</source>
        <translation>Dörrterminalen på %1 tog inte emot ansiktet%2. %3</translation>
    </message>
    <message>
        <source>The door terminal at %1 did not complete %2 in time: %3.</source>
        <translation>Dörrterminalen på %1 slutförde inte %2 i tid: %3.</translation>
    </message>
    <message>
        <source>The terminal could not build a face model from the photo: use a sharp, front-facing, well-lit photo of one face, at least 400 pixels high, saved as an ordinary (baseline) JPEG.</source>
        <translation>Terminalen kunde inte skapa en ansiktsmodell från fotot: använd ett skarpt, välbelyst foto av ett enda ansikte, taget rakt framifrån, minst 400 pixlar högt och sparat som vanlig JPEG (baseline).</translation>
    </message>
    <message>
        <source>The terminal found too few facial features in the photo: use a larger and sharper front-facing photo, at least 400 pixels high, saved as an ordinary JPEG.</source>
        <translation>Terminalen hittade för få ansiktsdrag i fotot: använd ett större och skarpare foto taget rakt framifrån, minst 400 pixlar högt och sparat som vanlig JPEG.</translation>
    </message>
    <message>
        <source>No face could be found in the photo: use a front-facing, well-lit photo at least 400 pixels high.</source>
        <translation>Inget ansikte hittades i fotot: använd ett välbelyst foto taget rakt framifrån, minst 400 pixlar högt.</translation>
    </message>
    <message>
        <source>The photo shows more than one face: crop it so that only the member&apos;s face is in it.</source>
        <translation>Fotot visar mer än ett ansikte: beskär det så att bara medlemmens ansikte syns.</translation>
    </message>
    <message>
        <source>The photo&apos;s size in pixels is not accepted: use a photo at least 400 pixels high and not much more than 900 pixels on its longest side.</source>
        <translation>Fotots storlek i pixlar godtas inte: använd ett foto som är minst 400 pixlar högt och inte mycket mer än 900 pixlar på den längsta sidan.</translation>
    </message>
    <message>
        <source>The photo file is too large: the terminal takes at most 200 KB. Save it smaller or with stronger JPEG compression.</source>
        <translation>Fotofilen är för stor: terminalen tar högst 200 KB. Spara den mindre eller med hårdare JPEG-komprimering.</translation>
    </message>
    <message>
        <source>The photo is not in a format the terminal takes: save it as an ordinary (baseline) JPEG.</source>
        <translation>Fotot har ett format som terminalen inte tar emot: spara det som vanlig JPEG (baseline).</translation>
    </message>
    <message>
        <source>The terminal could not fetch the photo from the address it was given: capture the face at the terminal again, or upload a photo file instead.</source>
        <translation>Terminalen kunde inte hämta fotot från adressen den fick: ta ansiktsfotot vid terminalen igen, eller ladda upp en fotofil i stället.</translation>
    </message>
    <message>
        <source>The member already has a face on the terminal: replace it instead of adding another, or delete the old face first.</source>
        <translation>Medlemmen har redan ett ansikte på terminalen: ersätt det i stället för att lägga till ett till, eller ta bort det gamla ansiktet först.</translation>
    </message>
    <message>
        <source>The member is not on the terminal yet: sync the member to the terminal first, then add the face.</source>
        <translation>Medlemmen finns inte på terminalen än: synka medlemmen till terminalen först och lägg sedan till ansiktet.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>IsapiParsersTexts</name>
    <message>
        <source>empty body where %1 was expected</source>
        <translation>tomt svar där %1 väntades</translation>
    </message>
    <message>
        <source>not a JSON object (%1 at offset %2) where %3 was expected</source>
        <translation>inte ett JSON-objekt (%1 vid position %2) där %3 väntades</translation>
    </message>
    <message>
        <source>a bare OK status without %1</source>
        <translation>bara en OK-status utan %1</translation>
    </message>
    <message>
        <source>no %1 in the answer</source>
        <translation>inget %1 i svaret</translation>
    </message>
    <message>
        <source>%1 without responseStatusStrg</source>
        <translation>%1 utan responseStatusStrg</translation>
    </message>
    <message>
        <source>%1 reports %2 matches but lists none</source>
        <translation>%1 anger %2 träffar men listar inga</translation>
    </message>
    <message>
        <source>an entry in %1 is not an object</source>
        <translation>en post i %1 är inte ett objekt</translation>
    </message>
    <message>
        <source>a person without employeeNo was skipped (name &quot;%1&quot;)</source>
        <translation>en person utan employeeNo hoppades över (namn ”%1”)</translation>
    </message>
    <message>
        <source>a card without cardNo was skipped (employeeNo &quot;%1&quot;)</source>
        <translation>ett kort utan cardNo hoppades över (employeeNo ”%1”)</translation>
    </message>
    <message>
        <source>empty body where DeviceInfo was expected</source>
        <translation>tomt svar där DeviceInfo väntades</translation>
    </message>
    <message>
        <source>not XML (%1) where DeviceInfo was expected</source>
        <translation>inte XML (%1) där DeviceInfo väntades</translation>
    </message>
    <message>
        <source>%1 instead of DeviceInfo</source>
        <translation>%1 i stället för DeviceInfo</translation>
    </message>
    <message>
        <source>damaged DeviceInfo XML at line %1: %2</source>
        <translation>trasig DeviceInfo-XML på rad %1: %2</translation>
    </message>
    <message>
        <source>DeviceInfo without a model</source>
        <translation>DeviceInfo utan modell</translation>
    </message>
    <message>
        <source>UserInfoCount without userNumber</source>
        <translation>UserInfoCount utan userNumber</translation>
    </message>
    <message>
        <source>UserInfoCount with an unreadable userNumber</source>
        <translation>UserInfoCount med ett oläsbart userNumber</translation>
    </message>
    <message>
        <source>an event without serialNo was skipped (minor %1, time %2)</source>
        <translation>en händelse utan serialNo hoppades över (minor %1, tid %2)</translation>
    </message>
    <message>
        <source>AcsEventTotalNum without a usable totalNum</source>
        <translation>AcsEventTotalNum utan användbart totalNum</translation>
    </message>
    <message>
        <source>no Time document in the answer</source>
        <translation>inget Time-dokument i svaret</translation>
    </message>
    <message>
        <source>damaged Time XML: %1</source>
        <translation>trasig Time-XML: %1</translation>
    </message>
    <message>
        <source>Time without a readable localTime</source>
        <translation>Time utan läsbar localTime</translation>
    </message>
    <message>
        <source>not XML where AccessControl capabilities were expected</source>
        <translation>inte XML där funktionslistan för AccessControl väntades</translation>
    </message>
    <message>
        <source>%1 instead of AccessControl</source>
        <translation>%1 i stället för AccessControl</translation>
    </message>
    <message>
        <source>broken XML in AccessControl capabilities (%1)</source>
        <translation>trasig XML i funktionslistan för AccessControl (%1)</translation>
    </message>
    <message>
        <source>the terminal read a card but sent no card number</source>
        <translation>terminalen läste ett kort men skickade inget kortnummer</translation>
    </message>
    <message>
        <source>no CaptureFaceData in the answer</source>
        <translation>inget CaptureFaceData i svaret</translation>
    </message>
    <message>
        <source>not XML where CaptureFaceData was expected</source>
        <translation>inte XML där CaptureFaceData väntades</translation>
    </message>
    <message>
        <source>%1 instead of CaptureFaceData</source>
        <translation>%1 i stället för CaptureFaceData</translation>
    </message>
    <message>
        <source>CaptureFaceData without captureProgress</source>
        <translation>CaptureFaceData utan captureProgress</translation>
    </message>
    <message>
        <source>broken XML in the face library capabilities</source>
        <translation>trasig XML i ansiktsbibliotekets funktionslista</translation>
    </message>
    <message>
        <source>%1 instead of face library capabilities</source>
        <translation>%1 i stället för ansiktsbibliotekets funktionslista</translation>
    </message>
    <message>
        <source>a bare OK status without face library capabilities</source>
        <translation>bara en OK-status utan ansiktsbibliotekets funktionslista</translation>
    </message>
    <message>
        <source>no face library capabilities in the answer</source>
        <translation>ingen funktionslista för ansiktsbiblioteket i svaret</translation>
    </message>
    <message>
        <source>a bare OK status without FDSearch results</source>
        <translation>bara en OK-status utan FDSearch-resultat</translation>
    </message>
    <message>
        <source>no FDSearch results in the answer</source>
        <translation>inga FDSearch-resultat i svaret</translation>
    </message>
    <message>
        <source>a broken multipart answer to CaptureFaceData</source>
        <translation>ett trasigt multipart-svar på CaptureFaceData</translation>
    </message>
    <message>
        <source>neither CaptureFaceData nor FaceData in the multipart answer</source>
        <translation>varken CaptureFaceData eller FaceData i multipart-svaret</translation>
    </message>
    <message>
        <source>the FaceData part is not a JPEG picture</source>
        <translation>FaceData-delen är ingen JPEG-bild</translation>
    </message>
</context>
<context>
    <name>IsapiRequestsTexts</name>
    <message>
        <source>member %1</source>
        <translation>medlem %1</translation>
    </message>
    <message>
        <source>member %1 (%2)</source>
        <translation>medlem %1 (%2)</translation>
    </message>
    <message>
        <source>the employee number is empty</source>
        <translation>anställningsnumret är tomt</translation>
    </message>
    <message>
        <source>the employee number &quot;%1&quot; has leading or trailing spaces</source>
        <translation>anställningsnumret ”%1” har mellanslag i början eller slutet</translation>
    </message>
    <message>
        <source>the employee number &quot;%1&quot; is %2 bytes long; the terminal takes %3 to %4</source>
        <translation>anställningsnumret ”%1” är %2 byte långt; terminalen tar %3 till %4</translation>
    </message>
    <message>
        <source>The %1 of %2 was shortened to &quot;%3&quot; to fit the %4-byte limit of the door terminal at %5.</source>
        <translation>För %2 kortades %1 till ”%3” så att det ryms inom gränsen på %4 byte hos dörrterminalen på %5.</translation>
    </message>
    <message>
        <source>the list of employee numbers is empty; the terminal would take an empty list as &quot;every person&quot;</source>
        <translation>listan med anställningsnummer är tom; terminalen skulle tolka en tom lista som ”alla personer”</translation>
    </message>
    <message>
        <source>the list of card numbers is empty; the terminal would take an empty list as &quot;every card&quot;</source>
        <translation>listan med kortnummer är tom; terminalen skulle tolka en tom lista som ”alla kort”</translation>
    </message>
    <message>
        <source>the list holds an empty number</source>
        <translation>listan innehåller ett tomt nummer</translation>
    </message>
    <message>
        <source>the validity has no begin or no end time</source>
        <translation>giltighetstiden saknar start- eller sluttid</translation>
    </message>
    <message>
        <source>begin raised to the terminal&apos;s earliest time</source>
        <translation>starten ändrades till terminalens tidigaste möjliga tid</translation>
    </message>
    <message>
        <source>begin lowered to the terminal&apos;s latest time</source>
        <translation>starten ändrades till terminalens senaste möjliga tid</translation>
    </message>
    <message>
        <source>end lowered to the terminal&apos;s latest time</source>
        <translation>slutet ändrades till terminalens senaste möjliga tid</translation>
    </message>
    <message>
        <source>end raised to the terminal&apos;s earliest time</source>
        <translation>slutet ändrades till terminalens tidigaste möjliga tid</translation>
    </message>
    <message>
        <source>begin moved to one second before end</source>
        <translation>starten flyttades till en sekund före slutet</translation>
    </message>
    <message>
        <source>end moved to one second after begin</source>
        <translation>slutet flyttades till en sekund efter starten</translation>
    </message>
    <message>
        <source>the terminal&apos;s time range is too small for a validity window</source>
        <translation>terminalens tidsintervall är för litet för en giltighetstid</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namnet</translation>
    </message>
    <message>
        <source>the name is empty and the terminal requires one</source>
        <translation>namnet är tomt och terminalen kräver ett</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>förnamnet</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>efternamnet</translation>
    </message>
    <message>
        <source>the terminal does not offer the person type &quot;%1&quot; (it offers %2)</source>
        <translation>terminalen erbjuder inte persontypen ”%1” (den erbjuder %2)</translation>
    </message>
    <message>
        <source>Only %1 of the %2 door plans of %3 were sent: the door terminal at %4 takes no more.</source>
        <translation>Bara %1 av de %2 dörrscheman som gäller %3 skickades: dörrterminalen på %4 tar inte emot fler.</translation>
    </message>
    <message>
        <source>the card number &quot;%1&quot; is empty, has spaces around it or is longer than %2 bytes</source>
        <translation>kortnumret ”%1” är tomt, har mellanslag runt sig eller är längre än %2 byte</translation>
    </message>
    <message>
        <source>the picture is not a complete JPEG file</source>
        <translation>bilden är inte en fullständig JPEG-fil</translation>
    </message>
    <message>
        <source>the employee number &quot;%1&quot; cannot be sent with a face picture</source>
        <translation>anställningsnumret ”%1” kan inte skickas med en ansiktsbild</translation>
    </message>
    <message>
        <source>no name for the picture part</source>
        <translation>inget namn för bilddelen</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Windows Credential Manager: %1 failed (%2)</source>
        <translation>Windows-autentiseringshanteraren: %1 misslyckades (%2)</translation>
    </message>
    <message>
        <source>The password is too long for the Windows Credential Manager (%1 bytes, at most %2).</source>
        <translation>Lösenordet är för långt för Windows-autentiseringshanteraren (%1 byte, högst %2).</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link a person to a member</source>
        <translation>Koppla en person till en medlem</translation>
    </message>
    <message>
        <source>Type the member&apos;s email or name</source>
        <translation>Skriv medlemmens e-postadress eller namn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cardskipper IVMS Sync</source>
        <translation>Cardskipper IVMS Sync</translation>
    </message>
    <message>
        <source>Door:</source>
        <translation>Dörr:</translation>
    </message>
    <message>
        <source>Search name, email, member no. or employee no.</source>
        <translation>Sök på namn, e-post, medlemsnr eller anställningsnr</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <source>Log and history</source>
        <translation>Logg och historik</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logg</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Sök i loggen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Full reconcile</source>
        <translation>Avstämning</translation>
    </message>
    <message>
        <source>Fix password…</source>
        <translation>Rätta lösenordet…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Försök igen nu</translation>
    </message>
    <message>
        <source>Open the door&apos;s web page</source>
        <translation>Öppna dörrens webbsida</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synk</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Medlem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>K&amp;opiera</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synka nu</translation>
    </message>
    <message>
        <source>Fetch the members and write what changed to the doors (F5)</source>
        <translation>Hämta medlemmarna och skriv det som har ändrats till dörrarna (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Preview changes</source>
        <translation>&amp;Förhandsgranska ändringar</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranska</translation>
    </message>
    <message>
        <source>Fetch the members and show every change without writing anything (Ctrl+Shift+P)</source>
        <translation>Hämta medlemmarna och visa alla ändringar utan att skriva något (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Full reconcile</source>
        <translation>Fullständig a&amp;vstämning</translation>
    </message>
    <message>
        <source>Read the whole door again and repair anything changed there by hand (Ctrl+F5)</source>
        <translation>Läs in hela dörren igen och rätta allt som har ändrats där för hand (Ctrl+F5)</translation>
    </message>
    <message>
        <source>Ctrl+F5</source>
        <translation>Ctrl+F5</translation>
    </message>
    <message>
        <source>P&amp;ause automatic sync</source>
        <translation>&amp;Pausa automatisk synkning</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>&amp;Link to member…</source>
        <translation>&amp;Koppla till medlem…</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Koppla…</translation>
    </message>
    <message>
        <source>Say which member this person on the door is (Ctrl+L)</source>
        <translation>Ange vilken medlem den här personen på dörren är (Ctrl+L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Accept suggested match…</source>
        <translation>&amp;Godta föreslagen matchning…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Godta</translation>
    </message>
    <message>
        <source>This member and this person on the door are the same human (Ctrl+Return)</source>
        <translation>Den här medlemmen och den här personen på dörren är samma människa (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Reject suggested match</source>
        <translation>&amp;Avvisa föreslagen matchning</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <source>They are different people: do not suggest this pair again (Ctrl+Backspace)</source>
        <translation>De är olika personer: föreslå inte det här paret igen (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>Ctrl+Backspace</source>
        <translation>Ctrl+Backspace</translation>
    </message>
    <message>
        <source>Allow until / &amp;Block…</source>
        <translation>Tillåt till / &amp;spärra…</translation>
    </message>
    <message>
        <source>Allow / Block…</source>
        <translation>Tillåt/spärra…</translation>
    </message>
    <message>
        <source>Give the selected member access until a date, or block them, whatever Cardskipper says (Ctrl+B)</source>
        <translation>Ge den valda medlemmen behörighet till ett visst datum, eller spärra medlemmen, oavsett vad Cardskipper säger (Ctrl+B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Sync this &amp;member now</source>
        <translation>Synka den här &amp;medlemmen nu</translation>
    </message>
    <message>
        <source>Fetch only the selected member from Cardskipper and write their changes to the door (Shift+F5)</source>
        <translation>Hämta bara den valda medlemmen från Cardskipper och skriv medlemmens ändringar till dörren (Shift+F5)</translation>
    </message>
    <message>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>Cardskipper account, doors and sync policy (Ctrl+,)</source>
        <translation>Cardskipper-konto, dörrar och regler för synkning (Ctrl+,)</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>Koppla &amp;bort</translation>
    </message>
    <message>
        <source>This person on the door is not that member: the sync leaves them alone</source>
        <translation>Den här personen på dörren är inte den medlemmen: synkningen lämnar personen i fred</translation>
    </message>
    <message>
        <source>S&amp;taff: never touch</source>
        <translation>&amp;Personal: rör aldrig</translation>
    </message>
    <message>
        <source>This unlinked person on the door is staff or another person the sync never manages</source>
        <translation>Den här okopplade personen på dörren är personal eller någon annan som synkningen aldrig hanterar</translation>
    </message>
    <message>
        <source>&amp;Export the log…</source>
        <translation>&amp;Exportera loggen…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Stop syncing and close the program (Ctrl+Q)</source>
        <translation>Sluta synka och stäng programmet (Ctrl+Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Användarhandbok</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Öppna &amp;datamappen</translation>
    </message>
    <message>
        <source>&amp;About Cardskipper IVMS Sync</source>
        <translation>&amp;Om Cardskipper IVMS Sync</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>Door activity</source>
        <translation>Dörraktivitet</translation>
    </message>
    <message>
        <source>Open in Cardskipper &amp;admin</source>
        <translation>Öppna i Cardskippers &amp;administration</translation>
    </message>
    <message>
        <source>Open Cardskipper&apos;s admin portal in the browser, with the member number copied for its search: a membership is changed there</source>
        <translation>Öppna Cardskippers administrationsportal i webbläsaren, med medlemsnumret kopierat för sökningen där: ett medlemskap ändras där</translation>
    </message>
    <message>
        <source>Cards and &amp;face…</source>
        <translation>Kort och ansik&amp;te…</translation>
    </message>
    <message>
        <source>Give the selected member a card (read at the door, typed or scanned) or take one away (Ctrl+K)</source>
        <translation>Ge den valda medlemmen ett kort (läst vid dörren, inskrivet eller inskannat) eller ta bort ett (Ctrl+K)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
</context>
<context>
    <name>MemberOutputTexts</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>kommande</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>utgången</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>no membership</source>
        <translation>inget medlemskap</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Medlemsnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Giltig från</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Giltig till</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(inget)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Totalt: %1</translation>
    </message>
</context>
<context>
    <name>MemberXmlParserTexts</name>
    <message>
        <source>elements are nested deeper than %1 levels</source>
        <translation>elementen är nästlade djupare än %1 nivåer</translation>
    </message>
    <message>
        <source>the answer is an HTML page</source>
        <translation>svaret är en HTML-sida</translation>
    </message>
    <message>
        <source>document type declarations are not accepted</source>
        <translation>dokumenttypsdeklarationer godtas inte</translation>
    </message>
    <message>
        <source>the entity reference &amp;%1; cannot be resolved</source>
        <translation>entitetsreferensen &amp;%1; kan inte lösas upp</translation>
    </message>
    <message>
        <source>unreadable XML</source>
        <translation>oläsbar XML</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; at line %2 has no usable OrganisationMemberId (&quot;%3&quot;) and was left out.</source>
        <translation>Medlemmen ”%1” på rad %2 har inget användbart OrganisationMemberId (”%3”) och utelämnades.</translation>
    </message>
    <message>
        <source>the Birthdate &quot;%1&quot; is unreadable</source>
        <translation>födelsedatumet (Birthdate) ”%1” går inte att läsa</translation>
    </message>
    <message>
        <source>Inactive=&quot;%1&quot; is neither true nor false; taken as false</source>
        <translation>Inactive=&quot;%1&quot; är varken true eller false; tolkas som false</translation>
    </message>
    <message>
        <source>Member %1: %2.</source>
        <translation>Medlem %1: %2.</translation>
    </message>
    <message>
        <source>Member %1 appears more than once in the answer; every copy is kept.</source>
        <translation>Medlem %1 förekommer mer än en gång i svaret; alla kopior behålls.</translation>
    </message>
    <message>
        <source>an organisation without a usable Id (&quot;%1&quot;) lists %2 role(s), which were ignored</source>
        <translation>en organisation utan användbart Id (”%1”) har %2 roll(er), som ignorerades</translation>
    </message>
    <message>
        <source>a role without a usable Id (&quot;%1&quot;) was ignored</source>
        <translation>en roll utan användbart Id (”%1”) ignorerades</translation>
    </message>
    <message>
        <source>role %1 has an unreadable period (StartDate &quot;%2&quot;, EndDate &quot;%3&quot;) and was ignored</source>
        <translation>rollen %1 har en oläsbar period (StartDate ”%2”, EndDate ”%3”) och ignorerades</translation>
    </message>
    <message>
        <source>The organisation &quot;%1&quot; at line %2 has no usable Id (&quot;%3&quot;) and was left out.</source>
        <translation>Organisationen ”%1” på rad %2 har inget användbart Id (”%3”) och utelämnades.</translation>
    </message>
    <message>
        <source>A role &quot;%1&quot; without a usable Id (&quot;%2&quot;) was left out.</source>
        <translation>En roll ”%1” utan användbart Id (”%2”) utelämnades.</translation>
    </message>
    <message>
        <source>A sub-organisation &quot;%1&quot; without a usable Id (&quot;%2&quot;) was left out.</source>
        <translation>En underorganisation ”%1” utan användbart Id (”%2”) utelämnades.</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>svaret är tomt</translation>
    </message>
    <message>
        <source>the answer holds no XML element</source>
        <translation>svaret innehåller inget XML-element</translation>
    </message>
    <message>
        <source>... and %1 more problems of that kind.</source>
        <translation>... och %1 problem till av samma slag.</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not &lt;Cardskipper&gt;</source>
        <translation>rotelementet är &lt;%1&gt;, inte &lt;Cardskipper&gt;</translation>
    </message>
    <message>
        <source>the &lt;Cardskipper&gt; document has no &lt;Members&gt; element</source>
        <translation>&lt;Cardskipper&gt;-dokumentet har inget &lt;Members&gt;-element</translation>
    </message>
    <message>
        <source>the &lt;Cardskipper&gt; document has no &lt;Members&gt; element (it holds &lt;%1&gt;)</source>
        <translation>&lt;Cardskipper&gt;-dokumentet har inget &lt;Members&gt;-element (det innehåller &lt;%1&gt;)</translation>
    </message>
    <message>
        <source>Member %1: the name, email or a tag held control characters that cannot be sent on; they were replaced by “�”. Correct them in Cardskipper.</source>
        <translation>Medlem %1: namnet, e-postadressen eller en tagg innehöll styrtecken som inte kan skickas vidare; de ersattes med ”�”. Rätta dem i Cardskipper.</translation>
    </message>
    <message>
        <source>the document has no &lt;Organisations&gt; element</source>
        <translation>dokumentet har inget &lt;Organisations&gt;-element</translation>
    </message>
    <message>
        <source>the answer is not valid %1 text</source>
        <translation>svaret är inte giltig %1-text</translation>
    </message>
    <message>
        <source>the answer&apos;s charset &quot;%1&quot; is not supported</source>
        <translation>svarets teckenkodning &quot;%1&quot; stöds inte</translation>
    </message>
    <message>
        <source>the answer&apos;s XML declaration names the encoding &quot;%1&quot;, which is not supported</source>
        <translation>svarets XML-deklaration anger kodningen &quot;%1&quot;, som inte stöds</translation>
    </message>
    <message>
        <source>The answer&apos;s charset &quot;%1&quot; is not supported; it was read as UTF-8.</source>
        <translation>Svarets teckenkodning &quot;%1&quot; stöds inte; svaret lästes som UTF-8.</translation>
    </message>
    <message>
        <source>The answer&apos;s XML declaration names the encoding &quot;%1&quot;, which is not supported; it was read as UTF-8.</source>
        <translation>Svarets XML-deklaration anger kodningen &quot;%1&quot;, som inte stöds; svaret lästes som UTF-8.</translation>
    </message>
    <message>
        <source>The answer&apos;s header says charset &quot;%1&quot;, but its bytes are UTF-8; they were read as UTF-8.</source>
        <translation>Svarets huvud anger teckenkodningen &quot;%1&quot;, men dess byte är UTF-8; de lästes som UTF-8.</translation>
    </message>
    <message>
        <source>The answer&apos;s header says charset &quot;%1&quot;, but its bytes are not in that encoding; they were read as UTF-8.</source>
        <translation>Svarets huvud anger teckenkodningen &quot;%1&quot;, men dess byte är inte i den kodningen; de lästes som UTF-8.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override for a member</source>
        <translation>Undantag för en medlem</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Note (why), shown in the history</source>
        <translation>Anteckning (varför), visas i historiken</translation>
    </message>
    <message>
        <source>&amp;No override: Cardskipper decides</source>
        <translation>&amp;Inget undantag: Cardskipper bestämmer</translation>
    </message>
    <message>
        <source>&amp;Allow access until</source>
        <translation>&amp;Tillåt behörighet till</translation>
    </message>
    <message>
        <source>&amp;Block: end access now, whatever Cardskipper says</source>
        <translation>S&amp;pärra: avsluta behörigheten nu, oavsett vad Cardskipper säger</translation>
    </message>
    <message>
        <source>Save: the next sync writes it to every door. Apply now: this member is written to every door at once, for example after a lost card.</source>
        <translation>Spara: nästa synkning skriver det till alla dörrar. Genomför nu: medlemmen skrivs till alla dörrar direkt, till exempel efter ett borttappat kort.</translation>
    </message>
</context>
<context>
    <name>PersonOutputTexts</name>
    <message>
        <source>Device name</source>
        <translation>Enhetsnamn</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-adress</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapacitet</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>rapporteras inte</translation>
    </message>
    <message>
        <source>%1 persons</source>
        <translation>%1 personer</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Sidstorlek</translation>
    </message>
    <message>
        <source>Name length</source>
        <translation>Namnlängd</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>Valid time range</source>
        <translation>Giltigt tidsintervall</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The device does not report its person capabilities; defaults are used.</source>
        <translation>Enheten rapporterar inte vad den klarar för personer; standardvärden används.</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Anställningsnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Giltig från</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Giltig till</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Giltig</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Ansikten</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Totalt: %1</translation>
    </message>
    <message>
        <source>Persons: %1</source>
        <translation>Personer: %1</translation>
    </message>
</context>
<context>
    <name>PlannerTexts</name>
    <message>
        <source>(none)</source>
        <translation>(inget)</translation>
    </message>
    <message>
        <source>always valid</source>
        <translation>alltid giltig</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (#%2)</source>
        <translation>”%1” (#%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (employeeNo %2)</source>
        <translation>”%1” (anställningsnr %2)</translation>
    </message>
    <message>
        <source>blocked by the administrator</source>
        <translation>spärrad av administratören</translation>
    </message>
    <message>
        <source>no role in the organisation</source>
        <translation>ingen roll i föreningen</translation>
    </message>
    <message>
        <source>no role that grants door access</source>
        <translation>ingen roll som ger behörighet till dörren</translation>
    </message>
    <message>
        <source>inactive in Cardskipper</source>
        <translation>inaktiv i Cardskipper</translation>
    </message>
    <message>
        <source>the allow-until override ended on %1</source>
        <translation>undantaget ”tillåt till” upphörde %1</translation>
    </message>
    <message>
        <source>the window %1 to %2 lies outside the device&apos;s time range</source>
        <translation>giltighetstiden %1 – %2 ligger utanför terminalens tidsintervall</translation>
    </message>
    <message>
        <source>Member #%1 is listed twice in the Cardskipper export; the first entry is used.</source>
        <translation>Medlem #%1 finns två gånger i exporten från Cardskipper; den första posten används.</translation>
    </message>
    <message>
        <source>The device lists employeeNo %1 twice; the first person is used.</source>
        <translation>Terminalen listar anställningsnr %1 två gånger; den första personen används.</translation>
    </message>
    <message>
        <source>same name: %1</source>
        <translation>samma namn: %1</translation>
    </message>
    <message>
        <source>no email: cannot be matched by email</source>
        <translation>ingen e-post: kan inte matchas på e-post</translation>
    </message>
    <message>
        <source>shares email %1 with 1 other member</source>
        <translation>delar e-postadressen %1 med en annan medlem</translation>
    </message>
    <message>
        <source>shares email %1 with %2 other members</source>
        <translation>delar e-postadressen %1 med %2 andra medlemmar</translation>
    </message>
    <message>
        <source>no longer in Cardskipper</source>
        <translation>finns inte längre i Cardskipper</translation>
    </message>
    <message>
        <source>access ended at %1</source>
        <translation>behörigheten upphörde %1</translation>
    </message>
    <message>
        <source>Member %1 is linked to employeeNo %2, which is gone from the device: created again with %3.</source>
        <translation>Medlem %1 är kopplad till anställningsnr %2, som har försvunnit från terminalen: skapas igen (%3).</translation>
    </message>
    <message>
        <source>name of member %1 shortened to %2 bytes: &apos;%3&apos;</source>
        <translation>namnet på medlem %1 kortades till %2 byte: ”%3”</translation>
    </message>
    <message>
        <source>Member %1 has no access (%2) and employeeNo %3 is not on the device.</source>
        <translation>Medlem %1 har ingen behörighet (%2) och anställningsnr %3 finns inte på terminalen.</translation>
    </message>
    <message>
        <source>Member %1: the device already has %2.</source>
        <translation>Medlem %1: terminalen har redan rätt giltighetstid (%2).</translation>
    </message>
    <message>
        <source>Member %1: the device name &apos;%2&apos; becomes &apos;%3&apos;</source>
        <translation>Medlem %1: namnet på terminalen ändras från ”%2” till ”%3”</translation>
    </message>
    <message>
        <source>; the window changes from %1 to %2</source>
        <translation>; giltighetstiden ändras från %1 till %2</translation>
    </message>
    <message>
        <source>Member %1: the window changes from %2 to %3.</source>
        <translation>Medlem %1: giltighetstiden ändras från %2 till %3.</translation>
    </message>
    <message>
        <source>Member %1 has no access (%2): the window %3 on the device ends now.</source>
        <translation>Medlem %1 har ingen behörighet (%2): giltighetstiden (%3) på terminalen avslutas nu.</translation>
    </message>
    <message>
        <source>Member %1 has no access (%2); the window on the device ended at %3, more than %4 days ago, and we created the person: deleted.</source>
        <translation>Medlem %1 har ingen behörighet (%2); giltighetstiden på terminalen tog slut %3, för mer än %4 dagar sedan, och personen skapades av det här programmet: tas bort.</translation>
    </message>
    <message>
        <source>Member %1 has no access (%2); the window on the device already ended at %3.</source>
        <translation>Medlem %1 har ingen behörighet (%2); giltighetstiden på terminalen tog redan slut %3.</translation>
    </message>
    <message>
        <source>Member %1 is linked twice on this device: to employeeNo %2 and to employeeNo %3; %3 is left alone until one link is removed.</source>
        <translation>Medlem %1 är kopplad två gånger på den här terminalen: till anställningsnr %2 och till anställningsnr %3; %3 lämnas orörd tills en av kopplingarna tas bort.</translation>
    </message>
    <message>
        <source>EmployeeNo %1 is linked to member #%2 and also to member %3; left alone until one link is removed.</source>
        <translation>Anställningsnr %1 är kopplat både till medlem #%2 och till medlem %3; lämnas orört tills en av kopplingarna tas bort.</translation>
    </message>
    <message>
        <source>Member %1 may be the device person %2; not created until the suggestion is accepted or rejected.</source>
        <translation>Medlem %1 kan vara personen %2 på terminalen; skapas inte förrän förslaget har godtagits eller avvisats.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> eller </translation>
    </message>
    <message>
        <source>Member %1 has no access (%2).</source>
        <translation>Medlem %1 har ingen behörighet (%2).</translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is longer than the device&apos;s limit of %3 characters.</source>
        <translation>Medlem %1 kan inte skapas: anställningsnr %2 är längre än terminalens gräns på %3 tecken.</translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is linked to member #%3.</source>
        <translation>Medlem %1 kan inte skapas: anställningsnr %2 är kopplat till medlem #%3.</translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is taken by an unlinked person &apos;%3&apos;.</source>
        <translation>Medlem %1 kan inte skapas: anställningsnr %2 används redan av en okopplad person, ”%3”.</translation>
    </message>
    <message>
        <source>Member %1 cannot be created: employeeNo %2 is already planned for member #%3.</source>
        <translation>Medlem %1 kan inte skapas: anställningsnr %2 är redan planerat för medlem #%3.</translation>
    </message>
    <message>
        <source>Member %1 is created as employeeNo %2 with %3.</source>
        <translation>Medlem %1 skapas som anställningsnr %2 (%3).</translation>
    </message>
    <message>
        <source>Person %1 is not linked to any member: never touched.</source>
        <translation>Personen %1 är inte kopplad till någon medlem: rörs aldrig.</translation>
    </message>
    <message>
        <source>Person %1 is not linked; suggested match: member %2 (same name). Not touched until the suggestion is accepted or rejected.</source>
        <translation>Personen %1 är inte kopplad; förslag på matchning: medlem %2 (samma namn). Rörs inte förrän förslaget har godtagits eller avvisats.</translation>
    </message>
    <message>
        <source>Cardskipper returned 0 members.</source>
        <translation>Cardskipper returnerade 0 medlemmar.</translation>
    </message>
    <message>
        <source>Cardskipper returned %1 members, fewer than %2% of the %3 it returned last time.</source>
        <translation>Cardskipper returnerade %1 medlemmar, färre än %2 % av de %3 som kom förra gången.</translation>
    </message>
    <message>
        <source>The plan would revoke or delete %1 of %2 managed persons, more than the limit of %3 (the larger of %4 and %5% of the managed persons).</source>
        <translation>Planen skulle dra in eller ta bort %1 av %2 hanterade personer, fler än gränsen på %3 (det största av %4 och %5 % av de hanterade personerna).</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have no email: they are synced by member number but cannot be matched by email.</source>
        <translation>
            <numerusform>%n medlem saknar e-post: medlemmen synkas via medlemsnummer men kan inte matchas på e-post.</numerusform>
            <numerusform>%n medlemmar saknar e-post: de synkas via medlemsnummer men kan inte matchas på e-post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) share %1 email address(es) with other members: they are synced by member number but cannot be matched by email.</source>
        <translation>
            <numerusform>%n medlem delar e-postadress med andra medlemmar (%1 adress(er)): medlemmen synkas via medlemsnummer men kan inte matchas på e-post.</numerusform>
            <numerusform>%n medlemmar delar e-postadress med andra medlemmar (%1 adress(er)): de synkas via medlemsnummer men kan inte matchas på e-post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) are longer than %1 bytes and are shortened on the device.</source>
        <translation>
            <numerusform>%n namn är längre än %1 byte och kortas av på dörrterminalen.</numerusform>
            <numerusform>%n namn är längre än %1 byte och kortas av på dörrterminalen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Spara alla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja till &amp;alla</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nej</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ej till alla</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Återställ standardvärden</translation>
    </message>
</context>
<context>
    <name>RunOutputTexts</name>
    <message>
        <source>in sync</source>
        <translation>synkad</translation>
    </message>
    <message>
        <source>create</source>
        <translation>skapa</translation>
    </message>
    <message>
        <source>update validity</source>
        <translation>uppdatera giltighetstid</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>byt namn</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>dra in</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>ta bort</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>konflikt</translation>
    </message>
    <message>
        <source>awaiting match</source>
        <translation>väntar på matchning</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>ingen behörighet</translation>
    </message>
    <message>
        <source>not managed</source>
        <translation>hanteras inte</translation>
    </message>
    <message>
        <source> valid %1</source>
        <translation> giltig %1</translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: %2</source>
        <translation>Dörrterminal ”%1”: %2</translation>
    </message>
    <message>
        <source>  %1 create, %2 update, %3 revoke, %4 delete, %5 conflict, %6 in sync, %7 awaiting a match decision, %8 not managed</source>
        <translation>  %1 att skapa, %2 att uppdatera, %3 att dra in, %4 att ta bort, %5 konflikter, %6 synkade, %7 väntar på beslut om matchning, %8 hanteras inte</translation>
    </message>
    <message>
        <source>  suggestion: person %1 may be member %2 (%3); accept with &quot;link --device %4 --employee-no %1 --member %2&quot;</source>
        <translation>  förslag: person %1 kan vara medlem %2 (%3); godta med &quot;link --device %4 --employee-no %1 --member %2&quot;</translation>
    </message>
    <message>
        <source>  guard: %1</source>
        <translation>  spärren: %1</translation>
    </message>
    <message>
        <source>Run %1 (%2): %3. Members: %4; created %5, updated %6, revoked %7, deleted %8, conflicts %9, failed %10. Requests: %11.</source>
        <translation>Körning %1 (%2): %3. Medlemmar: %4; skapade %5, uppdaterade %6, indragna %7, borttagna %8, konflikter %9, misslyckade %10. Anrop: %11.</translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot; done: %2, %3 written, %4 failed, %5 requests in %6 s</source>
        <translation>Dörrterminal ”%1” klar: %2, %3 skrivna, %4 misslyckade, %5 anrop på %6 s</translation>
    </message>
    <message>
        <source>Refused at &quot;%1&quot; at %2 although the membership is valid: %3 (member %4): %5</source>
        <translation>Nekad vid &quot;%1&quot; %2 trots giltigt medlemskap: %3 (medlem %4): %5</translation>
    </message>
    <message>
        <source> This run wrote the member to the door.</source>
        <translation> Den här körningen skrev medlemmen till dörren.</translation>
    </message>
    <message>
        <source> This run did not change the member on the door: check their card or face there.</source>
        <translation> Den här körningen ändrade inte medlemmen på dörren: kontrollera kortet eller ansiktet där.</translation>
    </message>
    <message>
        <source>card added</source>
        <translation>kort tillagt</translation>
    </message>
    <message>
        <source>card removed</source>
        <translation>kort borttaget</translation>
    </message>
    <message>
        <source>face set</source>
        <translation>ansikte inlagt</translation>
    </message>
    <message>
        <source>face copied</source>
        <translation>ansikte kopierat</translation>
    </message>
    <message>
        <source>face removed</source>
        <translation>ansikte borttaget</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Cardskipper</source>
        <translation>Cardskipper</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Adr&amp;ess</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Användarnamn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Lösenord</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Förening</translation>
    </message>
    <message>
        <source>The organisation id; &quot;Test connection&quot; lists the organisations the account sees.</source>
        <translation>Föreningens organisations-id; ”Testa anslutningen” listar de föreningar som kontot ser.</translation>
    </message>
    <message>
        <source>&amp;Granting role ids</source>
        <translation>&amp;Roll-id som ger behörighet</translation>
    </message>
    <message>
        <source>Comma-separated; empty: every role opens the door</source>
        <translation>Kommaseparerade; tomt: alla roller öppnar dörren</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testa anslutningen</translation>
    </message>
    <message>
        <source>Doors</source>
        <translation>Dörrar</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>L&amp;ägg till</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dress</translation>
    </message>
    <message>
        <source>&amp;Certificate SHA-256</source>
        <translation>&amp;Certifikat SHA-256</translation>
    </message>
    <message>
        <source>Empty: ordinary certificate verification</source>
        <translation>Tomt: vanlig certifikatkontroll</translation>
    </message>
    <message>
        <source>&amp;Enabled: sync this door</source>
        <translation>A&amp;ktiv: synka den här dörren</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Lita på det här certifikatet</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkning</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Synka &amp;var</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Nightly full check at</source>
        <translation>Fullständig &amp;kontroll varje natt kl.</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>&amp;Grace days</source>
        <translation>&amp;Extra dagar</translation>
    </message>
    <message>
        <source>Days of access added after a membership period ends</source>
        <translation>Dagar med behörighet som läggs till efter att en medlemskapsperiod har tagit slut</translation>
    </message>
    <message>
        <source>&amp;Rename linked persons to their Cardskipper name</source>
        <translation>Byt &amp;namn på kopplade personer till deras namn i Cardskipper</translation>
    </message>
    <message>
        <source>&amp;Delete persons after</source>
        <translation>&amp;Ta bort personer efter</translation>
    </message>
    <message>
        <source> days without access</source>
        <translation> dagar utan behörighet</translation>
    </message>
    <message>
        <source>&amp;Guard: hold a sync that would revoke unusually many persons</source>
        <translation>&amp;Spärr: håll tillbaka en synkning som skulle dra in behörigheten för ovanligt många personer</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>&amp;Start when I log in to this computer</source>
        <translation>Starta när jag &amp;loggar in på den här datorn</translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>Starta &amp;minimerad i systemfältet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Ett nytt språk används från nästa start.</translation>
    </message>
    <message>
        <source>192.168.1.64 or https://door.example:8443</source>
        <translation>192.168.1.64 eller https://door.example:8443</translation>
    </message>
    <message>
        <source>Doors synced &amp;at once</source>
        <translation>Dörrar som synkas &amp;samtidigt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Every door is synced at the same time. Lower this only when the network or router at the site cannot take every terminal at once.</source>
        <translation>Alla dörrar synkas samtidigt. Sänk värdet bara om nätverket eller routern på platsen inte klarar alla terminaler på en gång.</translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be a number from %3 to %4; using %5.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara ett tal från %3 till %4; %5 används.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be true or false; using %3.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara true eller false; %3 används.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; is not an http or https address.</source>
        <translation>Inställningen %1 = &quot;%2&quot; är inte en http- eller https-adress.</translation>
    </message>
    <message>
        <source>The settings were written by a newer version (settings_version %1); keys this version does not know are ignored.</source>
        <translation>Inställningarna skrevs av en nyare version (settings_version %1); nycklar som den här versionen inte känner till ignoreras.</translation>
    </message>
    <message>
        <source>The setting %1 looks like a password. Passwords do not belong in the settings file and it is ignored; store it in the keychain or set CARDSKIPPER_PASSWORD / IVMS_PASSWORD.</source>
        <translation>Inställningen %1 ser ut som ett lösenord. Lösenord hör inte hemma i inställningsfilen, så den ignoreras; spara lösenordet i nyckelringen eller sätt CARDSKIPPER_PASSWORD / IVMS_PASSWORD.</translation>
    </message>
    <message>
        <source>The setting %1 holds &quot;%2&quot;, which is not a role id.</source>
        <translation>Inställningen %1 innehåller &quot;%2&quot;, som inte är ett roll-id.</translation>
    </message>
    <message>
        <source>The setting devices/size = %1 is more than %2 door terminals; only the first %2 are read.</source>
        <translation>Inställningen devices/size = %1 är fler än %2 dörrterminaler; bara de första %2 läses in.</translation>
    </message>
    <message>
        <source>The setting %1url = &quot;%2&quot; (device %3) is not an http or https address.</source>
        <translation>Inställningen %1url = &quot;%2&quot; (dörrterminal %3) är inte en http- eller https-adress.</translation>
    </message>
    <message>
        <source>The setting %1certificate_sha256 (device %2) is not a SHA-256 fingerprint of 64 hexadecimal digits.</source>
        <translation>Inställningen %1certificate_sha256 (dörrterminal %2) är inte ett SHA-256-fingeravtryck med 64 hexadecimala siffror.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be a time like 03:00; using 03:00.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara en tid som 03:00; 03:00 används.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be sv, en or empty (the system&apos;s language); using the system&apos;s.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara sv, en eller tom (datorns språk); datorns språk används.</translation>
    </message>
    <message>
        <source>Set the Cardskipper address (cardskipper/url).</source>
        <translation>Ange Cardskippers adress (cardskipper/url).</translation>
    </message>
    <message>
        <source>Set the Cardskipper user name (cardskipper/username).</source>
        <translation>Ange användarnamnet för Cardskipper (cardskipper/username).</translation>
    </message>
    <message>
        <source>Set the Cardskipper organisation (cardskipper/organisation_id).</source>
        <translation>Ange föreningen i Cardskipper (cardskipper/organisation_id).</translation>
    </message>
    <message>
        <source>Add at least one door terminal ([devices] section).</source>
        <translation>Lägg till minst en dörrterminal (avsnittet [devices]).</translation>
    </message>
    <message>
        <source>Set the address of the door terminal &quot;%1&quot; (url).</source>
        <translation>Ange adressen till dörrterminalen ”%1” (url).</translation>
    </message>
    <message>
        <source>Set the user name of the door terminal &quot;%1&quot;.</source>
        <translation>Ange användarnamnet för dörrterminalen ”%1”.</translation>
    </message>
    <message>
        <source>Two door terminals share the id &quot;%1&quot;; give each its own.</source>
        <translation>Två dörrterminaler har samma id, ”%1”; ge var och en ett eget.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; is not an http or https address; using %3.</source>
        <translation>Inställningen %1 = &quot;%2&quot; är ingen http- eller https-adress; %3 används.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be decimal or hex; using decimal.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara decimal eller hex; decimal används.</translation>
    </message>
    <message>
        <source>The setting %1 = &quot;%2&quot; must be as-typed, decimal or hex; using as-typed.</source>
        <translation>Inställningen %1 = &quot;%2&quot; måste vara as-typed, decimal eller hex; as-typed används.</translation>
    </message>
</context>
<context>
    <name>SyncSessionTexts</name>
    <message>
        <source>The configuration file %1 does not exist. Write one as shown in the README (section Configuration) or pass --config FILE.</source>
        <translation>Konfigurationsfilen %1 finns inte. Skriv en enligt README (avsnittet Configuration) eller ange --config FIL.</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>Konfigurationsfilen %1 går inte att läsa.</translation>
    </message>
    <message>
        <source>The configuration in %1 is not complete: %2</source>
        <translation>Konfigurationen i %1 är inte komplett: %2</translation>
    </message>
    <message>
        <source>No Cardskipper password for %1: set CARDSKIPPER_PASSWORD or store it with the desktop app&apos;s settings%2.</source>
        <translation>Inget Cardskipper-lösenord för %1: sätt CARDSKIPPER_PASSWORD eller spara lösenordet i skrivbordsappens inställningar%2.</translation>
    </message>
    <message>
        <source> (keychain: %1)</source>
        <translation> (nyckelring: %1)</translation>
    </message>
    <message>
        <source>No password for the door terminal &quot;%1&quot;: set IVMS_PASSWORD or store it with the desktop app&apos;s settings%2.</source>
        <translation>Inget lösenord för dörrterminalen ”%1”: sätt IVMS_PASSWORD eller spara lösenordet i skrivbordsappens inställningar%2.</translation>
    </message>
    <message>
        <source>another run is going on</source>
        <translation>en annan körning pågår</translation>
    </message>
</context>
<context>
    <name>VisitReport</name>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Medlemsnummer</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Passager</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>Första passage</translation>
    </message>
</context>
<context>
    <name>cis::CliApplication</name>
    <message>
        <source>Configuration file (INI; default %1).</source>
        <translation>Konfigurationsfil (INI; standard %1).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fil</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>Kan inte skriva rapporten till %1: %2</translation>
    </message>
    <message>
        <source>Print the plan as JSON.</source>
        <translation>Skriv ut planen som JSON.</translation>
    </message>
    <message>
        <source>Read every door terminal again first.</source>
        <translation>Läs in alla dörrterminaler igen först.</translation>
    </message>
    <message>
        <source>Also list members and persons that are in sync.</source>
        <translation>Lista även medlemmar och personer som redan är synkade.</translation>
    </message>
    <message>
        <source>Show what a sync would change on each door terminal, and why, without writing anything.</source>
        <translation>Visa vad en synkning skulle ändra på varje dörrterminal, och varför, utan att skriva något.</translation>
    </message>
    <message>
        <source>Re-read every door terminal and repair what was changed there.</source>
        <translation>Läs in alla dörrterminaler igen och rätta det som har ändrats där.</translation>
    </message>
    <message>
        <source>Apply a plan the guard held back.</source>
        <translation>Genomför en plan som spärren höll tillbaka.</translation>
    </message>
    <message>
        <source>Write the run report as JSON to this file.</source>
        <translation>Skriv körningsrapporten som JSON till den här filen.</translation>
    </message>
    <message>
        <source>Fetch only members changed since the last run (what the timer does).</source>
        <translation>Hämta bara medlemmar som har ändrats sedan förra körningen (det som timern gör).</translation>
    </message>
    <message>
        <source>Sync now: fetch the members, plan each door terminal and write what changed.</source>
        <translation>Synka nu: hämta medlemmarna, planera varje dörrterminal och skriv det som ändrats.</translation>
    </message>
    <message>
        <source>The guard held the plan back; check it with &quot;plan&quot; and run &quot;sync --force&quot; if it is right.</source>
        <translation>Spärren höll tillbaka planen; kontrollera den med &quot;plan&quot; och kör &quot;sync --force&quot; om den stämmer.</translation>
    </message>
    <message>
        <source>Keep syncing until stopped (Ctrl+C or SIGTERM): a full reconcile at start and every night, quick syncs every sync/interval_seconds in between.</source>
        <translation>Fortsätt synka tills du stoppar (Ctrl+C eller SIGTERM): en fullständig avstämning vid start och varje natt, och snabbsynkningar med intervallet sync/interval_seconds däremellan.</translation>
    </message>
    <message>
        <source>Next run at %1.</source>
        <translation>Nästa körning %1.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Skriv ut JSON.</translation>
    </message>
    <message>
        <source>Show the last runs, each door terminal&apos;s snapshot and links, and unfinished writes.</source>
        <translation>Visa de senaste körningarna, varje dörrterminals ögonblicksbild och kopplingar samt oavslutade skrivningar.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>Members in the snapshot: %1</source>
        <translation>Medlemmar i ögonblicksbilden: %1</translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot; (%2): %3 persons, %4 linked, last read %5</source>
        <translation>Dörrterminal ”%1” (%2): %3 personer, %4 kopplade, senast inläst %5</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Unfinished writes: %1</source>
        <translation>Oavslutade skrivningar: %1</translation>
    </message>
    <message>
        <source>Last runs:</source>
        <translation>Senaste körningar:</translation>
    </message>
    <message>
        <source>Door terminal id.</source>
        <translation>Dörrterminalens id.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>The person&apos;s employeeNo on the terminal.</source>
        <translation>Personens anställningsnummer (employeeNo) på terminalen.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <source>The member: Cardskipper member number or email.</source>
        <translation>Medlemmen: medlemsnummer i Cardskipper eller e-postadress.</translation>
    </message>
    <message>
        <source>member</source>
        <translation>medlem</translation>
    </message>
    <message>
        <source>Turn the suggestion down instead of accepting it.</source>
        <translation>Avvisa förslaget i stället för att godta det.</translation>
    </message>
    <message>
        <source>Link a person on a door terminal to a Cardskipper member (a manual match), or accept or --reject a suggested match.</source>
        <translation>Koppla en person på en dörrterminal till en medlem i Cardskipper (manuell matchning), eller godta ett förslag på matchning eller avvisa det med --reject.</translation>
    </message>
    <message>
        <source>Remove the link between a person on a door terminal and a member. The person is left as it is and is no longer managed.</source>
        <translation>Ta bort kopplingen mellan en person på en dörrterminal och en medlem. Personen lämnas som den är och hanteras inte längre.</translation>
    </message>
    <message>
        <source>--device &quot;%1&quot; is not a configured door terminal.</source>
        <translation>--device ”%1” är inte en konfigurerad dörrterminal.</translation>
    </message>
    <message>
        <source>--employee-no is required.</source>
        <translation>--employee-no måste anges.</translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is not linked.</source>
        <translation>Person %1 på ”%2” är inte kopplad.</translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is no longer linked.</source>
        <translation>Person %1 på ”%2” är inte längre kopplad.</translation>
    </message>
    <message>
        <source>No member &quot;%1&quot; in the last member list; run &quot;sync&quot; or &quot;plan&quot; first if the member is new.</source>
        <translation>Ingen medlem ”%1” i den senaste medlemslistan; kör &quot;sync&quot; eller &quot;plan&quot; först om medlemmen är ny.</translation>
    </message>
    <message>
        <source>The email %1 belongs to %2 members: %3. Give the member number instead.</source>
        <translation>E-postadressen %1 tillhör %2 medlemmar: %3. Ange medlemsnumret i stället.</translation>
    </message>
    <message>
        <source>Suggestion rejected: person %1 on &quot;%2&quot; is not %3.</source>
        <translation>Förslaget avvisat: person %1 på ”%2” är inte %3.</translation>
    </message>
    <message>
        <source>%1 is already linked to person %2 on &quot;%3&quot;; unlink that first.</source>
        <translation>%1 är redan kopplad till person %2 på ”%3”; koppla bort den först.</translation>
    </message>
    <message>
        <source>Person %1 on &quot;%2&quot; is now linked to %3 (%4); the next sync sets their validity.</source>
        <translation>Person %1 på ”%2” är nu kopplad till %3 (%4); nästa synkning sätter giltighetstiden.</translation>
    </message>
    <message>
        <source>Check the Cardskipper account and every door terminal: one read each, no writes.</source>
        <translation>Kontrollera Cardskipper-kontot och alla dörrterminaler: en läsning var, inga skrivningar.</translation>
    </message>
    <message>
        <source>Cardskipper: OK, the account sees %1.</source>
        <translation>Cardskipper: OK, kontot ser %1.</translation>
    </message>
    <message>
        <source>Cardskipper: organisation %1 is not among them; check cardskipper/organisation_id.</source>
        <translation>Cardskipper: förening %1 finns inte bland dem; kontrollera cardskipper/organisation_id.</translation>
    </message>
    <message>
        <source>Cardskipper: %1</source>
        <translation>Cardskipper: %1</translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: OK, %2, firmware %3, serial %4, capacity %5.</source>
        <translation>Dörrterminal ”%1”: OK, %2, firmware %3, serienummer %4, kapacitet %5.</translation>
    </message>
    <message>
        <source>Door terminal &quot;%1&quot;: %2</source>
        <translation>Dörrterminal ”%1”: %2</translation>
    </message>
    <message>
        <source>  Its certificate&apos;s SHA-256 fingerprint is %1; pin it with certificate_sha256 if you trust it.</source>
        <translation>  Certifikatets SHA-256-fingeravtryck är %1; ange det i certificate_sha256 om du litar på det.</translation>
    </message>
    <message>
        <source>card</source>
        <translation>kort</translation>
    </message>
    <message>
        <source>face</source>
        <translation>ansikte</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>fingeravtryck</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>insläppt</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>nekad</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annat</translation>
    </message>
    <message>
        <source>Only events from this day on (YYYY-MM-DD).</source>
        <translation>Bara händelser från och med denna dag (ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>Only events up to and including this day.</source>
        <translation>Bara händelser till och med denna dag.</translation>
    </message>
    <message>
        <source>Only this door terminal (its id).</source>
        <translation>Bara denna dörrterminal (dess id).</translation>
    </message>
    <message>
        <source>Only refused entries.</source>
        <translation>Bara nekade passager.</translation>
    </message>
    <message>
        <source>Write CSV (UTF-8 with BOM, for Excel) to this file.</source>
        <translation>Skriv CSV (UTF-8 med BOM, för Excel) till denna fil.</translation>
    </message>
    <message>
        <source>Show what is stored without asking the doors first.</source>
        <translation>Visa det som är sparat utan att fråga dörrarna först.</translation>
    </message>
    <message>
        <source>Read what is new in the doors&apos; event logs, then show the events, newest first.</source>
        <translation>Läs det som är nytt i dörrarnas händelseloggar och visa sedan händelserna, nyaste först.</translation>
    </message>
    <message>
        <source>Choose --json or --csv, not both.</source>
        <translation>Välj --json eller --csv, inte båda.</translation>
    </message>
    <message>
        <source>--%1 wants a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 vill ha ett datum som ÅÅÅÅ-MM-DD, inte &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No door terminal &quot;%1&quot; in the configuration (%2).</source>
        <translation>Ingen dörrterminal &quot;%1&quot; i konfigurationen (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new event(s)</source>
        <translation>
            <numerusform>%1: %n ny händelse</numerusform>
            <numerusform>%1: %n nya händelser</numerusform>
        </translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>kort %1</translation>
    </message>
    <message>
        <source>event %1/%2</source>
        <translation>händelse %1/%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Dörr</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1</source>
        <translation>
            <numerusform>%n händelse skriven till %1</numerusform>
            <numerusform>%n händelser skrivna till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No events.</source>
        <translation>Inga händelser.</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>medlem %1</translation>
    </message>
    <message>
        <source>First day of the report (YYYY-MM-DD).</source>
        <translation>Rapportens första dag (ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <source>Last day of the report (YYYY-MM-DD).</source>
        <translation>Rapportens sista dag (ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <source>Visits per member and day: the days on which a member was let in at any door, from the doors&apos; event logs.</source>
        <translation>Besök per medlem och dag: de dagar då en medlem släpptes in genom någon dörr, enligt dörrarnas händelseloggar.</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>--%1 måste anges.</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to ligger före --from.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n day(s)</source>
        <translation>
            <numerusform>%1 (%2): %n dag</numerusform>
            <numerusform>%1 (%2): %n dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits from %1 to %2.</source>
        <translation>Inga besök från %1 till %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) by persons not linked to a member are not counted.</source>
        <translation>
            <numerusform>%n passage av personer som inte är kopplade till en medlem räknas inte.</numerusform>
            <numerusform>%n passager av personer som inte är kopplade till en medlem räknas inte.</numerusform>
        </translation>
    </message>
    <message>
        <source>card+face</source>
        <translation>kort+ansikte</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inget</translation>
    </message>
    <message>
        <source>capture, set, remove or list; &quot;card capture --help&quot; lists its options.</source>
        <translation>capture, set, remove eller list; &quot;card capture --help&quot; listar dess alternativ.</translation>
    </message>
    <message>
        <source>The cards given at the desk, kept in the database and written to every door the member is on (and by each sync to a door that could not be reached).
  capture --member N  read a card at a door&apos;s reader and give it to the member
  set --member N --number X  give the member a card by its number
  remove --member N [--number X]  take a card (or every card) from the member
  list [--member N]  the cards given</source>
        <translation>Korten som delats ut i receptionen, sparade i databasen och skrivna till alla dörrar där medlemmen finns (och av varje synkning till en dörr som inte gick att nå).
  capture --member N  läs ett kort i en dörrs läsare och ge det till medlemmen
  set --member N --number X  ge medlemmen ett kort utifrån dess nummer
  remove --member N [--number X]  ta ett kort (eller alla kort) från medlemmen
  list [--member N]  korten som delats ut</translation>
    </message>
    <message>
        <source>Say what to do with the card: capture, set, remove or list.</source>
        <translation>Ange vad som ska göras med kortet: capture, set, remove eller list.</translation>
    </message>
    <message>
        <source>Unknown card command &quot;%1&quot;; use capture, set, remove or list.</source>
        <translation>Okänt kortkommando ”%1”; använd capture, set, remove eller list.</translation>
    </message>
    <message>
        <source>The member&apos;s number in Cardskipper.</source>
        <translation>Medlemmens nummer i Cardskipper.</translation>
    </message>
    <message>
        <source>The door terminal whose reader reads the card (its id; default: the first door the member is on, else the first door).</source>
        <translation>Dörrterminalen vars läsare läser kortet (dess id; standard: den första dörren där medlemmen finns, annars den första dörren).</translation>
    </message>
    <message>
        <source>How long to wait for the card (at most 30 seconds).</source>
        <translation>Hur länge det ska väntas på kortet (högst 30 sekunder).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>sekunder</translation>
    </message>
    <message>
        <source>Read a card at a door terminal&apos;s reader and give it to the member: hold the card to the reader when asked. Ctrl+C cancels.</source>
        <translation>Läs ett kort i en dörrterminals läsare och ge det till medlemmen: håll kortet mot läsaren när det är dags. Ctrl+C avbryter.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Oväntat argument ”%1”.</translation>
    </message>
    <message>
        <source>--seconds must be a number from 1 to 30, not &quot;%1&quot;.</source>
        <translation>--seconds måste vara ett tal från 1 till 30, inte ”%1”.</translation>
    </message>
    <message>
        <source>--member is required: the member&apos;s number in Cardskipper.</source>
        <translation>--member måste anges: medlemmens nummer i Cardskipper.</translation>
    </message>
    <message>
        <source>The door terminal &quot;%1&quot; is turned off in the configuration.</source>
        <translation>Dörrterminalen ”%1” är inte aktiv i konfigurationen.</translation>
    </message>
    <message>
        <source>No door terminal is turned on in the configuration.</source>
        <translation>Ingen dörrterminal är aktiv i konfigurationen.</translation>
    </message>
    <message numerus="yes">
        <source>Hold the card for %1 to the reader of %2: %n second(s) left (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Håll kortet för %1 mot läsaren på %2: %n sekund kvar (Ctrl+C avbryter).</numerusform>
            <numerusform>Håll kortet för %1 mot läsaren på %2: %n sekunder kvar (Ctrl+C avbryter).</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1 to answer (Ctrl+C cancels).</source>
        <translation>Väntar på svar från %1 (Ctrl+C avbryter).</translation>
    </message>
    <message numerus="yes">
        <source>Hold the card for %1 to the reader of %2 within %n second(s) (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Håll kortet för %1 mot läsaren på %2 inom %n sekund (Ctrl+C avbryter).</numerusform>
            <numerusform>Håll kortet för %1 mot läsaren på %2 inom %n sekunder (Ctrl+C avbryter).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no card was given to %1.</source>
        <translation>Avbrutet: inget kort gavs till %1.</translation>
    </message>
    <message>
        <source>No card was given to %1.</source>
        <translation>Inget kort gavs till %1.</translation>
    </message>
    <message>
        <source>Card %1 was read at %2.</source>
        <translation>Kort %1 lästes vid %2.</translation>
    </message>
    <message>
        <source>The card number, as the door terminal reads it (or as a desk reader types it, with the --reader options).</source>
        <translation>Kortnumret som dörrterminalen läser det (eller som en bordsläsare skriver det, med alternativen --reader).</translation>
    </message>
    <message>
        <source>What the desk reader types: hex or decimal (default decimal).</source>
        <translation>Vad bordsläsaren skriver: hex eller decimal (standard decimal).</translation>
    </message>
    <message>
        <source>base</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>The number the door terminal expects: as-typed, decimal or hex (default as-typed).</source>
        <translation>Numret som dörrterminalen förväntar sig: as-typed, decimal eller hex (standard as-typed).</translation>
    </message>
    <message>
        <source>form</source>
        <translation>form</translation>
    </message>
    <message>
        <source>Swap the byte order of the card&apos;s UID before converting it.</source>
        <translation>Vänd på byteordningen i kortets UID innan det konverteras.</translation>
    </message>
    <message>
        <source>Pad the number with zeros on the left to this many digits (0: no padding).</source>
        <translation>Fyll ut numret med nollor till vänster till så här många siffror (0: ingen utfyllnad).</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>siffror</translation>
    </message>
    <message>
        <source>Give the member a card by its number: stored, then written to every door the member is on. A number someone else holds is refused.</source>
        <translation>Ge medlemmen ett kort utifrån dess nummer: det sparas och skrivs sedan till alla dörrar där medlemmen finns. Ett nummer som någon annan redan har nekas.</translation>
    </message>
    <message>
        <source>--number is required: the card&apos;s number.</source>
        <translation>--number måste anges: kortets nummer.</translation>
    </message>
    <message>
        <source>--reader-input must be hex or decimal, not &quot;%1&quot;.</source>
        <translation>--reader-input måste vara hex eller decimal, inte ”%1”.</translation>
    </message>
    <message>
        <source>--reader-output must be as-typed, decimal or hex, not &quot;%1&quot;.</source>
        <translation>--reader-output måste vara as-typed, decimal eller hex, inte ”%1”.</translation>
    </message>
    <message>
        <source>--zero-pad must be a number of digits from 0 to 32, not &quot;%1&quot;.</source>
        <translation>--zero-pad måste vara ett antal siffror från 0 till 32, inte ”%1”.</translation>
    </message>
    <message>
        <source>The reader&apos;s %1 is card number %2 on the door terminals.</source>
        <translation>Läsarens %1 är kortnummer %2 på dörrterminalerna.</translation>
    </message>
    <message>
        <source>The card to take (default: every card of the member).</source>
        <translation>Kortet som ska tas bort (standard: alla medlemmens kort).</translation>
    </message>
    <message>
        <source>Take a card from the member: forgotten here and removed from every door that holds it for the member (now, or by the next syncs); nobody else&apos;s card is touched.</source>
        <translation>Ta ett kort från medlemmen: det glöms här och tas bort från alla dörrar som har det för medlemmen (nu, eller vid kommande synkningar); ingen annans kort rörs.</translation>
    </message>
    <message>
        <source>--number must not be empty.</source>
        <translation>--number får inte vara tomt.</translation>
    </message>
    <message>
        <source>%1 has no card %2; &quot;card list --member %3&quot; shows their cards.</source>
        <translation>%1 har inget kort %2; &quot;card list --member %3&quot; visar medlemmens kort.</translation>
    </message>
    <message>
        <source>%1 has no cards.</source>
        <translation>%1 har inga kort.</translation>
    </message>
    <message>
        <source>Only this member&apos;s cards (their number in Cardskipper).</source>
        <translation>Bara den här medlemmens kort (medlemmens nummer i Cardskipper).</translation>
    </message>
    <message>
        <source>List the cards given at the desk, as stored in the database: number, member, when and by whom.</source>
        <translation>Lista korten som delats ut i receptionen, som de är sparade i databasen: nummer, medlem, när och av vem.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Medlemsnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tillagt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>No cards.</source>
        <translation>Inga kort.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Totalt: %1</translation>
    </message>
    <message>
        <source>Only members with a valid membership who hold no card and no face on a door.</source>
        <translation>Bara medlemmar med giltigt medlemskap som saknar både kort och ansikte på en dörr.</translation>
    </message>
    <message>
        <source>Show each member&apos;s person on every door with the cards and faces the terminal holds for it (as last read), whether the membership lets them in now, and the cards given at the desk. Asks no door: &quot;sync --full&quot; reads them again.</source>
        <translation>Visa varje medlems person på alla dörrar med de kort och ansikten som terminalen har för personen (enligt senaste läsning), om medlemskapet släpper in medlemmen nu, och korten som delats ut i receptionen. Frågar inte dörrarna: &quot;sync --full&quot; läser in dem igen.</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Ansikten</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Kort/ansikte</translation>
    </message>
    <message>
        <source>Valid now</source>
        <translation>Giltig nu</translation>
    </message>
    <message>
        <source>Cards given</source>
        <translation>Utdelade kort</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>No member has a person on the doors yet; run &quot;sync&quot; first.</source>
        <translation>Ingen medlem har någon person på dörrarna än; kör &quot;sync&quot; först.</translation>
    </message>
    <message>
        <source>Every member with a valid membership holds a card or a face on each door.</source>
        <translation>Alla medlemmar med giltigt medlemskap har ett kort eller ett ansikte på varje dörr.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) with a valid membership hold no card and no face on a door.</source>
        <translation>
            <numerusform>%n medlem med giltigt medlemskap saknar både kort och ansikte på en dörr.</numerusform>
            <numerusform>%n medlemmar med giltigt medlemskap saknar både kort och ansikte på en dörr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) whose cards and faces the terminal did not report (shown as ?); &quot;sync --full&quot; reads them again.</source>
        <translation>
            <numerusform>%n person vars kort och ansikten terminalen inte rapporterade (visas som ?); &quot;sync --full&quot; läser in dem igen.</numerusform>
            <numerusform>%n personer vars kort och ansikten terminalen inte rapporterade (visas som ?); &quot;sync --full&quot; läser in dem igen.</numerusform>
        </translation>
    </message>
    <message>
        <source>--member wants the member&apos;s number in Cardskipper (like 1001), not &quot;%1&quot;.</source>
        <translation>--member vill ha medlemmens nummer i Cardskipper (t.ex. 1001), inte ”%1”.</translation>
    </message>
    <message>
        <source>No member %1 in organisation %2 in the last member list; run &quot;sync&quot; or &quot;plan&quot; first if the member is new.</source>
        <translation>Ingen medlem %1 i förening %2 i den senaste medlemslistan; kör &quot;sync&quot; eller &quot;plan&quot; först om medlemmen är ny.</translation>
    </message>
    <message>
        <source>set, capture or remove; &quot;face set --help&quot; lists its options.</source>
        <translation>set, capture eller remove; &quot;face set --help&quot; listar dess alternativ.</translation>
    </message>
    <message>
        <source>The member&apos;s face, written to every door the member is on that has a face library (and copied by each sync to a door that lacks it). The picture is biometric data: it is kept on the doors only, never in the database or a file.
  set --member N --photo FILE  give the member the face in a photo
  capture --member N [--device ID]  take the photo with a door&apos;s camera
  remove --member N  remove the member&apos;s face from every door</source>
        <translation>Medlemmens ansikte, skrivet till alla dörrar där medlemmen finns och som har ett ansiktsbibliotek (och kopierat av varje synkning till en dörr som saknar det). Bilden är biometriska uppgifter: den finns bara på dörrarna, aldrig i databasen eller i en fil.
  set --member N --photo FIL  lägg in medlemmens ansikte från ett foto
  capture --member N [--device ID]  ta fotot med en dörrs kamera
  remove --member N  ta bort medlemmens ansikte från alla dörrar</translation>
    </message>
    <message>
        <source>Say what to do with the face: set, capture or remove.</source>
        <translation>Ange vad som ska göras med ansiktet: set, capture eller remove.</translation>
    </message>
    <message>
        <source>Unknown face command &quot;%1&quot;; use set, capture or remove.</source>
        <translation>Okänt ansiktskommando ”%1”; använd set, capture eller remove.</translation>
    </message>
    <message>
        <source>The photo: a JPEG or PNG file, at least 400 pixels wide and high, of the member alone, front-facing and well lit.</source>
        <translation>Fotot: en JPEG- eller PNG-fil, minst 400 pixlar bred och hög, med bara medlemmen, rakt framifrån och välbelyst.</translation>
    </message>
    <message>
        <source>Give the member the face in a photo (JPEG or PNG, turned upright by its EXIF orientation). The command line cannot frame it: the centre square is used; use the desktop app to frame it yourself. It is made into a JPEG the terminals accept and written to every door the member is on that has a face library; nothing of the photo is stored or written anywhere else.</source>
        <translation>Lägg in medlemmens ansikte från ett foto (JPEG eller PNG, vänt rätt enligt sin EXIF-orientering). Kommandoraden kan inte rama in det: kvadraten i mitten används; använd skrivbordsappen för att rama in det själv. Fotot görs om till en JPEG som terminalerna godtar och skrivs till alla dörrar där medlemmen finns och som har ett ansiktsbibliotek; inget av fotot sparas eller skrivs någon annanstans.</translation>
    </message>
    <message>
        <source>--photo is required: the photo file (JPEG or PNG).</source>
        <translation>--photo måste anges: fotofilen (JPEG eller PNG).</translation>
    </message>
    <message>
        <source>The photo &quot;%1&quot; cannot be used: %2</source>
        <translation>Fotot ”%1” kan inte användas: %2</translation>
    </message>
    <message>
        <source>The door terminal whose camera takes the photo (its id; default: the first door the member is on).</source>
        <translation>Dörrterminalen vars kamera tar fotot (dess id; standard: den första dörren där medlemmen finns).</translation>
    </message>
    <message>
        <source>How long to wait for a face in front of the camera (1 to 60 seconds).</source>
        <translation>Hur länge det ska väntas på ett ansikte framför kameran (1 till 60 sekunder).</translation>
    </message>
    <message>
        <source>Take the member&apos;s face photo with a door terminal&apos;s camera: the member looks into it when asked. The door keeps the face and it is copied to the member&apos;s other doors. Ctrl+C cancels.</source>
        <translation>Ta medlemmens ansiktsfoto med en dörrterminals kamera: medlemmen tittar in i kameran när det är dags. Dörren behåller ansiktet och det kopieras till medlemmens övriga dörrar. Ctrl+C avbryter.</translation>
    </message>
    <message>
        <source>--seconds must be a number from 1 to 60, not &quot;%1&quot;.</source>
        <translation>--seconds måste vara ett tal från 1 till 60, inte ”%1”.</translation>
    </message>
    <message>
        <source>%1 is not on any door yet: the face can be taken once the member is on one (run &quot;sync&quot;).</source>
        <translation>%1 finns inte på någon dörr än: ansiktet kan tas när medlemmen finns på en (kör &quot;sync&quot;).</translation>
    </message>
    <message>
        <source>No face was taken for %1.</source>
        <translation>Inget ansikte togs för %1.</translation>
    </message>
    <message>
        <source>Look into the camera of %1: %2 % (Ctrl+C cancels).</source>
        <translation>Titta in i kameran på %1: %2 % (Ctrl+C avbryter).</translation>
    </message>
    <message numerus="yes">
        <source>Taking the face photo of %1 at %2: look into its camera within %n second(s) (Ctrl+C cancels).</source>
        <translation>
            <numerusform>Tar ansiktsfotot av %1 vid %2: titta in i dess kamera inom %n sekund (Ctrl+C avbryter).</numerusform>
            <numerusform>Tar ansiktsfotot av %1 vid %2: titta in i dess kamera inom %n sekunder (Ctrl+C avbryter).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no face was taken for %1.</source>
        <translation>Avbrutet: inget ansikte togs för %1.</translation>
    </message>
    <message>
        <source>Remove the member&apos;s face from every door (now, or by the next syncs where a door cannot be reached); until each has, no door copies it to another.</source>
        <translation>Ta bort medlemmens ansikte från alla dörrar (nu, eller vid kommande synkningar där en dörr inte kan nås); tills alla dörrar har tagit bort det kopierar ingen dörr det till en annan.</translation>
    </message>
</context>
<context>
    <name>cis::EventReader</name>
    <message>
        <source>the door&apos;s settings changed while its events were read</source>
        <translation>dörrens inställningar ändrades medan dess händelser lästes</translation>
    </message>
    <message>
        <source>its event log no longer holds event %1, the last one read (a factory reset, another terminal, or more events than it keeps since the last poll)</source>
        <translation>dess händelselogg har inte längre händelse %1, den senast lästa (en fabriksåterställning, en annan terminal eller fler händelser än den sparar sedan förra läsningen)</translation>
    </message>
    <message>
        <source>its event %1 is not the one read before (a factory reset or another terminal)</source>
        <translation>dess händelse %1 är inte den som lästes förut (en fabriksåterställning eller en annan terminal)</translation>
    </message>
    <message>
        <source>the events could not be stored</source>
        <translation>händelserna kunde inte sparas</translation>
    </message>
    <message>
        <source>where the reading stands could not be stored</source>
        <translation>var läsningen står kunde inte sparas</translation>
    </message>
    <message>
        <source>Door %1: %2; its events are read again from the start.</source>
        <translation>Dörr %1: %2; dess händelser läses om från början.</translation>
    </message>
    <message>
        <source>Door %1: its events could not be read: %2</source>
        <translation>Dörr %1: dess händelser kunde inte läsas: %2</translation>
    </message>
    <message numerus="yes">
        <source>Door %1: its clock is %n minute(s) ahead of this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</source>
        <translation>
            <numerusform>Dörr %1: dess klocka går %n minut före den här datorns. Ställ in tiden (NTP) i iVMS-4200 eller på dess webbsida: passager kontrolleras mot den.</numerusform>
            <numerusform>Dörr %1: dess klocka går %n minuter före den här datorns. Ställ in tiden (NTP) i iVMS-4200 eller på dess webbsida: passager kontrolleras mot den.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Door %1: its clock is %n minute(s) behind this computer&apos;s. Set its time (NTP) in iVMS-4200 or its web page: entries are checked against it.</source>
        <translation>
            <numerusform>Dörr %1: dess klocka går %n minut efter den här datorns. Ställ in tiden (NTP) i iVMS-4200 eller på dess webbsida: passager kontrolleras mot den.</numerusform>
            <numerusform>Dörr %1: dess klocka går %n minuter efter den här datorns. Ställ in tiden (NTP) i iVMS-4200 eller på dess webbsida: passager kontrolleras mot den.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::HikvisionClient</name>
    <message>
        <source>it said MORE but sent nothing at position %1 of %2</source>
        <translation>den svarade MORE men skickade inget vid position %1 av %2</translation>
    </message>
    <message>
        <source>it kept saying MORE after %1 pages</source>
        <translation>den fortsatte att svara MORE efter %1 sidor</translation>
    </message>
    <message>
        <source>the request body is empty</source>
        <translation>anropets innehåll är tomt</translation>
    </message>
    <message>
        <source>no ResponseStatus confirming the change</source>
        <translation>ingen ResponseStatus som bekräftar ändringen</translation>
    </message>
    <message>
        <source>%1 of %2 had been deleted before this batch failed</source>
        <translation>%1 av %2 hade tagits bort innan den här omgången misslyckades</translation>
    </message>
    <message>
        <source>the terminal answered invalidOperation to a fresh login</source>
        <translation>terminalen svarade invalidOperation på en ny inloggning</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a picture address of the terminal</source>
        <translation>&quot;%1&quot; är ingen bildadress på terminalen</translation>
    </message>
    <message>
        <source>the answer is not a JPEG picture</source>
        <translation>svaret är ingen JPEG-bild</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <source>the employee number is empty</source>
        <translation>anställningsnumret är tomt</translation>
    </message>
    <message>
        <source>it answered with the face of %1 instead</source>
        <translation>den svarade med ansiktet för %1 i stället</translation>
    </message>
    <message numerus="yes">
        <source>no face was captured within %n second(s)</source>
        <translation>
            <numerusform>inget ansikte fångades inom %n sekund</numerusform>
            <numerusform>inget ansikte fångades inom %n sekunder</numerusform>
        </translation>
    </message>
    <message>
        <source>captureProgress 100 without a faceDataUrl</source>
        <translation>captureProgress 100 utan faceDataUrl</translation>
    </message>
</context>
<context>
    <name>cis::HttpExchange</name>
    <message>
        <source>No answer within %1 seconds.</source>
        <translation>Inget svar inom %1 sekunder.</translation>
    </message>
    <message>
        <source>This computer has no TLS support for HTTPS.</source>
        <translation>Den här datorn saknar TLS-stöd för HTTPS.</translation>
    </message>
    <message>
        <source>The connection was closed before any answer came.</source>
        <translation>Anslutningen stängdes innan något svar kom.</translation>
    </message>
    <message>
        <source>The connection was closed in the middle of the answer.</source>
        <translation>Anslutningen stängdes mitt i svaret.</translation>
    </message>
    <message>
        <source>The answer&apos;s headers are too long.</source>
        <translation>Svarets huvudrader är för långa.</translation>
    </message>
    <message>
        <source>The answer is not HTTP: %1</source>
        <translation>Svaret är inte HTTP: %1</translation>
    </message>
    <message>
        <source>The answer has a header line that cannot be read.</source>
        <translation>Svaret har en huvudrad som inte går att läsa.</translation>
    </message>
    <message>
        <source>The terminal switched protocols.</source>
        <translation>Terminalen bytte protokoll.</translation>
    </message>
    <message>
        <source>A chunk of the answer does not end properly.</source>
        <translation>En del av svaret slutar inte korrekt.</translation>
    </message>
    <message>
        <source>A chunk size of the answer is too long.</source>
        <translation>En delstorlek i svaret är för lång.</translation>
    </message>
    <message>
        <source>A chunk size of the answer cannot be read: %1</source>
        <translation>En delstorlek i svaret går inte att läsa: %1</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MB.</source>
        <translation>Svaret är större än %1 MB.</translation>
    </message>
    <message>
        <source>The answer&apos;s length cannot be read: %1</source>
        <translation>Svarets längd går inte att läsa: %1</translation>
    </message>
</context>
<context>
    <name>cis::SyncEngine</name>
    <message>
        <source>Interrupted: the program stopped before this run finished.</source>
        <translation>Avbruten: programmet stängdes innan körningen var klar.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier run(s) were interrupted (the program stopped during them); their unfinished writes are checked on the door now.</source>
        <translation>
            <numerusform>%n tidigare körning avbröts (programmet stängdes under den); dess oavslutade skrivningar kontrolleras på dörren nu.</numerusform>
            <numerusform>%n tidigare körningar avbröts (programmet stängdes under dem); deras oavslutade skrivningar kontrolleras på dörren nu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview started.</source>
        <translation>Förhandsgranskning startad.</translation>
    </message>
    <message>
        <source>Full reconcile started.</source>
        <translation>Fullständig avstämning startad.</translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation>Synkning startad.</translation>
    </message>
    <message>
        <source>No member list, so no door was changed: %1</source>
        <translation>Ingen medlemslista, så ingen dörr ändrades: %1</translation>
    </message>
    <message>
        <source>Cardskipper returned no members for organisation %1 (last time %2); nothing was changed.</source>
        <translation>Cardskipper returnerade inga medlemmar för förening %1 (förra gången %2); inget ändrades.</translation>
    </message>
    <message>
        <source>Cardskipper returned %1 members, fewer than %2 % of the %3 last time; nothing was changed.</source>
        <translation>Cardskipper returnerade %1 medlemmar, färre än %2 % av de %3 som kom förra gången; inget ändrades.</translation>
    </message>
    <message>
        <source>interrupted before the device answered; the device was read back and the next plan repairs it</source>
        <translation>avbröts innan terminalen svarade; terminalen lästes in igen och nästa plan rättar det</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: held back: %2</source>
        <translation>%1: hålls tillbaka: %2</translation>
    </message>
    <message>
        <source>not a write</source>
        <translation>inte en skrivning</translation>
    </message>
    <message>
        <source>%1 was no longer on the device.</source>
        <translation>%1 fanns inte längre på terminalen.</translation>
    </message>
    <message>
        <source>employeeNo %1 is already used on the device by &quot;%2&quot;; it was left alone. Link it to the member or change its employeeNo.</source>
        <translation>Anställningsnr %1 används redan på terminalen av ”%2”; personen lämnades orörd. Koppla personen till medlemmen eller ändra dess anställningsnr.</translation>
    </message>
    <message>
        <source>%1; trying again in %2 s.</source>
        <translation>%1; försöker igen om %2 s.</translation>
    </message>
    <message>
        <source>created</source>
        <translation>skapades</translation>
    </message>
    <message>
        <source>access ended</source>
        <translation>fick behörigheten indragen</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>togs bort</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>bytte namn</translation>
    </message>
    <message>
        <source>validity updated</source>
        <translation>fick ny giltighetstid</translation>
    </message>
    <message>
        <source> (valid %1 – %2)</source>
        <translation> (giltig %1 – %2)</translation>
    </message>
    <message>
        <source>%1: %2 %3%4.</source>
        <translation>%1: %2 %3%4.</translation>
    </message>
    <message>
        <source>%1: %2 could not be written: %3</source>
        <translation>%1: %2 kunde inte skrivas: %3</translation>
    </message>
    <message>
        <source>%1: in sync, nothing to write.</source>
        <translation>%1: synkad, inget att skriva.</translation>
    </message>
    <message numerus="yes">
        <source>%1: checking %n write(s) that an earlier run left unfinished.</source>
        <translation>
            <numerusform>%1: kontrollerar %n skrivning som en tidigare körning lämnade ofullbordad.</numerusform>
            <numerusform>%1: kontrollerar %n skrivningar som en tidigare körning lämnade ofullbordade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n change(s) written.</source>
        <translation>
            <numerusform>%1: %n ändring skrevs.</numerusform>
            <numerusform>%1: %n ändringar skrevs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: the run ended before this write.</source>
        <translation>Inte skickad: körningen avslutades före den här ändringen.</translation>
    </message>
    <message>
        <source>Not sent: %1 is full. Remove persons on the terminal or raise its capacity.</source>
        <translation>Inte skickad: %1 är full. Ta bort personer i terminalen eller höj dess kapacitet.</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> och %n till</numerusform>
            <numerusform> och %n till</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is full: %n member(s) could not be added: %2.</source>
        <translation>
            <numerusform>%1 är full: %n medlem kunde inte läggas till: %2.</numerusform>
            <numerusform>%1 är full: %n medlemmar kunde inte läggas till: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 gave no answer for %n second(s); the sync of this door was stopped and continues at the next run.</source>
        <translation>
            <numerusform>%1 svarade inte på %n sekund; synkroniseringen av den här dörren avbröts och fortsätter vid nästa körning.</numerusform>
            <numerusform>%1 svarade inte på %n sekunder; synkroniseringen av den här dörren avbröts och fortsätter vid nästa körning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cardskipper gave no answer for %n second(s); no door was changed.</source>
        <translation>
            <numerusform>Cardskipper svarade inte på %n sekund; ingen dörr ändrades.</numerusform>
            <numerusform>Cardskipper svarade inte på %n sekunder; ingen dörr ändrades.</numerusform>
        </translation>
    </message>
    <message>
        <source>the device already has employeeNo %1, and looking it up failed: %2</source>
        <translation>enheten har redan employeeNo %1, och det gick inte att slå upp personen: %2</translation>
    </message>
    <message>
        <source>No member list (Cardskipper gave no answer): this door was not changed.</source>
        <translation>Ingen medlemslista (Cardskipper svarade inte): dörren ändrades inte.</translation>
    </message>
    <message>
        <source>Stopped before the member list arrived: this door was not changed.</source>
        <translation>Stoppad innan medlemslistan kom: dörren ändrades inte.</translation>
    </message>
    <message>
        <source>Stopped before this door was changed.</source>
        <translation>Stoppad innan dörren ändrades.</translation>
    </message>
    <message>
        <source>No member list (%1): this door was not changed.</source>
        <translation>Ingen medlemslista (%1): dörren ändrades inte.</translation>
    </message>
    <message>
        <source>The member list was held back by the guard: this door was not changed.</source>
        <translation>Medlemslistan hölls tillbaka av skyddet: dörren ändrades inte.</translation>
    </message>
    <message>
        <source>Stopped before this door was started.</source>
        <translation>Stoppad innan dörren påbörjades.</translation>
    </message>
    <message>
        <source>%1: whether %2 was written is not known (%3); the next run reads it back from the door.</source>
        <translation>%1: det är okänt om %2 skrevs (%3); nästa körning läser tillbaka det från dörren.</translation>
    </message>
    <message>
        <source>%1: the answer was unclear (%2); read back from the door, the change is there.</source>
        <translation>%1: svaret var otydligt (%2); enligt dörren själv är ändringen gjord.</translation>
    </message>
    <message>
        <source>%1 was refused at %2 at %3 although their membership is valid: %4</source>
        <translation>%1 nekades vid %2 kl. %3 trots giltigt medlemskap: %4</translation>
    </message>
    <message>
        <source>The door terminal &quot;%1&quot; is no longer configured.</source>
        <translation>Dörrterminalen &quot;%1&quot; finns inte längre i inställningarna.</translation>
    </message>
    <message>
        <source>%1 cannot read a card for enrolment (it says isSupportCaptureCardInfo is false). Type the number, or use a desk reader.</source>
        <translation>%1 kan inte läsa in kort för registrering (den anger att isSupportCaptureCardInfo är false). Skriv in numret eller använd en bordsläsare.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbrutet.</translation>
    </message>
    <message numerus="yes">
        <source>No card was held to the reader of %1 within %n second(s).</source>
        <translation>
            <numerusform>Inget kort hölls mot läsaren på %1 inom %n sekund.</numerusform>
            <numerusform>Inget kort hölls mot läsaren på %1 inom %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot read a card for enrolment (%2). Type the number, or use a desk reader.</source>
        <translation>%1 kan inte läsa in kort för registrering (%2). Skriv in numret eller använd en bordsläsare.</translation>
    </message>
    <message>
        <source>%1: card %2 belongs to person %3 there, not to %4; it was left alone.</source>
        <translation>%1: kort %2 tillhör person %3 där, inte %4; det lämnades orört.</translation>
    </message>
    <message>
        <source>%1: %2 is not on this door yet; the card is written once the member is.</source>
        <translation>%1: %2 finns inte på den här dörren än; kortet skrivs när medlemmen finns där.</translation>
    </message>
    <message>
        <source>another person</source>
        <translation>en annan person</translation>
    </message>
    <message>
        <source>%1: card %2 is already held by %3; it was not given to %4.</source>
        <translation>%1: kort %2 innehas redan av %3; det gavs inte till %4.</translation>
    </message>
    <message>
        <source>%1 already has card %2.</source>
        <translation>%1 har redan kort %2.</translation>
    </message>
    <message>
        <source>Card %1 belongs to %2; take it from them first.</source>
        <translation>Kort %1 tillhör %2; ta först bort det därifrån.</translation>
    </message>
    <message>
        <source>Card %1 is already held by %2 on %3.</source>
        <translation>Kort %1 innehas redan av %2 på %3.</translation>
    </message>
    <message>
        <source>Card %1 could not be stored in the database.</source>
        <translation>Kort %1 kunde inte sparas i databasen.</translation>
    </message>
    <message>
        <source>Card %1 given to %2.</source>
        <translation>Kort %1 har getts till %2.</translation>
    </message>
    <message>
        <source>%1 has no card %2.</source>
        <translation>%1 har inget kort %2.</translation>
    </message>
    <message>
        <source>Card %1 could not be removed from the database.</source>
        <translation>Kort %1 kunde inte tas bort från databasen.</translation>
    </message>
    <message>
        <source>Card %1 taken from %2.</source>
        <translation>Kort %1 har tagits från %2.</translation>
    </message>
    <message>
        <source>Card %1 was taken from %2; no door has them now.</source>
        <translation>Kort %1 har tagits från %2; medlemmen finns inte på någon dörr nu.</translation>
    </message>
    <message>
        <source>Card %1 is stored for %2 and will be written to each door once the member is on it.</source>
        <translation>Kort %1 är sparat för %2 och skrivs till varje dörr när medlemmen finns på den.</translation>
    </message>
    <message>
        <source>Card %1 removed from %2 on: %3.</source>
        <translation>Kort %1 borttaget från %2 på: %3.</translation>
    </message>
    <message>
        <source>Card %1 added for %2 on: %3.</source>
        <translation>Kort %1 tillagt för %2 på: %3.</translation>
    </message>
    <message>
        <source>Not reachable now, done by the next sync: %1.</source>
        <translation>Nås inte nu, görs vid nästa synkning: %1.</translation>
    </message>
    <message>
        <source>%1: the credentials of new persons could not be read (%2); they are read again next time.</source>
        <translation>%1: nya personers kort och ansikten kunde inte läsas (%2); de läses igen nästa gång.</translation>
    </message>
    <message>
        <source>%1: the persons&apos; cards could not be read (%2); they are checked again next time.</source>
        <translation>%1: personernas kort kunde inte läsas (%2); de kontrolleras igen nästa gång.</translation>
    </message>
    <message>
        <source>%1: the face of %2 could not be removed before the person was deleted: %3</source>
        <translation>%1: ansiktet för %2 kunde inte tas bort innan personen togs bort: %3</translation>
    </message>
    <message>
        <source>%1: the cards of %2 could not be removed before the person was deleted: %3</source>
        <translation>%1: korten för %2 kunde inte tas bort innan personen togs bort: %3</translation>
    </message>
    <message>
        <source>%1 has no face library that this program can reach (the terminal answers no /ISAPI/Intelligent/FDLib). Enrol faces there with iVMS-4200.</source>
        <translation>%1 har inget ansiktsbibliotek som det här programmet kan nå (terminalen svarar inte på /ISAPI/Intelligent/FDLib). Registrera ansikten där med iVMS-4200.</translation>
    </message>
    <message>
        <source>%1: the face of %2 was not written: %3</source>
        <translation>%1: ansiktet för %2 skrevs inte: %3</translation>
    </message>
    <message>
        <source>%1 is not on any door yet: the face can be set once the member is on one.</source>
        <translation>%1 finns inte på någon dörr än: ansiktet kan läggas in när medlemmen finns på en.</translation>
    </message>
    <message>
        <source>Face of %1 set on: %2.</source>
        <translation>Ansiktet för %1 inlagt på: %2.</translation>
    </message>
    <message>
        <source>No face library reachable on: %1 (enrol there with iVMS-4200).</source>
        <translation>Inget nåbart ansiktsbibliotek på: %1 (registrera där med iVMS-4200).</translation>
    </message>
    <message>
        <source>Not reachable now, copied by the next sync: %1.</source>
        <translation>Nås inte nu, kopieras vid nästa synkning: %1.</translation>
    </message>
    <message>
        <source>A face photo is written for %1.</source>
        <translation>Ett ansiktsfoto skrivs för %1.</translation>
    </message>
    <message>
        <source>the door has no face for this person</source>
        <translation>dörren har inget ansikte för den här personen</translation>
    </message>
    <message>
        <source>%1 is not on %2 yet: a photo can be taken there once the member is.</source>
        <translation>%1 finns inte på %2 än: ett foto kan tas där när medlemmen finns där.</translation>
    </message>
    <message>
        <source>%1 has no face library that this program can reach; take the photo there with iVMS-4200.</source>
        <translation>%1 har inget ansiktsbibliotek som det här programmet kan nå; ta fotot där med iVMS-4200.</translation>
    </message>
    <message numerus="yes">
        <source>%1 saw no face within %n second(s): the member should look straight into its camera.</source>
        <translation>
            <numerusform>%1 såg inget ansikte inom %n sekund: medlemmen ska titta rakt in i dess kamera.</numerusform>
            <numerusform>%1 såg inget ansikte inom %n sekunder: medlemmen ska titta rakt in i dess kamera.</numerusform>
        </translation>
    </message>
    <message>
        <source>Face of %1 taken at %2.</source>
        <translation>Ansiktet för %1 fotograferat vid %2.</translation>
    </message>
    <message>
        <source>The next sync copies it to the other doors.</source>
        <translation>Nästa synkning kopierar det till de andra dörrarna.</translation>
    </message>
    <message>
        <source>%1: the photo was taken but not kept: %2</source>
        <translation>%1: fotot togs men behölls inte: %2</translation>
    </message>
    <message>
        <source>The face removal could not be stored in the database.</source>
        <translation>Borttagningen av ansiktet kunde inte sparas i databasen.</translation>
    </message>
    <message>
        <source>The face of %1 is removed.</source>
        <translation>Ansiktet för %1 är borttaget.</translation>
    </message>
    <message>
        <source>%1 has no face library this program can reach: remove the face there with iVMS-4200.</source>
        <translation>%1 har inget ansiktsbibliotek som det här programmet kan nå: ta bort ansiktet där med iVMS-4200.</translation>
    </message>
    <message>
        <source>%1 is not on any door: there is no face to remove.</source>
        <translation>%1 finns inte på någon dörr: det finns inget ansikte att ta bort.</translation>
    </message>
    <message>
        <source>Face of %1 removed from: %2.</source>
        <translation>Ansiktet för %1 borttaget från: %2.</translation>
    </message>
    <message>
        <source>Not reachable now, removed by the next sync: %1.</source>
        <translation>Nås inte nu, tas bort vid nästa synkning: %1.</translation>
    </message>
    <message>
        <source>%1: the face of %2 could not be copied from %3 (%4); tried again next time.</source>
        <translation>%1: ansiktet för %2 kunde inte kopieras från %3 (%4); nytt försök görs nästa gång.</translation>
    </message>
</context>
<context>
    <name>cis::gui::ActivityPanel</name>
    <message>
        <source>Refused only</source>
        <translation>Bara nekade</translation>
    </message>
    <message>
        <source>All doors</source>
        <translation>Alla dörrar</translation>
    </message>
    <message>
        <source>Show the events of one door only</source>
        <translation>Visa bara en dörrs händelser</translation>
    </message>
    <message>
        <source>From this day</source>
        <translation>Från och med denna dag</translation>
    </message>
    <message>
        <source>Up to and including this day</source>
        <translation>Till och med denna dag</translation>
    </message>
    <message>
        <source>Search person, member or card</source>
        <translation>Sök person, medlem eller kort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Dörr</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Ansikte</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <source>Came in</source>
        <translation>Kom in</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Nekad</translation>
    </message>
    <message>
        <source>Door event</source>
        <translation>Dörrhändelse</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>kort %1</translation>
    </message>
    <message>
        <source>event %1/%2</source>
        <translation>händelse %1/%2</translation>
    </message>
    <message>
        <source>Cardskipper says this member may enter, but the door refused: the sync may have failed, or the person has no card or face on the door.</source>
        <translation>Enligt Cardskipper får medlemmen komma in, men dörren nekade: synkningen kan ha misslyckats, eller så har personen inget kort eller ansikte i dörren.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s); %1 refused with a valid membership</source>
        <translation>
            <numerusform>%n händelse; %1 nekade med giltigt medlemskap</numerusform>
            <numerusform>%n händelser; %1 nekade med giltigt medlemskap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n händelse</numerusform>
            <numerusform>%n händelser</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the door&apos;s &amp;photo…</source>
        <translation>Visa dörrens &amp;foto…</translation>
    </message>
    <message>
        <source>The picture the door took of this event, fetched from the door and not saved</source>
        <translation>Bilden som dörren tog vid händelsen, hämtad från dörren och inte sparad</translation>
    </message>
    <message>
        <source>an unknown person</source>
        <translation>en okänd person</translation>
    </message>
    <message>
        <source>%1 at %2, %3: %4</source>
        <translation>%1 vid %2, %3: %4</translation>
    </message>
    <message>
        <source>&amp;Visits report…</source>
        <translation>&amp;Besöksrapport…</translation>
    </message>
    <message>
        <source>Visits per member and day for these days (and this door), as a CSV file for Excel</source>
        <translation>Besök per medlem och dag för de här dagarna (och den här dörren), som CSV-fil för Excel</translation>
    </message>
    <message>
        <source>visits-%1-%2.csv</source>
        <translation>besok-%1-%2.csv</translation>
    </message>
    <message>
        <source>Save the visits report</source>
        <translation>Spara besöksrapporten</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>The visits report could not be written to %1: %2</source>
        <translation>Besöksrapporten kunde inte skrivas till %1: %2</translation>
    </message>
    <message>
        <source>Visits report</source>
        <translation>Besöksrapport</translation>
    </message>
    <message numerus="yes">
        <source>Visits of %n member(s) written to %1</source>
        <translation>
            <numerusform>Besök för %n medlem skrivna till %1</numerusform>
            <numerusform>Besök för %n medlemmar skrivna till %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cis::gui::CredentialsDialog</name>
    <message>
        <source>Cards and face: %1</source>
        <translation>Kort och ansikte: %1</translation>
    </message>
    <message>
        <source>Decimal digits</source>
        <translation>Decimala siffror</translation>
    </message>
    <message>
        <source>Hexadecimal</source>
        <translation>Hexadecimalt</translation>
    </message>
    <message>
        <source>The same as typed</source>
        <translation>Samma som inskrivet</translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation>Decimalt</translation>
    </message>
    <message>
        <source>Removing card %1…</source>
        <translation>Tar bort kort %1…</translation>
    </message>
    <message>
        <source>Face photo of %1</source>
        <translation>Ansiktsfoto av %1</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foton (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Look straight into the camera of %1: %p %</source>
        <translation>Titta rakt in i kameran på %1: %p %</translation>
    </message>
    <message>
        <source>%1 is taking the photo…</source>
        <translation>%1 tar fotot…</translation>
    </message>
    <message>
        <source>Removing the face…</source>
        <translation>Tar bort ansiktet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not on any door yet. Cards given now are written to each door once the member is on it.</source>
        <translation>%1 finns inte på någon dörr än. Kort som delas ut nu skrivs till varje dörr när medlemmen finns på den.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is on %n door(s). %2.</source>
        <translation>
            <numerusform>%1 finns på %n dörr. %2.</numerusform>
            <numerusform>%1 finns på %n dörrar. %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the face photo to the doors…</source>
        <translation>Skriver ansiktsfotot till dörrarna…</translation>
    </message>
    <message>
        <source>A face can be set once the member is on a door.</source>
        <translation>Ett ansikte kan läggas in när medlemmen finns på en dörr.</translation>
    </message>
    <message>
        <source>Face on: %1.</source>
        <translation>Ansikte på: %1.</translation>
    </message>
    <message>
        <source>No face on: %1.</source>
        <translation>Inget ansikte på: %1.</translation>
    </message>
    <message>
        <source>%1 (given %2)</source>
        <translation>%1 (utdelat %2)</translation>
    </message>
    <message>
        <source>No card yet</source>
        <translation>Inget kort än</translation>
    </message>
    <message>
        <source>The door read card %1; adding it…</source>
        <translation>Dörren läste kort %1; lägger till det…</translation>
    </message>
    <message numerus="yes">
        <source>Hold the card to the reader of %1: %n second(s) left</source>
        <translation>
            <numerusform>Håll kortet mot läsaren på %1: %n sekund kvar</numerusform>
            <numerusform>Håll kortet mot läsaren på %1: %n sekunder kvar</numerusform>
        </translation>
    </message>
    <message>
        <source>(type or scan a number)</source>
        <translation>(skriv in eller skanna ett nummer)</translation>
    </message>
    <message>
        <source>Adding card %1…</source>
        <translation>Lägger till kort %1…</translation>
    </message>
    <message>
        <source>The door&apos;s own reader reads the card, so the number is exactly the one it will recognise later</source>
        <translation>Dörrens egen läsare läser kortet, så numret blir exakt det som dörren känner igen senare</translation>
    </message>
    <message>
        <source>The member is not on any door yet</source>
        <translation>Medlemmen finns inte på någon dörr än</translation>
    </message>
    <message>
        <source>The door chosen above takes the photo with its own camera; the member looks straight into it</source>
        <translation>Dörren som är vald ovan tar fotot med sin egen kamera; medlemmen tittar rakt in i den</translation>
    </message>
</context>
<context>
    <name>cis::gui::DemoEnvironment</name>
    <message>
        <source>Cannot create a temporary folder for the demo database.</source>
        <translation>Kan inte skapa en tillfällig mapp för demodatabasen.</translation>
    </message>
    <message>
        <source>Cannot start the simulators on 127.0.0.1.</source>
        <translation>Kan inte starta simulatorerna på 127.0.0.1.</translation>
    </message>
    <message>
        <source>Front door (simulated)</source>
        <translation>Entrédörren (simulerad)</translation>
    </message>
    <message>
        <source>Member %1 has no membership to extend.</source>
        <translation>Medlem %1 har inget medlemskap att förlänga.</translation>
    </message>
    <message>
        <source>Demo: member %1 renewed in Cardskipper until %2.</source>
        <translation>Demo: medlem %1 förnyade i Cardskipper till %2.</translation>
    </message>
    <message>
        <source>Member %1 has no membership to cancel.</source>
        <translation>Medlem %1 har inget medlemskap att avsluta.</translation>
    </message>
    <message>
        <source>Demo: member %1&apos;s membership was cancelled in Cardskipper (ended %2).</source>
        <translation>Demo: medlemskapet för medlem %1 avslutades i Cardskipper (slutade %2).</translation>
    </message>
    <message>
        <source>Demo: %1 %2 (member %3) joined in Cardskipper.</source>
        <translation>Demo: %1 %2 (medlem %3) gick med i Cardskipper.</translation>
    </message>
    <message>
        <source>Person %1 is not on the door.</source>
        <translation>Person %1 finns inte på dörren.</translation>
    </message>
    <message>
        <source>Demo: someone gave person %1 access until 2037 by hand in iVMS-4200; a full reconcile puts it back.</source>
        <translation>Demo: någon gav person %1 behörighet till 2037 för hand i iVMS-4200; en fullständig avstämning rättar det.</translation>
    </message>
    <message>
        <source>Demo: the door answers its next 6 requests with a server error.</source>
        <translation>Demo: dörren svarar på de 6 nästa anropen med ett serverfel.</translation>
    </message>
    <message>
        <source>Demo: the door&apos;s password is back to the one in the settings.</source>
        <translation>Demo: dörrens lösenord är återställt till det i inställningarna.</translation>
    </message>
    <message>
        <source>Demo: someone changed the door&apos;s password; the next sync that reaches the door (a full reconcile, a change to write, or the 15-minute check) meets a wrong password and stops trying until the password is fixed.</source>
        <translation>Demo: någon har bytt dörrens lösenord; nästa synkning som når dörren (en fullständig avstämning, en ändring att skriva eller kontrollen var 15:e minut) får fel lösenord och slutar försöka tills lösenordet är rättat.</translation>
    </message>
    <message>
        <source>Gym (simulated)</source>
        <translation>Gym (simulerad)</translation>
    </message>
    <message>
        <source>Demo: %1 holds their card to the front door.</source>
        <translation>Demo: %1 håller upp sitt kort mot entrédörren.</translation>
    </message>
    <message>
        <source>Demo: %1 shows their face at the front door.</source>
        <translation>Demo: %1 visar sitt ansikte vid entrédörren.</translation>
    </message>
    <message>
        <source>Demo: a stranger shows their face at the front door.</source>
        <translation>Demo: en okänd person visar sitt ansikte vid entrédörren.</translation>
    </message>
    <message>
        <source>Demo: someone holds an unknown card to the front door.</source>
        <translation>Demo: någon håller upp ett okänt kort mot entrédörren.</translation>
    </message>
</context>
<context>
    <name>cis::gui::EventPhotoDialog</name>
    <message>
        <source>Fetching the photo from the door…</source>
        <translation>Hämtar fotot från dörren…</translation>
    </message>
    <message>
        <source>The photo could not be fetched: %1
The door keeps pictures for a limited time; older events may have lost theirs.</source>
        <translation>Fotot kunde inte hämtas: %1
Dörren sparar bilder en begränsad tid; äldre händelser kan ha förlorat sina.</translation>
    </message>
    <message>
        <source>The door sent a picture that cannot be shown.</source>
        <translation>Dörren skickade en bild som inte kan visas.</translation>
    </message>
</context>
<context>
    <name>cis::gui::FaceCropDialog</name>
    <message>
        <source>Face photo for %1</source>
        <translation>Ansiktsfoto för %1</translation>
    </message>
    <message>
        <source>Use this picture</source>
        <translation>Använd den här bilden</translation>
    </message>
    <message>
        <source>%1 × %1 pixels of the photo; the door gets %2 × %2.</source>
        <translation>%1 × %1 pixlar av fotot; dörren får %2 × %2.</translation>
    </message>
</context>
<context>
    <name>cis::gui::HistoryPanel</name>
    <message>
        <source>Hide runs that changed nothing</source>
        <translation>Dölj körningar som inte ändrade något</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export the run&apos;s changes</source>
        <translation>Exportera körningens ändringar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Runs that wrote nothing to any door. Runs that failed or were held by the guard are always shown.</source>
        <translation>Körningar som inte skrev något till någon dörr. Körningar som misslyckades eller hölls tillbaka av spärren visas alltid.</translation>
    </message>
    <message>
        <source>Save the selected run&apos;s changes as a spreadsheet file (CSV, UTF-8)</source>
        <translation>Spara den valda körningens ändringar som en kalkylbladsfil (CSV, UTF-8)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Uppdaterade</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutade</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Dörr</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkning</translation>
    </message>
    <message>
        <source>Full reconcile</source>
        <translation>Fullständig avstämning</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Some changes failed</source>
        <translation>Vissa ändringar misslyckades</translation>
    </message>
    <message>
        <source>Held by the guard</source>
        <translation>Hölls tillbaka av spärren</translation>
    </message>
    <message>
        <source>Created on the door</source>
        <translation>Skapad på dörren</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>Behörigheten ändrad</translation>
    </message>
    <message>
        <source>Access shortened</source>
        <translation>Behörigheten förkortad</translation>
    </message>
    <message>
        <source>Access extended</source>
        <translation>Behörigheten förlängd</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Namnet ändrat</translation>
    </message>
    <message>
        <source>Access ended</source>
        <translation>Behörigheten avslutad</translation>
    </message>
    <message>
        <source>Removed from the door</source>
        <translation>Borttagen från dörren</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Ingen ändring</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Waiting for a link decision</source>
        <translation>Väntar på beslut om koppling</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Ingen behörighet</translation>
    </message>
    <message>
        <source>Not managed</source>
        <translation>Hanteras inte</translation>
    </message>
    <message>
        <source>Waiting for the door&apos;s answer</source>
        <translation>Väntar på dörrens svar</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Inte skickad</translation>
    </message>
    <message>
        <source>always</source>
        <translation>alltid</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>Medlem %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>member name (member number)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ended, %2 removed from the door</source>
        <translation>%1 avslutade, %2 borttagna från dörren</translation>
    </message>
    <message>
        <source>Hidden: %1</source>
        <translation>Dolda: %1</translation>
    </message>
    <message>
        <source>Employee no. on the door: %1</source>
        <translation>Anställningsnr på dörren: %1</translation>
    </message>
    <message>
        <source>Written to the journal before sending; the next sync reads the door back before it tries again.</source>
        <translation>Skrevs i journalen innan den skickades; nästa synkning läser av dörren igen innan den försöker på nytt.</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Anställningsnr</translation>
    </message>
    <message>
        <source>door-changes-%1.csv</source>
        <translation>dörrändringar-%1.csv</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Sparades i %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Kunde inte spara %1: %2</translation>
    </message>
    <message>
        <source>blocked by the desk</source>
        <translation>spärrad av receptionen</translation>
    </message>
    <message>
        <source>allowed by the desk until %1</source>
        <translation>tillåten av receptionen till %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Card %1 added</source>
        <translation>Kort %1 tillagt</translation>
    </message>
    <message>
        <source>Card %1 removed</source>
        <translation>Kort %1 borttaget</translation>
    </message>
    <message>
        <source>Face taken at the door</source>
        <translation>Ansikte fotograferat vid dörren</translation>
    </message>
    <message>
        <source>Face set</source>
        <translation>Ansikte inlagt</translation>
    </message>
    <message>
        <source>Face copied from %1</source>
        <translation>Ansikte kopierat från %1</translation>
    </message>
    <message>
        <source>Face removed</source>
        <translation>Ansikte borttaget</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>I receptionen</translation>
    </message>
</context>
<context>
    <name>cis::gui::LinkDialog</name>
    <message>
        <source>Person on the door: &lt;b&gt;%1&lt;/b&gt; (employee no. %2). Which Cardskipper member is this?</source>
        <translation>Person på dörren: &lt;b&gt;%1&lt;/b&gt; (anställningsnr %2). Vilken medlem i Cardskipper är det?</translation>
    </message>
    <message>
        <source>%1 (no. %2, no email)</source>
        <translation>%1 (nr %2, ingen e-post)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; (no. %3)</source>
        <translation>%1 &lt;%2&gt; (nr %3)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppla</translation>
    </message>
    <message>
        <source>No member matches; type part of the email or the name.</source>
        <translation>Ingen medlem matchar; skriv en del av e-postadressen eller namnet.</translation>
    </message>
    <message>
        <source>Working out what the link changes on the door…</source>
        <translation>Räknar ut vad kopplingen ändrar på dörren…</translation>
    </message>
    <message>
        <source>Choose the member in the list to see what the link changes.</source>
        <translation>Välj medlemmen i listan för att se vad kopplingen ändrar.</translation>
    </message>
    <message>
        <source>%1 is marked inactive in Cardskipper: once linked, %2 loses access to the door at the next sync.</source>
        <translation>%1 är markerad som inaktiv i Cardskipper: efter kopplingen förlorar %2 behörigheten till dörren vid nästa synkning.</translation>
    </message>
    <message>
        <source>%1&apos;s membership in Cardskipper starts %2: once linked, %3 loses access to the door at the next sync, until then.</source>
        <translation>Medlemskapet för %1 i Cardskipper börjar %2: efter kopplingen förlorar %3 behörigheten till dörren vid nästa synkning, fram till dess.</translation>
    </message>
    <message>
        <source>%1 has no current membership in Cardskipper: once linked, %2 loses access to the door at the next sync.</source>
        <translation>%1 har inget aktuellt medlemskap i Cardskipper: efter kopplingen förlorar %2 behörigheten till dörren vid nästa synkning.</translation>
    </message>
</context>
<context>
    <name>cis::gui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>varning</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 times, first at %2, last at %3</source>
        <translation>%1 gånger, första %2, senaste %3</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Dörr</translation>
    </message>
</context>
<context>
    <name>cis::gui::MainWindow</name>
    <message>
        <source>Cardskipper IVMS Sync – demo with simulated systems</source>
        <translation>Cardskipper IVMS Sync – demo med simulerade system</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alla meddelanden</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Varningar och fel</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Bara fel</translation>
    </message>
    <message>
        <source>Apply these changes?</source>
        <translation>Vill du genomföra ändringarna?</translation>
    </message>
    <message>
        <source>Door:</source>
        <translation>Dörr:</translation>
    </message>
    <message>
        <source>Settings changed for this session.</source>
        <translation>Inställningarna ändrades för den här sessionen.</translation>
    </message>
    <message>
        <source>Settings saved to %1.</source>
        <translation>Inställningarna sparades i %1.</translation>
    </message>
    <message>
        <source>No member list yet. &lt;b&gt;Preview changes&lt;/b&gt; fetches the members from Cardskipper and shows what the first sync would do to the door, without writing anything.</source>
        <translation>Ingen medlemslista än. &lt;b&gt;Förhandsgranska ändringar&lt;/b&gt; hämtar medlemmarna från Cardskipper och visar vad den första synkningen skulle göra med dörren, utan att skriva något.</translation>
    </message>
    <message>
        <source>This is a preview with the latest member list: nothing has been written. &lt;b&gt;Sync now&lt;/b&gt; applies it.</source>
        <translation>Det här är en förhandsgranskning med den senaste medlemslistan: inget har skrivits. &lt;b&gt;Synka nu&lt;/b&gt; genomför ändringarna.</translation>
    </message>
    <message>
        <source>The guard would hold the next sync back: %1</source>
        <translation>Spärren skulle hålla tillbaka nästa synkning: %1</translation>
    </message>
    <message>
        <source>Select a row to see why, and what the last write did.</source>
        <translation>Markera en rad för att se varför, och vad den senaste skrivningen gjorde.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>En synkning pågår redan.</translation>
    </message>
    <message>
        <source>Automatic sync paused.</source>
        <translation>Automatisk synkning pausad.</translation>
    </message>
    <message>
        <source>Automatic sync resumed.</source>
        <translation>Automatisk synkning återupptagen.</translation>
    </message>
    <message>
        <source>Sync held back</source>
        <translation>Synkningen hölls tillbaka</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synkningen misslyckades</translation>
    </message>
    <message>
        <source>%1: %2 revoke(s) and %3 delete(s) of %4 managed persons. %5</source>
        <translation>%1: %2 indragning(ar) och %3 borttagning(ar) av %4 hanterade personer. %5</translation>
    </message>
    <message>
        <source>The guard held this sync back because it looks like an accident:

%1

Apply it anyway?</source>
        <translation>Spärren höll tillbaka synkningen eftersom den ser ut som ett misstag:

%1

Vill du genomföra den ändå?</translation>
    </message>
    <message>
        <source>Automatic sync paused</source>
        <translation>Automatisk synkning pausad</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message>
        <source>Next sync in %1:%2</source>
        <translation>Nästa synkning om %1:%2</translation>
    </message>
    <message>
        <source>No system tray here: keep this window open (it may be minimised) to keep syncing.</source>
        <translation>Inget systemfält här: håll det här fönstret öppet (det får vara minimerat) så fortsätter synkningen.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Still syncing</source>
        <translation>Synkar fortfarande</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <source>Selected member renews in Cardskipper</source>
        <translation>Vald medlem förnyar i Cardskipper</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Välj en medlem först.</translation>
    </message>
    <message>
        <source>Selected member cancels in Cardskipper</source>
        <translation>Vald medlem säger upp sig i Cardskipper</translation>
    </message>
    <message>
        <source>A new member joins in Cardskipper</source>
        <translation>En ny medlem går med i Cardskipper</translation>
    </message>
    <message>
        <source>Someone edits the selected person on the door</source>
        <translation>Någon ändrar den valda personen på dörren</translation>
    </message>
    <message>
        <source>Select a row with a person on the door first.</source>
        <translation>Välj först en rad med en person på dörren.</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administratör</translation>
    </message>
    <message>
        <source>Person %1 linked to member %2; the next sync sets their validity.</source>
        <translation>Person %1 kopplad till medlem %2; nästa synkning sätter giltighetstiden.</translation>
    </message>
    <message>
        <source>Member %1 blocked; the next sync ends their access on every door.</source>
        <translation>Medlem %1 spärrad; nästa synkning avslutar behörigheten på alla dörrar.</translation>
    </message>
    <message>
        <source>Member %1 allowed until %2; the next sync writes it to every door.</source>
        <translation>Medlem %1 tillåten till %2; nästa synkning skriver det till alla dörrar.</translation>
    </message>
    <message>
        <source>Override of member %1 removed; Cardskipper decides again.</source>
        <translation>Undantaget för medlem %1 är borttaget; Cardskipper bestämmer igen.</translation>
    </message>
    <message>
        <source>The door already has the right validity; nothing changes there.</source>
        <translation>Dörren har redan rätt giltighetstid; inget ändras där.</translation>
    </message>
    <message>
        <source>Cannot link: %1</source>
        <translation>Kan inte koppla: %1</translation>
    </message>
    <message>
        <source>The next sync changes the door: %1 → %2</source>
        <translation>Nästa synkning ändrar dörren: %1 → %2</translation>
    </message>
    <message>
        <source>The next sync leaves this person as it is.</source>
        <translation>Nästa synkning lämnar den här personen som den är.</translation>
    </message>
    <message>
        <source>Person %1 unlinked; the sync leaves it alone from now on.</source>
        <translation>Person %1 bortkopplad; synkningen lämnar personen i fred från och med nu.</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Exportera loggen</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textfiler (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Search name, email, member no. or employee no. (Ctrl+F)</source>
        <translation>Sök på namn, e-post, medlemsnr eller anställningsnr (Ctrl+F)</translation>
    </message>
    <message>
        <source>About Cardskipper IVMS Sync</source>
        <translation>Om Cardskipper IVMS Sync</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cardskipper IVMS Sync %1&lt;/h3&gt;&lt;p&gt;Lets members through the club&apos;s Hikvision door exactly as long as their Cardskipper membership runs.&lt;/p&gt;&lt;p&gt;Copyright © 2026 Cardskipper IVMS Sync developers.&lt;br&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY. &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;The licence&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cardskipper IVMS Sync %1&lt;/h3&gt;&lt;p&gt;Släpper in medlemmarna genom föreningens Hikvision-dörr precis så länge som deras medlemskap i Cardskipper gäller.&lt;/p&gt;&lt;p&gt;Copyright © 2026 utvecklarna av Cardskipper IVMS Sync.&lt;br&gt;Det här programmet är fri programvara: du får sprida det vidare och/eller ändra det enligt villkoren i GNU General Public License, utgiven av Free Software Foundation, antingen version 3 av licensen eller (om du vill) någon senare version (GPL-3.0-or-later). Programmet levereras HELT UTAN GARANTI. &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;Licensen&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Byggt med Qt %2 (körs med Qt %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not checked since the settings changed</source>
        <translation>inte kontrollerad sedan inställningarna ändrades</translation>
    </message>
    <message>
        <source>not contacted yet</source>
        <translation>inte kontaktad än</translation>
    </message>
    <message>
        <source>online, last contact %1</source>
        <translation>nåbar, senaste kontakt %1</translation>
    </message>
    <message>
        <source>unreachable since %1</source>
        <translation>onåbar sedan %1</translation>
    </message>
    <message numerus="yes">
        <source>password rejected (%n attempt(s) left before it locks)</source>
        <translation>
            <numerusform>lösenordet nekades (%n försök kvar innan den låses)</numerusform>
            <numerusform>lösenordet nekades (%n försök kvar innan den låses)</numerusform>
        </translation>
    </message>
    <message>
        <source>password rejected</source>
        <translation>lösenordet nekades</translation>
    </message>
    <message numerus="yes">
        <source>locked for another %n minute(s)</source>
        <translation>
            <numerusform>låst i ytterligare %n minut</numerusform>
            <numerusform>låst i ytterligare %n minuter</numerusform>
        </translation>
    </message>
    <message>
        <source>locked after failed logins</source>
        <translation>låst efter misslyckade inloggningar</translation>
    </message>
    <message>
        <source>certificate changed since %1</source>
        <translation>certifikatet ändrat sedan %1</translation>
    </message>
    <message>
        <source>refusing the sync since %1</source>
        <translation>nekar synkningen sedan %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No door configured yet: add one in Settings.</source>
        <translation>Ingen dörr är inställd än: lägg till en i Inställningar.</translation>
    </message>
    <message>
        <source>Doors:</source>
        <translation>Dörrar:</translation>
    </message>
    <message>
        <source>&lt;b&gt;The door %1 has not answered since %2.&lt;/b&gt; Check that it is switched on and connected to the network. The sync keeps trying by itself.</source>
        <translation>&lt;b&gt;Dörren %1 har inte svarat sedan %2.&lt;/b&gt; Kontrollera att den är påslagen och ansluten till nätverket. Synkningen fortsätter att försöka av sig själv.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The door %1 rejected the password.&lt;/b&gt; Nothing more is sent to it until the password is corrected, so its account is not locked.</source>
        <translation>&lt;b&gt;Dörren %1 nekade lösenordet.&lt;/b&gt; Inget mer skickas till den förrän lösenordet har rättats, så att dess konto inte låses.</translation>
    </message>
    <message numerus="yes">
        <source>The door allows %n more failed login(s) before it locks the account.</source>
        <translation>
            <numerusform>Dörren tillåter %n misslyckad inloggning till innan den låser kontot.</numerusform>
            <numerusform>Dörren tillåter %n misslyckade inloggningar till innan den låser kontot.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The door %1 has locked its account after failed logins&lt;/b&gt; (%2). Correct the password; the sync tries once the lock has expired.</source>
        <translation>&lt;b&gt;Dörren %1 har låst sitt konto efter misslyckade inloggningar&lt;/b&gt; (%2). Rätta lösenordet; synkningen försöker igen när låsningen har upphört.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The door %1 shows a different HTTPS certificate than the one trusted before.&lt;/b&gt; If the door was replaced or its certificate renewed, check and trust the new one in Settings; otherwise someone may be listening in.</source>
        <translation>&lt;b&gt;Dörren %1 visar ett annat HTTPS-certifikat än det som var betrott tidigare.&lt;/b&gt; Om dörren har bytts ut eller fått ett förnyat certifikat, kontrollera det nya och lita på det i Inställningar; annars kan någon avlyssna trafiken.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The door %1 answers but refuses the sync.&lt;/b&gt; The log has the door&apos;s exact answer.</source>
        <translation>&lt;b&gt;Dörren %1 svarar men nekar synkningen.&lt;/b&gt; I loggen finns dörrens exakta svar.</translation>
    </message>
    <message>
        <source>Fix password…</source>
        <translation>Rätta lösenordet…</translation>
    </message>
    <message>
        <source>Check settings…</source>
        <translation>Kontrollera inställningarna…</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Ej bekräftad</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Undantag</translation>
    </message>
    <message>
        <source> · member no. %1</source>
        <translation> · medlemsnr %1</translation>
    </message>
    <message>
        <source>Cardskipper: marked inactive.</source>
        <translation>Cardskipper: markerad som inaktiv.</translation>
    </message>
    <message>
        <source>Cardskipper: no membership.</source>
        <translation>Cardskipper: inget medlemskap.</translation>
    </message>
    <message>
        <source>Cardskipper: membership ended %1.</source>
        <translation>Cardskipper: medlemskapet upphörde %1.</translation>
    </message>
    <message>
        <source>Cardskipper: membership from %1 until %2.</source>
        <translation>Cardskipper: medlemskap från %1 till %2.</translation>
    </message>
    <message>
        <source>Cardskipper: member until %1.</source>
        <translation>Cardskipper: medlem till %1.</translation>
    </message>
    <message>
        <source>On the door %1: %2 (person no. %3), access %4.</source>
        <translation>På dörren %1: %2 (anställningsnr %3), behörighet %4.</translation>
    </message>
    <message>
        <source>Probably the same person (%1). &lt;b&gt;Accept&lt;/b&gt; links them; &lt;b&gt;Reject&lt;/b&gt; says they are different people.</source>
        <translation>Troligen samma person (%1). &lt;b&gt;Godta&lt;/b&gt; kopplar ihop dem; &lt;b&gt;Avvisa&lt;/b&gt; anger att de är olika personer.</translation>
    </message>
    <message>
        <source>After the next sync: access %1.</source>
        <translation>Efter nästa synkning: behörighet %1.</translation>
    </message>
    <message>
        <source>Last write: %1 on %2, %3</source>
        <translation>Senaste skrivning: %1 den %2, %3</translation>
    </message>
    <message>
        <source>Resume &amp;automatic sync</source>
        <translation>&amp;Återuppta automatisk synkning</translation>
    </message>
    <message>
        <source>P&amp;ause automatic sync</source>
        <translation>&amp;Pausa automatisk synkning</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n skapad</numerusform>
            <numerusform>%n skapade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n uppdaterad</numerusform>
            <numerusform>%n uppdaterade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n avslutad</numerusform>
            <numerusform>%n avslutade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n misslyckad</numerusform>
            <numerusform>%n misslyckade</numerusform>
        </translation>
    </message>
    <message>
        <source>Last change %1 (%2): %3</source>
        <translation>Senaste ändring %1 (%2): %3</translation>
    </message>
    <message>
        <source>No change written yet.</source>
        <translation>Ingen ändring skriven än.</translation>
    </message>
    <message>
        <source>· last check %1: %2</source>
        <translation>· senaste kontroll %1: %2</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>inget att ändra</translation>
    </message>
    <message>
        <source>Syncing: %1</source>
        <translation>Synkar: %1</translation>
    </message>
    <message>
        <source>Cardskipper IVMS Sync keeps the doors in step from the tray. Quit it from the tray menu or with Ctrl+Q.</source>
        <translation>Cardskipper IVMS Sync håller dörrarna i synk från systemfältet. Avsluta programmet via menyn i systemfältet eller med Ctrl+Q.</translation>
    </message>
    <message>
        <source>Link %1 (member no. %2) to %3 (person no. %4) on the door %5?</source>
        <translation>Koppla %1 (medlemsnr %2) till %3 (anställningsnr %4) på dörren %5?</translation>
    </message>
    <message>
        <source>This shortens or ends the person&apos;s access on the door: they may no longer get in after the next sync.</source>
        <translation>Det här förkortar eller avslutar personens behörighet på dörren: personen kanske inte kommer in efter nästa synkning.</translation>
    </message>
    <message>
        <source>Suggestion rejected: member %1 and person %2 on the door are different people; it is not suggested again.</source>
        <translation>Förslaget avvisat: medlem %1 och person %2 på dörren är olika personer; paret föreslås inte igen.</translation>
    </message>
    <message>
        <source>Person %1 marked as staff: listed apart, never touched.</source>
        <translation>Person %1 markerad som personal: visas för sig och rörs aldrig.</translation>
    </message>
    <message>
        <source>Person %1 is no longer marked as staff.</source>
        <translation>Person %1 är inte längre markerad som personal.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
    <message>
        <source>%1 fails for a while</source>
        <translation>%1 krånglar en stund</translation>
    </message>
    <message>
        <source>Someone changes the password of %1</source>
        <translation>Någon byter lösenordet för %1</translation>
    </message>
    <message>
        <source>Put the password of %1 back and try again</source>
        <translation>Återställ lösenordet för %1 och försök igen</translation>
    </message>
    <message>
        <source>Someone comes to the front door</source>
        <translation>Någon kommer till entrédörren</translation>
    </message>
    <message>
        <source>The selected person holds up their card</source>
        <translation>Den valda personen håller upp sitt kort</translation>
    </message>
    <message>
        <source>The selected person shows their face</source>
        <translation>Den valda personen visar sitt ansikte</translation>
    </message>
    <message>
        <source>A stranger shows their face</source>
        <translation>En okänd person visar sitt ansikte</translation>
    </message>
    <message>
        <source>Someone holds up an unknown card</source>
        <translation>Någon håller upp ett okänt kort</translation>
    </message>
    <message>
        <source>Refused at the door</source>
        <translation>Nekad vid dörren</translation>
    </message>
    <message>
        <source>No browser could open %1. Member number %2 is copied.</source>
        <translation>Ingen webbläsare kunde öppna %1. Medlemsnummer %2 är kopierat.</translation>
    </message>
    <message>
        <source>Cardskipper&apos;s admin opens in the browser; member number %1 is copied for its search.</source>
        <translation>Cardskippers administration öppnas i webbläsaren; medlemsnummer %1 är kopierat för sökningen.</translation>
    </message>
    <message>
        <source>Valid but no credential</source>
        <translation>Giltig men utan kort eller ansikte</translation>
    </message>
</context>
<context>
    <name>cis::gui::OverrideDialog</name>
    <message>
        <source>Override for &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Undantag för &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No current membership in Cardskipper.</source>
        <translation>Inget aktuellt medlemskap i Cardskipper.</translation>
    </message>
    <message>
        <source>Membership in Cardskipper ended %1.</source>
        <translation>Medlemskapet i Cardskipper upphörde %1.</translation>
    </message>
    <message>
        <source>Membership in Cardskipper ends %1.</source>
        <translation>Medlemskapet i Cardskipper upphör %1.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Apply &amp;now</source>
        <translation>Genomför &amp;nu</translation>
    </message>
    <message>
        <source>Save, and write this member to every door now instead of at the next sync</source>
        <translation>Spara, och skriv den här medlemmen till alla dörrar nu i stället för vid nästa synkning</translation>
    </message>
</context>
<context>
    <name>cis::gui::PairModel</name>
    <message>
        <source>In sync</source>
        <translation>Synkad</translation>
    </message>
    <message>
        <source>Will be created</source>
        <translation>Skapas</translation>
    </message>
    <message>
        <source>Will be extended</source>
        <translation>Förlängs</translation>
    </message>
    <message>
        <source>Will be revoked</source>
        <translation>Dras in</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Hålls tillbaka</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Ingen behörighet</translation>
    </message>
    <message>
        <source>Will be shortened</source>
        <translation>Förkortas</translation>
    </message>
    <message>
        <source>Will be renamed</source>
        <translation>Byter namn</translation>
    </message>
    <message>
        <source>Will be deleted</source>
        <translation>Tas bort</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Suggested match</source>
        <translation>Föreslagen matchning</translation>
    </message>
    <message>
        <source>Held by the guard</source>
        <translation>Hålls tillbaka av spärren</translation>
    </message>
    <message>
        <source>always</source>
        <translation>alltid</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Medlemsnr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Anställningsnr</translation>
    </message>
    <message>
        <source>Person on the door</source>
        <translation>Person på dörren</translation>
    </message>
    <message>
        <source>Blocked by the desk, whatever Cardskipper says</source>
        <translation>Spärrad av receptionen, oavsett vad Cardskipper säger</translation>
    </message>
    <message>
        <source>Allowed by the desk until %1</source>
        <translation>Tillåten av receptionen till %1</translation>
    </message>
    <message>
        <source>Set %1 by %2</source>
        <translation>Ändrat %1 av %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
    <message>
        <source>Suggested matches</source>
        <translation>Föreslagna matchningar</translation>
    </message>
    <message>
        <source>On the door, not in Cardskipper</source>
        <translation>På dörren, inte i Cardskipper</translation>
    </message>
    <message>
        <source>Staff and others we never touch</source>
        <translation>Personal och andra vi aldrig rör</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>no membership</source>
        <translation>inget medlemskap</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>Ej bekräftad: %1</translation>
    </message>
    <message>
        <source>In sync as of %1</source>
        <translation>Synkad, kontrollerad %1</translation>
    </message>
    <message>
        <source>Staff: never touched</source>
        <translation>Personal: rörs aldrig</translation>
    </message>
    <message>
        <source>Not in Cardskipper: not touched</source>
        <translation>Inte i Cardskipper: rörs inte</translation>
    </message>
    <message>
        <source>The door does not answer as it should, so the sync cannot confirm this person&apos;s access: %1</source>
        <translation>Dörren svarar inte som den ska, så synkningen kan inte bekräfta den här personens behörighet: %1</translation>
    </message>
    <message>
        <source>Membership ends</source>
        <translation>Medlemskapet slutar</translation>
    </message>
    <message>
        <source>Valid until (door)</source>
        <translation>Giltig till (dörr)</translation>
    </message>
    <message>
        <source>Same person?</source>
        <translation>Samma person?</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Senaste besök</translation>
    </message>
    <message numerus="yes">
        <source>Visits (%n day(s))</source>
        <translation>
            <numerusform>Besök (%n dag)</numerusform>
            <numerusform>Besök (%n dagar)</numerusform>
        </translation>
    </message>
    <message>
        <source>The door holds no card and no face for this person, so they cannot open it. Add a card or a face photo (Member menu).</source>
        <translation>Dörren har varken kort eller ansikte för den här personen, så personen kan inte öppna den. Lägg till ett kort eller ett ansiktsfoto (menyn Medlem).</translation>
    </message>
    <message>
        <source>%1; can enter: no credential</source>
        <translation>%1; kommer inte in: inget kort eller ansikte</translation>
    </message>
    <message>
        <source>Card and face</source>
        <translation>Kort och ansikte</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n kort</numerusform>
            <numerusform>%n kort</numerusform>
        </translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Ansikte</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Rapporteras inte</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Kort/ansikte</translation>
    </message>
</context>
<context>
    <name>cis::gui::SettingsDialog</name>
    <message>
        <source>This desktop shows no tray icons, so the window opens even when minimised start is chosen; it keeps syncing while it is open.</source>
        <translation>Det här skrivbordet visar inga ikoner i systemfältet, så fönstret öppnas även om minimerad start är vald; programmet fortsätter synka så länge fönstret är öppet.</translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation>Datorns språk</translation>
    </message>
    <message>
        <source>Door %1</source>
        <translation>Dörr %1</translation>
    </message>
    <message>
        <source>Cardskipper: the address is empty.</source>
        <translation>Cardskipper: adressen är tom.</translation>
    </message>
    <message>
        <source>Cardskipper: the address is not an http or https address.</source>
        <translation>Cardskipper: adressen är inte en http- eller https-adress.</translation>
    </message>
    <message>
        <source>Cardskipper: the username is empty.</source>
        <translation>Cardskipper: användarnamnet är tomt.</translation>
    </message>
    <message>
        <source>Cardskipper: the organisation is not set; enter its id or use Test connection.</source>
        <translation>Cardskipper: ingen förening är vald; ange dess id eller använd ”Testa anslutningen”.</translation>
    </message>
    <message>
        <source>Cardskipper: the granting role ids must be numbers separated by commas.</source>
        <translation>Cardskipper: roll-id som ger behörighet måste vara tal åtskilda med kommatecken.</translation>
    </message>
    <message>
        <source>%1: the name is empty.</source>
        <translation>%1: namnet är tomt.</translation>
    </message>
    <message>
        <source>Doors: the name &quot;%1&quot; is used by more than one door.</source>
        <translation>Dörrar: namnet ”%1” används av mer än en dörr.</translation>
    </message>
    <message>
        <source>%1: the address is empty.</source>
        <translation>%1: adressen är tom.</translation>
    </message>
    <message>
        <source>%1: the address is not an http or https address.</source>
        <translation>%1: adressen är inte en http- eller https-adress.</translation>
    </message>
    <message>
        <source>%1: the username is empty.</source>
        <translation>%1: användarnamnet är tomt.</translation>
    </message>
    <message>
        <source>%1: the certificate fingerprint is not 64 hexadecimal digits.</source>
        <translation>%1: certifikatets fingeravtryck är inte 64 hexadecimala siffror.</translation>
    </message>
    <message>
        <source>Enter the address and the username first.</source>
        <translation>Ange adressen och användarnamnet först.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message numerus="yes">
        <source>OK. The account sees %n organisation(s):</source>
        <translation>
            <numerusform>OK. Kontot ser %n förening:</numerusform>
            <numerusform>OK. Kontot ser %n föreningar:</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an http or https address first.</source>
        <translation>Ange en http- eller https-adress först.</translation>
    </message>
    <message>
        <source>Failed: %1
The terminal&apos;s certificate has the SHA-256 fingerprint %2. Trust it only if it is the terminal&apos;s own.</source>
        <translation>Misslyckades: %1
Terminalens certifikat har SHA-256-fingeravtrycket %2. Lita bara på det om det verkligen är terminalens eget.</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>rapporteras inte</translation>
    </message>
    <message>
        <source>could not count (%1)</source>
        <translation>kunde inte räknas (%1)</translation>
    </message>
    <message>
        <source>OK. Model %1, firmware %2 %3, serial %4.
Capacity %5 persons; %6 persons on the terminal.</source>
        <translation>OK. Modell %1, firmware %2 %3, serienummer %4.
Kapacitet %5 personer; %6 personer på terminalen.</translation>
    </message>
    <message>
        <source>Not tried again: %1</source>
        <translation>Inte provat igen: %1</translation>
    </message>
    <message>
        <source>Saved as %1. If the door supports it, https:// encrypts the connection.</source>
        <translation>Sparas som %1. Om dörren stöder det krypterar https:// anslutningen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The keychain is not available (%1); the password is kept only until you quit.</source>
        <translation>Nyckelringen (lösenordsförvaret) är inte tillgänglig (%1); lösenordet sparas bara tills du avslutar programmet.</translation>
    </message>
    <message>
        <source>Keeps Hikvision door terminals in step with Cardskipper.</source>
        <translation>Håller Hikvisions dörrterminaler i synk med Cardskipper.</translation>
    </message>
    <message>
        <source>Run against built-in simulators with demo data.</source>
        <translation>Kör mot inbyggda simulatorer med demodata.</translation>
    </message>
    <message>
        <source>Configuration file (INI).</source>
        <translation>Konfigurationsfil (INI).</translation>
    </message>
    <message>
        <source>Start in the tray.</source>
        <translation>Starta i systemfältet.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to Cardskipper IVMS Sync&lt;/h3&gt;It keeps your door terminal in step with the memberships in Cardskipper.</source>
        <translation>&lt;h3&gt;Välkommen till Cardskipper IVMS Sync&lt;/h3&gt;Programmet håller din dörrterminal i synk med medlemskapen i Cardskipper.</translation>
    </message>
    <message>
        <source>Connect to Cardskipper and my door…</source>
        <translation>Anslut till Cardskipper och min dörr…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Prova demon</translation>
    </message>
    <message>
        <source>The configuration %1 is not complete:

%2</source>
        <translation>Konfigurationen %1 är inte komplett:

%2</translation>
    </message>
    <message>
        <source>Cardskipper password for %1:</source>
        <translation>Cardskipper-lösenord för %1:</translation>
    </message>
    <message>
        <source>Password of the door terminal &quot;%1&quot; (%2):</source>
        <translation>Lösenord för dörrterminalen ”%1” (%2):</translation>
    </message>
    <message>
        <source>Connect your Cardskipper account and your door terminal (passwords stay in the computer&apos;s keychain), or try everything first with simulated systems.</source>
        <translation>Anslut ditt Cardskipper-konto och din dörrterminal (lösenorden stannar i datorns nyckelring), eller prova allt först med simulerade system.</translation>
    </message>
</context>
</TS>
