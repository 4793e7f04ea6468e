<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentCli</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n Nachricht</numerusform><numerusform>%n Nachrichten</numerusform></translation>
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
        <translation>Offline suchen: Wörter, "Wortgruppen", from:, to:, subject:, folder:, before:JJJJ-MM-TT, after:JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>%1 — archive as of %2</source>
        <translation>%1 — Archiv vom Stand %2</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Suche nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found offline</source>
        <translation><numerusform>%n Nachricht offline gefunden</numerusform><numerusform>%n Nachrichten offline gefunden</numerusform></translation>
    </message>
    <message>
        <source>This message is not in the local copy; fetching it from the service…</source>
        <translation>Diese Nachricht ist nicht in der lokalen Kopie; sie wird vom Dienst geholt …</translation>
    </message>
    <message>
        <source>Cannot read this message: %1</source>
        <translation>Diese Nachricht kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The link names the service at %1; this laptop syncs from %2</source>
        <translation>Der Link verweist auf den Dienst %1; dieser Laptop synchronisiert mit %2</translation>
    </message>
    <message>
        <source>Fetching the message from the service…</source>
        <translation>Die Nachricht wird vom Dienst geholt …</translation>
    </message>
    <message>
        <source>The service cannot be reached: the body is not available offline. Try again when online.</source>
        <translation>Der Dienst ist nicht erreichbar: Der Inhalt ist offline nicht verfügbar. Versuchen Sie es wieder, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>The service did not give the message: %1</source>
        <translation>Der Dienst hat die Nachricht nicht geliefert: %1</translation>
    </message>
    <message>
        <source>Shown from the service.</source>
        <translation>Vom Dienst angezeigt.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DesktopAgent</name>
    <message>
        <source>ArchiveSync paused</source>
        <translation>ArchiveSync angehalten</translation>
    </message>
    <message>
        <source>This network is metered; syncing resumes on another one.</source>
        <translation>Dieses Netz ist getaktet; die Synchronisation läuft in einem anderen Netz weiter.</translation>
    </message>
    <message>
        <source>ArchiveSync</source>
        <translation>ArchiveSync</translation>
    </message>
    <message>
        <source>The new settings cannot be read back.</source>
        <translation>Die neuen Einstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Where the agent keeps its state and local copies.</source>
        <translation>Wo der Agent seinen Zustand und die lokalen Kopien ablegt.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZ</translation>
    </message>
    <message>
        <source>Show the status window instead of a tray icon.</source>
        <translation>Statusfenster statt Symbol im Infobereich zeigen.</translation>
    </message>
    <message>
        <source>An archivesync:// message link to open.</source>
        <translation>Ein archivesync://-Nachrichtenlink, der geöffnet werden soll.</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DonePage</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Your archive is on this laptop.</source>
        <translation>Ihr Archiv ist auf diesem Laptop.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The agent keeps the copy up to date in the background, whenever this laptop is online. Its icon in the system tray shows the state; its menu opens the archive, searches it and changes the settings.&lt;/p&gt;&lt;p&gt;Message links in your mailbox now open from this copy when you are offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Agent hält die Kopie im Hintergrund aktuell, sobald dieser Laptop online ist. Sein Symbol im Infobereich zeigt den Zustand; sein Menü öffnet und durchsucht das Archiv und ändert die Einstellungen.&lt;/p&gt;&lt;p&gt;Nachrichtenlinks in Ihrem Postfach öffnen sich offline nun aus dieser Kopie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Open the archive now</source>
        <translation>Archiv jetzt ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FolderPolicyTree</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>Auf diesem Laptop</translation>
    </message>
    <message>
        <source>Apply to all subfolders</source>
        <translation>Auf alle Unterordner anwenden</translation>
    </message>
    <message>
        <source>Size (whole)</source>
        <translation>Größe (vollständig)</translation>
    </message>
    <message>
        <source>Whole messages</source>
        <translation>Vollständige Nachrichten</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>Nur Kopfzeilen</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>Contacts, calendars, tasks and notes are always kept whole.</source>
        <translation>Kontakte, Kalender, Aufgaben und Notizen werden immer vollständig gehalten.</translation>
    </message>
    <message>
        <source>All other folders</source>
        <translation>Alle anderen Ordner</translation>
    </message>
    <message>
        <source>Folders not listed here, and folders created later. Signed and encrypted messages always travel whole.</source>
        <translation>Hier nicht aufgeführte und später angelegte Ordner. Signierte und verschlüsselte Nachrichten kommen immer vollständig.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n Nachricht</numerusform><numerusform>%n Nachrichten</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FolderTreeModel</name>
    <message>
        <source>%1 (not synced yet)</source>
        <translation>%1 (noch nicht synchronisiert)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1 whole</source>
        <translation><numerusform>%n Nachricht, %1 vollständig</numerusform><numerusform>%n Nachrichten, %1 vollständig</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::FoldersPage</name>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Keep whole messages where you need to read them offline; headers only elsewhere saves space. Signed and encrypted messages, contacts, calendars, tasks and notes always travel whole.</source>
        <translation>Halten Sie vollständige Nachrichten dort, wo Sie sie offline lesen müssen; anderswo sparen Kopfzeilen Platz. Signierte und verschlüsselte Nachrichten, Kontakte, Kalender, Aufgaben und Notizen kommen immer vollständig.</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Postfach:</translation>
    </message>
    <message>
        <source>Estimated download for %1: %2 (headers of all %3 messages: %4).</source>
        <translation>Geschätzter Download für %1: %2 (Kopfzeilen aller %3 Nachrichten: %4).</translation>
    </message>
    <message>
        <source>All mailboxes: %1.</source>
        <translation>Alle Postfächer: %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::HeadlessAgent</name>
    <message>
        <source>another agent is working on %1</source>
        <translation>ein anderer Agent arbeitet an %1</translation>
    </message>
    <message>
        <source>this agent runs without a desktop</source>
        <translation>dieser Agent läuft ohne Desktop</translation>
    </message>
    <message>
        <source>this laptop is not set up yet</source>
        <translation>dieser Laptop ist noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>unknown command '%1'</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::InitialSyncPage</name>
    <message>
        <source>Initial sync</source>
        <translation>Erstsynchronisation</translation>
    </message>
    <message>
        <source>The archive is being copied to this laptop. You may close this window: the sync goes on in the background, and the tray icon shows how far it is.</source>
        <translation>Das Archiv wird auf diesen Laptop kopiert. Sie können dieses Fenster schließen: Die Synchronisation läuft im Hintergrund weiter, das Symbol im Infobereich zeigt den Fortschritt.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Downloaded:</source>
        <translation>Heruntergeladen:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Nachrichten:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
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
        <translation>In der Warteschlange, Position %1: Der Dienst lässt zum Schutz seiner Festplatten nur wenige Laptops gleichzeitig kopieren. Die Synchronisation beginnt von selbst; bis dahin können Sie das Archiv online nutzen.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxesPage</name>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>These are the archived mailboxes you may read that are available offline. Choose those to keep on this laptop.</source>
        <translation>Dies sind die archivierten Postfächer, die Sie lesen dürfen und die offline verfügbar sind. Wählen Sie, welche auf diesem Laptop gehalten werden.</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Size on the service</source>
        <translation>Größe auf dem Dienst</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Asking the service which mailboxes you may keep offline…</source>
        <translation>Der Dienst wird gefragt, welche Postfächer Sie offline halten dürfen …</translation>
    </message>
    <message>
        <source>Cannot list your mailboxes: %1</source>
        <translation>Ihre Postfächer können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Offline sync is not enabled for this mailbox on the service.</source>
        <translation>Die Offline-Synchronisation ist für dieses Postfach auf dem Dienst nicht eingeschaltet.</translation>
    </message>
    <message>
        <source>The service offers no mailbox to you for offline use. Ask your administrator to enable offline sync for your mailbox.</source>
        <translation>Der Dienst bietet Ihnen kein Postfach zur Offline-Nutzung an. Bitten Sie Ihren Administrator, die Offline-Synchronisation für Ihr Postfach einzuschalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) available.</source>
        <translation><numerusform>%n Postfach verfügbar.</numerusform><numerusform>%n Postfächer verfügbar.</numerusform></translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>Nur Kopfzeilen</translation>
    </message>
    <message>
        <source>The whole message is on this laptop.</source>
        <translation>Die vollständige Nachricht ist auf diesem Laptop.</translation>
    </message>
    <message>
        <source>Only the headers are on this laptop; the body opens when online.</source>
        <translation>Nur die Kopfzeilen sind auf diesem Laptop; der Inhalt öffnet sich online.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
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
        <translation>Vom Dienst holen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
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
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Only the headers of this message are on this laptop: the body is not available offline. Fetch it when online.</source>
        <translation>Von dieser Nachricht sind nur die Kopfzeilen auf diesem Laptop: Der Inhalt ist offline nicht verfügbar. Holen Sie ihn, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>anhang</translation>
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
        <translation>Wo ist der ArchiveSync-Dienst Ihrer Organisation? Ihr Administrator kann es Ihnen sagen.</translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <translation>&amp;Adresse des Dienstes:</translation>
    </message>
    <message>
        <source>The service's certificate was refused:</source>
        <translation>Das Zertifikat des Dienstes wurde abgelehnt:</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>Ausgestellt für: %1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Ausgestellt von: %1</translation>
    </message>
    <message>
        <source>Valid: %1 to %2</source>
        <translation>Gültig: %1 bis %2</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Namen: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your administrator gives you. Do not go on if the certificate is not your service's.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den Ihr Administrator Ihnen nennt. Fahren Sie nicht fort, wenn das Zertifikat nicht das Ihres Dienstes ist.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure.</source>
        <translation>Die Verbindung zu %1 ist nicht sicher.</translation>
    </message>
    <message>
        <source>Cannot reach the service at %1: %2</source>
        <translation>Der Dienst unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The service at %1 answers.</source>
        <translation>Der Dienst unter %1 antwortet.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SettingsDialog</name>
    <message>
        <source>ArchiveSync Settings</source>
        <translation>ArchiveSync-Einstellungen</translation>
    </message>
    <message>
        <source>ArchiveSync</source>
        <translation>ArchiveSync</translation>
    </message>
    <message>
        <source>&amp;Mailboxes and folders</source>
        <translation>&amp;Postfächer und Ordner</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Netzwerk</translation>
    </message>
    <message>
        <source>S&amp;torage</source>
        <translation>S&amp;peicher</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Dieser Laptop:</translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation>%1 (Gerät %2)</translation>
    </message>
    <message>
        <source>To use another account, run &lt;tt&gt;archivesync-agent setup&lt;/tt&gt;, or remove the data directory and start the agent again.</source>
        <translation>Für ein anderes Konto führen Sie &lt;tt&gt;archivesync-agent setup&lt;/tt&gt; aus oder löschen das Datenverzeichnis und starten den Agenten neu.</translation>
    </message>
    <message>
        <source>Mailbox:</source>
        <translation>Postfach:</translation>
    </message>
    <message>
        <source>Excluding or including a folder rebuilds that mailbox's copy; switching between whole and headers only applies from the next sync.</source>
        <translation>Das Ein- oder Ausschließen eines Ordners baut die Kopie dieses Postfachs neu auf; der Wechsel zwischen vollständig und nur Kopfzeilen gilt ab der nächsten Synchronisation.</translation>
    </message>
    <message>
        <source>&amp;Limit the download rate to</source>
        <translation>Download-Rate &amp;begrenzen auf</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>but at &amp;full speed from</source>
        <translation>aber mit &amp;voller Geschwindigkeit von</translation>
    </message>
    <message>
        <source>&amp;Pause while on a metered network (mobile hotspot, tethering)</source>
        <translation>In getakteten Netzen &amp;anhalten (mobiler Hotspot, Tethering)</translation>
    </message>
    <message>
        <source>This system does not tell whether a network is metered.</source>
        <translation>Dieses System meldet nicht, ob ein Netz getaktet ist.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Reset local copy…</source>
        <translation>Lokale Kopie &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>Reset deletes the copies on this laptop and fetches them again from the service. Use it when the copy seems damaged.</source>
        <translation>Zurücksetzen löscht die Kopien auf diesem Laptop und holt sie erneut vom Dienst. Nutzen Sie es, wenn die Kopie beschädigt scheint.</translation>
    </message>
    <message>
        <source>Location: %1
