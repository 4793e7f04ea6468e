<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>AgentCli</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n zpráva</numerusform><numerusform>%n zprávy</numerusform><numerusform>%n zpráv</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ArchiveWindow</name>
    <message>
        <source>ArchiveSync — Archive</source>
        <translation>ArchiveSync — Archiv</translation>
    </message>
    <message>
        <source>Search offline: words, "phrases", from:, to:, subject:, folder:, before:YYYY-MM-DD, after:YYYY-MM-DD</source>
        <translation>Hledat offline: slova, "fráze", from:, to:, subject:, folder:, before:RRRR-MM-DD, after:RRRR-MM-DD</translation>
    </message>
    <message>
        <source>%1 — archive as of %2</source>
        <translation>%1 — archiv ke dni %2</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Nelze hledat: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found offline</source>
        <translation><numerusform>Offline nalezena %n zpráva</numerusform><numerusform>Offline nalezeny %n zprávy</numerusform><numerusform>Offline nalezeno %n zpráv</numerusform></translation>
    </message>
    <message>
        <source>This message is not in the local copy; fetching it from the service…</source>
        <translation>Tato zpráva není v místní kopii; stahuje se ze služby…</translation>
    </message>
    <message>
        <source>Cannot read this message: %1</source>
        <translation>Tuto zprávu nelze přečíst: %1</translation>
    </message>
    <message>
        <source>The link names the service at %1; this laptop syncs from %2</source>
        <translation>Odkaz vede na službu %1; tento notebook se synchronizuje s %2</translation>
    </message>
    <message>
        <source>Fetching the message from the service…</source>
        <translation>Zpráva se stahuje ze služby…</translation>
    </message>
    <message>
        <source>The service cannot be reached: the body is not available offline. Try again when online.</source>
        <translation>Služba není dostupná: tělo zprávy není offline k dispozici. Zkuste to znovu, až budete online.</translation>
    </message>
    <message>
        <source>The service did not give the message: %1</source>
        <translation>Služba zprávu nevydala: %1</translation>
    </message>
    <message>
        <source>Shown from the service.</source>
        <translation>Zobrazeno ze služby.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DesktopAgent</name>
    <message>
        <source>ArchiveSync paused</source>
        <translation>ArchiveSync pozastaven</translation>
    </message>
    <message>
        <source>This network is metered; syncing resumes on another one.</source>
        <translation>Tato síť je měřená; synchronizace pokračuje v jiné síti.</translation>
    </message>
    <message>
        <source>ArchiveSync</source>
        <translation>ArchiveSync</translation>
    </message>
    <message>
        <source>The new settings cannot be read back.</source>
        <translation>Nové nastavení nelze načíst.</translation>
    </message>
    <message>
        <source>Where the agent keeps its state and local copies.</source>
        <translation>Kde agent uchovává svůj stav a místní kopie.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ADRESÁŘ</translation>
    </message>
    <message>
        <source>Show the status window instead of a tray icon.</source>
        <translation>Zobrazit stavové okno místo ikony v oznamovací oblasti.</translation>
    </message>
    <message>
        <source>An archivesync:// message link to open.</source>
        <translation>Odkaz archivesync:// na zprávu, který se má otevřít.</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>nelze vytvořit %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DonePage</name>
    <message>
        <source>Done</source>
        <translation>Hotovo</translation>
    </message>
    <message>
        <source>Your archive is on this laptop.</source>
        <translation>Váš archiv je v tomto notebooku.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The agent keeps the copy up to date in the background, whenever this laptop is online. Its icon in the system tray shows the state; its menu opens the archive, searches it and changes the settings.&lt;/p&gt;&lt;p&gt;Message links in your mailbox now open from this copy when you are offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Agent udržuje kopii aktuální na pozadí, kdykoli je notebook online. Jeho ikona v oznamovací oblasti ukazuje stav; jeho nabídka otevírá archiv, prohledává ho a mění nastavení.&lt;/p&gt;&lt;p&gt;Odkazy na zprávy ve vaší schránce se nyní offline otevírají z této kopie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Open the archive now</source>
        <translation>&amp;Otevřít archiv nyní</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FolderPolicyTree</name>
    <message>
        <source>Folder</source>
        <translation>Složka</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>V tomto notebooku</translation>
    </message>
    <message>
        <source>Apply to all subfolders</source>
        <translation>Použít na všechny podsložky</translation>
    </message>
    <message>
        <source>Size (whole)</source>
        <translation>Velikost (celé)</translation>
    </message>
    <message>
        <source>Whole messages</source>
        <translation>Celé zprávy</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>Jen záhlaví</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Vynecháno</translation>
    </message>
    <message>
        <source>Contacts, calendars, tasks and notes are always kept whole.</source>
        <translation>Kontakty, kalendáře, úkoly a poznámky se vždy uchovávají celé.</translation>
    </message>
    <message>
        <source>All other folders</source>
        <translation>Všechny ostatní složky</translation>
    </message>
    <message>
        <source>Folders not listed here, and folders created later. Signed and encrypted messages always travel whole.</source>
        <translation>Složky, které zde nejsou uvedeny, a složky vytvořené později. Podepsané a šifrované zprávy se přenášejí vždy celé.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n zpráva</numerusform><numerusform>%n zprávy</numerusform><numerusform>%n zpráv</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FolderTreeModel</name>
    <message>
        <source>%1 (not synced yet)</source>
        <translation>%1 (zatím nesynchronizováno)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1 whole</source>
        <translation><numerusform>%n zpráva, %1 celých</numerusform><numerusform>%n zprávy, %1 celých</numerusform><numerusform>%n zpráv, %1 celých</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FoldersPage</name>
    <message>
        <source>Folders</source>
        <translation>Složky</translation>
    </message>
    <message>
        <source>Keep whole messages where you need to read them offline; headers only elsewhere saves space. Signed and encrypted messages, contacts, calendars, tasks and notes always travel whole.</source>
        <translation>Celé zprávy uchovávejte tam, kde je potřebujete číst offline; jinde ušetří místo jen záhlaví. Podepsané a šifrované zprávy, kontakty, kalendáře, úkoly a poznámky se přenášejí vždy celé.</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Schránka:</translation>
    </message>
    <message>
        <source>Estimated download for %1: %2 (headers of all %3 messages: %4).</source>
        <translation>Odhad stahování pro %1: %2 (záhlaví všech %3 zpráv: %4).</translation>
    </message>
    <message>
        <source>All mailboxes: %1.</source>
        <translation>Všechny schránky: %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::HeadlessAgent</name>
    <message>
        <source>another agent is working on %1</source>
        <translation>na %1 pracuje jiný agent</translation>
    </message>
    <message>
        <source>this agent runs without a desktop</source>
        <translation>tento agent běží bez plochy</translation>
    </message>
    <message>
        <source>this laptop is not set up yet</source>
        <translation>tento notebook ještě není nastaven</translation>
    </message>
    <message>
        <source>unknown command '%1'</source>
        <translation>neznámý příkaz „%1“</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::InitialSyncPage</name>
    <message>
        <source>Initial sync</source>
        <translation>Úvodní synchronizace</translation>
    </message>
    <message>
        <source>The archive is being copied to this laptop. You may close this window: the sync goes on in the background, and the tray icon shows how far it is.</source>
        <translation>Archiv se kopíruje do tohoto notebooku. Okno můžete zavřít: synchronizace pokračuje na pozadí a ikona v oznamovací oblasti ukazuje postup.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Spouští se…</translation>
    </message>
    <message>
        <source>Downloaded:</source>
        <translation>Staženo:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Zprávy:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rychlost:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Zbývá:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Queued, position %1: the service lets a few laptops copy at a time to protect its disks. The sync starts by itself; meanwhile you can use the archive online.</source>
        <translation>Ve frontě, pozice %1: služba kvůli ochraně disků nechává kopírovat jen několik notebooků najednou. Synchronizace začne sama; mezitím můžete archiv používat online.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hotovo</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxesPage</name>
    <message>
        <source>Mailboxes</source>
        <translation>Schránky</translation>
    </message>
    <message>
        <source>These are the archived mailboxes you may read that are available offline. Choose those to keep on this laptop.</source>
        <translation>Toto jsou archivované schránky, které smíte číst a které jsou k dispozici offline. Vyberte ty, které chcete mít v tomto notebooku.</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Schránka</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Zprávy</translation>
    </message>
    <message>
        <source>Size on the service</source>
        <translation>Velikost ve službě</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Zkusit znovu</translation>
    </message>
    <message>
        <source>Asking the service which mailboxes you may keep offline…</source>
        <translation>Zjišťuje se, které schránky smíte mít offline…</translation>
    </message>
    <message>
        <source>Cannot list your mailboxes: %1</source>
        <translation>Vaše schránky nelze vypsat: %1</translation>
    </message>
    <message>
        <source>Offline sync is not enabled for this mailbox on the service.</source>
        <translation>Offline synchronizace není pro tuto schránku ve službě zapnuta.</translation>
    </message>
    <message>
        <source>The service offers no mailbox to you for offline use. Ask your administrator to enable offline sync for your mailbox.</source>
        <translation>Služba vám nenabízí žádnou schránku pro offline použití. Požádejte správce, aby pro vaši schránku zapnul offline synchronizaci.</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) available.</source>
        <translation><numerusform>K dispozici je %n schránka.</numerusform><numerusform>K dispozici jsou %n schránky.</numerusform><numerusform>K dispozici je %n schránek.</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(bez předmětu)</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Celá</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>Jen záhlaví</translation>
    </message>
    <message>
        <source>The whole message is on this laptop.</source>
        <translation>Celá zpráva je v tomto notebooku.</translation>
    </message>
    <message>
        <source>Only the headers are on this laptop; the body opens when online.</source>
        <translation>V tomto notebooku je jen záhlaví; tělo se otevře online.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Předmět</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MessageView</name>
    <message>
        <source>Fetch from the service</source>
        <translation>Stáhnout ze služby</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Uložit…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Uložit přílohu</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Od: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Komu: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Kopie: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Složka: %1</translation>
    </message>
    <message>
        <source>Only the headers of this message are on this laptop: the body is not available offline. Fetch it when online.</source>
        <translation>Z této zprávy je v notebooku jen záhlaví: tělo není offline k dispozici. Stáhněte ho, až budete online.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>bez názvu</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 nelze uložit: %2</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>priloha</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ServerPage</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Where is your organisation's ArchiveSync service? Your administrator can tell you.</source>
        <translation>Kde je služba ArchiveSync vaší organizace? Řekne vám to správce.</translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <translation>&amp;Adresa služby:</translation>
    </message>
    <message>
        <source>The service's certificate was refused:</source>
        <translation>Certifikát služby byl odmítnut:</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>Vydán pro: %1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Vydal: %1</translation>
    </message>
    <message>
        <source>Valid: %1 to %2</source>
        <translation>Platný: %1 až %2</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Názvy: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Otisk SHA-256: %1</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your administrator gives you. Do not go on if the certificate is not your service's.</source>
        <translation>Porovnejte otisk s tím, který vám dá správce. Nepokračujte, pokud certifikát nepatří vaší službě.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Ověřuje se %1…</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure.</source>
        <translation>Spojení s %1 není zabezpečené.</translation>
    </message>
    <message>
        <source>Cannot reach the service at %1: %2</source>
        <translation>Služba %1 není dostupná: %2</translation>
    </message>
    <message>
        <source>The service at %1 answers.</source>
        <translation>Služba %1 odpovídá.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SettingsDialog</name>
    <message>
        <source>ArchiveSync Settings</source>
        <translation>Nastavení ArchiveSync</translation>
    </message>
    <message>
        <source>ArchiveSync</source>
        <translation>ArchiveSync</translation>
    </message>
    <message>
        <source>&amp;Mailboxes and folders</source>
        <translation>&amp;Schránky a složky</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Síť</translation>
    </message>
    <message>
        <source>S&amp;torage</source>
        <translation>Úl&amp;ožiště</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>Úč&amp;et</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Služba:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Uživatel:</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Tento notebook:</translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation>%1 (zařízení %2)</translation>
    </message>
    <message>
        <source>To use another account, run &lt;tt&gt;archivesync-agent setup&lt;/tt&gt;, or remove the data directory and start the agent again.</source>
        <translation>Pro jiný účet spusťte &lt;tt&gt;archivesync-agent setup&lt;/tt&gt;, nebo smažte datový adresář a spusťte agenta znovu.</translation>
    </message>
    <message>
        <source>Mailbox:</source>
        <translation>Schránka:</translation>
    </message>
    <message>
        <source>Excluding or including a folder rebuilds that mailbox's copy; switching between whole and headers only applies from the next sync.</source>
        <translation>Vynechání nebo zahrnutí složky znovu sestaví kopii schránky; přepnutí mezi celými zprávami a jen záhlavím platí od příští synchronizace.</translation>
    </message>
    <message>
        <source>&amp;Limit the download rate to</source>
        <translation>&amp;Omezit rychlost stahování na</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>but at &amp;full speed from</source>
        <translation>ale &amp;plnou rychlostí od</translation>
    </message>
    <message>
        <source>&amp;Pause while on a metered network (mobile hotspot, tethering)</source>
        <translation>&amp;Pozastavit v měřené síti (mobilní hotspot, tethering)</translation>
    </message>
    <message>
        <source>This system does not tell whether a network is metered.</source>
        <translation>Tento systém nesděluje, zda je síť měřená.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>&amp;Reset local copy…</source>
        <translation>&amp;Obnovit místní kopii…</translation>
    </message>
    <message>
        <source>Reset deletes the copies on this laptop and fetches them again from the service. Use it when the copy seems damaged.</source>
        <translation>Obnovení smaže kopie v tomto notebooku a stáhne je znovu ze služby. Použijte ho, když se kopie zdá poškozená.</translation>
    </message>
    <message>
        <source>Location: %1