Local copies: %2
Free space: %3</source>
        <translation>Ort: %1
Lokale Kopien: %2
Freier Speicher: %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Cannot change the folders of %1: %2</source>
        <translation>Die Ordner von %1 können nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Delete the local copies of every mailbox and fetch them again? Until the sync is done, the archive is not available offline.</source>
        <translation>Die lokalen Kopien aller Postfächer löschen und neu holen? Bis die Synchronisation fertig ist, ist das Archiv offline nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot reset the local copy: %1</source>
        <translation>Die lokale Kopie kann nicht zurückgesetzt werden: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SetupWizard</name>
    <message>
        <source>Set up ArchiveSync</source>
        <translation>ArchiveSync einrichten</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>How your administrator sees this laptop.</source>
        <translation>So sieht Ihr Administrator diesen Laptop.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>This &amp;laptop's name:</source>
        <translation>Name dieses &amp;Laptops:</translation>
    </message>
    <message>
        <source>Your password is used once, to register this laptop, and is not stored. Your administrator can revoke the laptop at any time.</source>
        <translation>Ihr Passwort wird einmal verwendet, um diesen Laptop zu registrieren, und nicht gespeichert. Ihr Administrator kann den Laptop jederzeit sperren.</translation>
    </message>
    <message>
        <source>Sign in to %1 with your user name and password.</source>
        <translation>Melden Sie sich bei %1 mit Benutzername und Passwort an.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation>Benutzername oder Passwort stimmt nicht.</translation>
    </message>
    <message>
        <source>Signed in, but this laptop could not be registered: %1</source>
        <translation>Angemeldet, aber dieser Laptop konnte nicht registriert werden: %1</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>Anmeldung nicht möglich: %1</translation>
    </message>
    <message>
        <source>This laptop is registered as device %1.</source>
        <translation>Dieser Laptop ist als Gerät %1 registriert.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusWindow</name>
    <message>
        <source>ArchiveSync Agent</source>
        <translation>ArchiveSync-Agent</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StoragePage</name>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>The copy is kept encrypted in your profile. Check that it fits.</source>
        <translation>Die Kopie wird verschlüsselt in Ihrem Profil abgelegt. Prüfen Sie, ob sie passt.</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Space needed (estimate):</source>
        <translation>Benötigter Platz (geschätzt):</translation>
    </message>
    <message>
        <source>Free space there:</source>
        <translation>Freier Platz dort:</translation>
    </message>
    <message>
        <source>To keep the archive somewhere else, start the agent with &lt;tt&gt;--data-dir&lt;/tt&gt; pointing there.</source>
        <translation>Um das Archiv woanders abzulegen, starten Sie den Agenten mit &lt;tt&gt;--data-dir&lt;/tt&gt; und diesem Ort.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>✔ There is enough room: %1 stay free afterwards.</source>
        <translation>✔ Es ist genug Platz: Danach bleiben %1 frei.</translation>
    </message>
    <message>
        <source>✘ The agent cannot write to this location.</source>
        <translation>✘ Der Agent kann an diesem Ort nicht schreiben.</translation>
    </message>
    <message>
        <source>✘ Not enough free space: the copy needs %1 and %2 must stay free, but only %3 are available. Go back and keep fewer folders whole, or free some space.</source>
        <translation>✘ Nicht genug freier Platz: Die Kopie braucht %1 und %2 müssen frei bleiben, verfügbar sind aber nur %3. Gehen Sie zurück und halten Sie weniger Ordner vollständig, oder schaffen Sie Platz.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SummaryPage</name>
    <message>
        <source>whole messages</source>
        <translation>vollständige Nachrichten</translation>
    </message>
    <message>
        <source>headers only</source>
        <translation>nur Kopfzeilen</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check your choices. Start the sync when they are right.</source>
        <translation>Prüfen Sie Ihre Auswahl. Starten Sie die Synchronisation, wenn sie stimmt.</translation>
    </message>
    <message>
        <source>&amp;Start sync</source>
        <translation>Synchronisation &amp;starten</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Dieser Laptop:</translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation>%1 (Gerät %2)</translation>
    </message>
    <message>
        <source>%1 and subfolders</source>
        <translation>%1 und Unterordner</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>other folders: %1</source>
        <translation>andere Ordner: %1</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>Download:</translation>
    </message>
    <message>
        <source>Disk space:</source>
        <translation>Speicherplatz:</translation>
    </message>
    <message>
        <source>about %1 in %2</source>
        <translation>etwa %1 in %2</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Die Einstellungen können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::TrayController</name>
    <message>
        <source>Set up this laptop…</source>
        <translation>Diesen Laptop einrichten …</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Open archive…</source>
        <translation>Archiv öffnen …</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Archive as of %1 — safe to disconnect</source>
        <translation>Archiv vom Stand %1 — Trennen ist sicher</translation>
    </message>
    <message>
        <source>ArchiveSync cannot sync %1</source>
        <translation>ArchiveSync kann %1 nicht synchronisieren</translation>
    </message>
    <message>
        <source>Your archive is ready offline</source>
        <translation>Ihr Archiv ist offline bereit</translation>
    </message>
    <message>
        <source>The initial sync has finished: the archive is on this laptop, as of %1.</source>
        <translation>Die Erstsynchronisation ist fertig: Das Archiv ist auf diesem Laptop, Stand %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::WelcomePage</name>
    <message>
        <source>Welcome to ArchiveSync</source>
        <translation>Willkommen bei ArchiveSync</translation>
    </message>
    <message>
        <source>Your archived mail, on this laptop, also when you are offline.</source>
        <translation>Ihre archivierte Post auf diesem Laptop, auch wenn Sie offline sind.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The ArchiveSync agent keeps a copy of the mail archive on this laptop. It fetches what is archived on the server, keeps it up to date in the background, and lets you search and read it offline; message links from your mailbox open from it.&lt;/p&gt;&lt;p&gt;To set it up you need:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the address of your organisation's ArchiveSync service,&lt;/li&gt;&lt;li&gt;your user name and password,&lt;/li&gt;&lt;li&gt;some free disk space (the wizard tells you how much).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The copy is encrypted with a key kept in this computer's keychain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der ArchiveSync-Agent hält eine Kopie des Mailarchivs auf diesem Laptop. Er holt, was auf dem Server archiviert ist, hält es im Hintergrund aktuell und lässt Sie es offline durchsuchen und lesen; Nachrichtenlinks aus Ihrem Postfach öffnen sich daraus.&lt;/p&gt;&lt;p&gt;Zum Einrichten brauchen Sie:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;die Adresse des ArchiveSync-Dienstes Ihrer Organisation,&lt;/li&gt;&lt;li&gt;Ihren Benutzernamen und Ihr Passwort,&lt;/li&gt;&lt;li&gt;etwas freien Speicherplatz (der Assistent sagt Ihnen, wie viel).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Die Kopie wird mit einem Schlüssel verschlüsselt, der im Schlüsselbund dieses Computers liegt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Not set up</source>
        <translation>Nicht eingerichtet</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
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
        <translation>synchronisiert %1 % (%2 von %3)</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>queued, position %1</source>
        <translation>in der Warteschlange, Position %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message numerus="yes">
        <source>up to date, %n message(s)</source>
        <translation><numerusform>aktuell, %n Nachricht</numerusform><numerusform>aktuell, %n Nachrichten</numerusform></translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Syncing, %1% done</source>
        <translation>Synchronisiert, %1 % erledigt</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>Angehalten bis %1</translation>
    </message>
    <message>
        <source>ArchiveSync: %1</source>
        <translation>ArchiveSync: %1</translation>
    </message>
    <message>
        <source>Archive as of %1</source>
        <translation>Archiv vom Stand %1</translation>
    </message>
    <message>
        <source>Safe to disconnect</source>
        <translation>Trennen ist sicher</translation>
    </message>
</context>
</TS>