Local copies: %2
Free space: %3</source>
        <translation>Umístění: %1
Místní kopie: %2
Volné místo: %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>neznámé</translation>
    </message>
    <message>
        <source>Cannot change the folders of %1: %2</source>
        <translation>Složky %1 nelze změnit: %2</translation>
    </message>
    <message>
        <source>Delete the local copies of every mailbox and fetch them again? Until the sync is done, the archive is not available offline.</source>
        <translation>Smazat místní kopie všech schránek a stáhnout je znovu? Dokud synchronizace neskončí, archiv není offline k dispozici.</translation>
    </message>
    <message>
        <source>Cannot reset the local copy: %1</source>
        <translation>Místní kopii nelze obnovit: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SetupWizard</name>
    <message>
        <source>Set up ArchiveSync</source>
        <translation>Nastavení ArchiveSync</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Přihlášení</translation>
    </message>
    <message>
        <source>How your administrator sees this laptop.</source>
        <translation>Jak tento notebook uvidí správce.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Uživatelské jméno:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Heslo:</translation>
    </message>
    <message>
        <source>This &amp;laptop's name:</source>
        <translation>Název &amp;notebooku:</translation>
    </message>
    <message>
        <source>Your password is used once, to register this laptop, and is not stored. Your administrator can revoke the laptop at any time.</source>
        <translation>Heslo se použije jednou k registraci notebooku a neukládá se. Správce může notebook kdykoli zablokovat.</translation>
    </message>
    <message>
        <source>Sign in to %1 with your user name and password.</source>
        <translation>Přihlaste se k %1 uživatelským jménem a heslem.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Přihlašuje se…</translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation>Uživatelské jméno nebo heslo není správné.</translation>
    </message>
    <message>
        <source>Signed in, but this laptop could not be registered: %1</source>
        <translation>Přihlášení proběhlo, ale notebook nelze zaregistrovat: %1</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>Nelze se přihlásit: %1</translation>
    </message>
    <message>
        <source>This laptop is registered as device %1.</source>
        <translation>Tento notebook je zaregistrován jako zařízení %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusWindow</name>
    <message>
        <source>ArchiveSync Agent</source>
        <translation>Agent ArchiveSync</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StoragePage</name>
    <message>
        <source>Storage</source>
        <translation>Úložiště</translation>
    </message>
    <message>
        <source>The copy is kept encrypted in your profile. Check that it fits.</source>
        <translation>Kopie se ukládá šifrovaně do vašeho profilu. Ověřte, že se vejde.</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Umístění:</translation>
    </message>
    <message>
        <source>Space needed (estimate):</source>
        <translation>Potřebné místo (odhad):</translation>
    </message>
    <message>
        <source>Free space there:</source>
        <translation>Volné místo:</translation>
    </message>
    <message>
        <source>To keep the archive somewhere else, start the agent with &lt;tt&gt;--data-dir&lt;/tt&gt; pointing there.</source>
        <translation>Chcete-li archiv mít jinde, spusťte agenta s &lt;tt&gt;--data-dir&lt;/tt&gt; ukazujícím tam.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 na %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>neznámé</translation>
    </message>
    <message>
        <source>✔ There is enough room: %1 stay free afterwards.</source>
        <translation>✔ Místa je dost: potom zůstane volných %1.</translation>
    </message>
    <message>
        <source>✘ The agent cannot write to this location.</source>
        <translation>✘ Agent nemůže do tohoto umístění zapisovat.</translation>
    </message>
    <message>
        <source>✘ Not enough free space: the copy needs %1 and %2 must stay free, but only %3 are available. Go back and keep fewer folders whole, or free some space.</source>
        <translation>✘ Nedostatek volného místa: kopie potřebuje %1 a %2 musí zůstat volných, k dispozici je ale jen %3. Vraťte se a ponechte celé méně složek, nebo uvolněte místo.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SummaryPage</name>
    <message>
        <source>whole messages</source>
        <translation>celé zprávy</translation>
    </message>
    <message>
        <source>headers only</source>
        <translation>jen záhlaví</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>vynecháno</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Souhrn</translation>
    </message>
    <message>
        <source>Check your choices. Start the sync when they are right.</source>
        <translation>Zkontrolujte své volby. Až budou správné, spusťte synchronizaci.</translation>
    </message>
    <message>
        <source>&amp;Start sync</source>
        <translation>&amp;Spustit synchronizaci</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Služba:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Uživatel:</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Tento notebook:</translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation>%1 (zařízení %2)</translation>
    </message>
    <message>
        <source>%1 and subfolders</source>
        <translation>%1 a podsložky</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>other folders: %1</source>
        <translation>ostatní složky: %1</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>Stahování:</translation>
    </message>
    <message>
        <source>Disk space:</source>
        <translation>Místo na disku:</translation>
    </message>
    <message>
        <source>about %1 in %2</source>
        <translation>asi %1 v %2</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Nastavení nelze uložit: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::TrayController</name>
    <message>
        <source>Set up this laptop…</source>
        <translation>Nastavit tento notebook…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchronizovat nyní</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pozastavit</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Na 1 hodinu</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Do zítřka</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Pokračovat</translation>
    </message>
    <message>
        <source>Open archive…</source>
        <translation>Otevřít archiv…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Hledat…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Nastavení…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Ukončit</translation>
    </message>
    <message>
        <source>Archive as of %1 — safe to disconnect</source>
        <translation>Archiv ke dni %1 — lze bezpečně odpojit</translation>
    </message>
    <message>
        <source>ArchiveSync cannot sync %1</source>
        <translation>ArchiveSync nemůže synchronizovat %1</translation>
    </message>
    <message>
        <source>Your archive is ready offline</source>
        <translation>Váš archiv je připraven offline</translation>
    </message>
    <message>
        <source>The initial sync has finished: the archive is on this laptop, as of %1.</source>
        <translation>Úvodní synchronizace skončila: archiv je v tomto notebooku, ke dni %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::WelcomePage</name>
    <message>
        <source>Welcome to ArchiveSync</source>
        <translation>Vítá vás ArchiveSync</translation>
    </message>
    <message>
        <source>Your archived mail, on this laptop, also when you are offline.</source>
        <translation>Vaše archivovaná pošta v tomto notebooku, i když jste offline.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The ArchiveSync agent keeps a copy of the mail archive on this laptop. It fetches what is archived on the server, keeps it up to date in the background, and lets you search and read it offline; message links from your mailbox open from it.&lt;/p&gt;&lt;p&gt;To set it up you need:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the address of your organisation's ArchiveSync service,&lt;/li&gt;&lt;li&gt;your user name and password,&lt;/li&gt;&lt;li&gt;some free disk space (the wizard tells you how much).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The copy is encrypted with a key kept in this computer's keychain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Agent ArchiveSync uchovává kopii archivu pošty v tomto notebooku. Stahuje, co je archivováno na serveru, udržuje to na pozadí aktuální a umožňuje vám to offline prohledávat a číst; odkazy na zprávy z vaší schránky se otevírají z ní.&lt;/p&gt;&lt;p&gt;K nastavení potřebujete:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;adresu služby ArchiveSync vaší organizace,&lt;/li&gt;&lt;li&gt;své uživatelské jméno a heslo,&lt;/li&gt;&lt;li&gt;trochu volného místa na disku (průvodce řekne kolik).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Kopie je šifrována klíčem uloženým v klíčence tohoto počítače.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Not set up</source>
        <translation>Nenastaveno</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuální</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronizuje se</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Ve frontě</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pozastaveno</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Chyba</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>syncing %1% (%2 of %3)</source>
        <translation>synchronizuje se %1 % (%2 z %3)</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronizuje se</translation>
    </message>
    <message>
        <source>queued, position %1</source>
        <translation>ve frontě, pozice %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>ve frontě</translation>
    </message>
    <message numerus="yes">
        <source>up to date, %n message(s)</source>
        <translation><numerusform>aktuální, %n zpráva</numerusform><numerusform>aktuální, %n zprávy</numerusform><numerusform>aktuální, %n zpráv</numerusform></translation>
    </message>
    <message>
        <source>error</source>
        <translation>chyba</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>chyba: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Syncing, %1% done</source>
        <translation>Synchronizuje se, hotovo %1 %</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>Pozastaveno do %1</translation>
    </message>
    <message>
        <source>ArchiveSync: %1</source>
        <translation>ArchiveSync: %1</translation>
    </message>
    <message>
        <source>Archive as of %1</source>
        <translation>Archiv ke dni %1</translation>
    </message>
    <message>
        <source>Safe to disconnect</source>
        <translation>Lze bezpečně odpojit</translation>
    </message>
</context>
</TS>