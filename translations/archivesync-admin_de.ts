<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveSync::ChooseMailboxesDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Choose Mailboxes</source>
        <translation>Postfächer auswählen</translation>
    </message>
    <message>
        <source>Search by address or name</source>
        <translation>Nach Adresse oder Name suchen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Mailbo&amp;xes to manage:</source>
        <translation>Zu verwaltende Post&amp;fächer:</translation>
    </message>
    <message>
        <source>Archived mailboxes that are not managed yet:</source>
        <translation>Archivierte Postfächer, die noch nicht verwaltet werden:</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>Verzeichnis wird gelesen …</translation>
    </message>
    <message>
        <source>Could not read the directory.</source>
        <translation>Das Verzeichnis konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Every archived mailbox is managed already.</source>
        <translation>Alle archivierten Postfächer werden bereits verwaltet.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DeviceTableModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Generation applied</source>
        <translation>Angewendete Generation</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DirectoryModel</name>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Archived messages</source>
        <translation>Archivierte Nachrichten</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ErrorText</name>
    <message>
        <source>The service cannot be reached.</source>
        <translation>Der Dienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Your session is no longer valid; please sign in again.</source>
        <translation>Ihre Sitzung ist nicht mehr gültig; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Ihr Konto ist dazu nicht berechtigt.</translation>
    </message>
    <message>
        <source>The service does not know this item (any more).</source>
        <translation>Der Dienst kennt dieses Objekt nicht (mehr).</translation>
    </message>
    <message>
        <source>The service refused because of the current state.</source>
        <translation>Der Dienst hat wegen des aktuellen Zustands abgelehnt.</translation>
    </message>
    <message>
        <source>The service refused the values given.</source>
        <translation>Der Dienst hat die angegebenen Werte abgelehnt.</translation>
    </message>
    <message>
        <source>The service is busy; try again shortly.</source>
        <translation>Der Dienst ist ausgelastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The service ran into a problem.</source>
        <translation>Beim Dienst ist ein Problem aufgetreten.</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>Die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source> (setting: %1)</source>
        <translation> (Einstellung: %1)</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Retry in %1 s.</source>
        <translation>Erneut versuchen in %1 s.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::JobHistoryModel</name>
    <message>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>Neuaufbau</translation>
    </message>
    <message>
        <source>Synchronize now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Catch-up after downtime</source>
        <translation>Nachholen nach Ausfallzeit</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::LaptopsPage</name>
    <message>
        <source>Show &amp;revoked laptops</source>
        <translation>&amp;Gesperrte Laptops anzeigen</translation>
    </message>
    <message>
        <source>Re&amp;voke Laptop…</source>
        <translation>Laptop &amp;sperren …</translation>
    </message>
    <message>
        <source>Revoke the selected laptop: its token stops working at once</source>
        <translation>Den ausgewählten Laptop sperren: Sein Token wird sofort ungültig</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Laptops&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Laptops&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Could not read the laptops.</source>
        <translation>Die Laptops konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Repository size (MiB)</source>
        <translation>Repository-Größe (MiB)</translation>
    </message>
    <message>
        <source>Repository size per mailbox (MiB)</source>
        <translation>Repository-Größe pro Postfach (MiB)</translation>
    </message>
    <message>
        <source>Laptop freshness</source>
        <translation>Aktualität der Laptops</translation>
    </message>
    <message>
        <source>Laptop freshness — no laptops registered</source>
        <translation>Aktualität der Laptops — keine Laptops registriert</translation>
    </message>
    <message>
        <source>Revoke the laptop &quot;%1&quot; of %2?

Its token stops working at once: it can no longer download updates or open archived messages through the service. The copy already on the laptop stays there until the user removes it. To bring the user back, run the agent&apos;s setup again on a laptop.</source>
        <translation>Den Laptop &quot;%1&quot; von %2 sperren?

Sein Token wird sofort ungültig: Er kann keine Aktualisierungen mehr herunterladen und keine archivierten Nachrichten mehr über den Dienst öffnen. Die Kopie, die bereits auf dem Laptop liegt, bleibt dort, bis der Benutzer sie entfernt. Um den Benutzer wieder anzubinden, führen Sie die Einrichtung des Agenten erneut auf einem Laptop aus.</translation>
    </message>
    <message>
        <source>Revoke Laptop</source>
        <translation>Laptop sperren</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Could not revoke %1.</source>
        <translation>%1 konnte nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>The laptop &quot;%1&quot; was revoked.</source>
        <translation>Der Laptop &quot;%1&quot; wurde gesperrt.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxManagerPage</name>
    <message>
        <source>&amp;Add Mailbox…</source>
        <translation>Postfach &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;Synchronize Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Flush Offline Repository…</source>
        <translation>Offline-Repository &amp;neu aufbauen …</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Add mailboxes from the archive&apos;s directory</source>
        <translation>Postfächer aus dem Verzeichnis des Archivs hinzufügen</translation>
    </message>
    <message>
        <source>Update the selected mailbox&apos;s offline repository now</source>
        <translation>Das Offline-Repository des ausgewählten Postfachs jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Discard the selected mailbox&apos;s offline repository and rebuild it</source>
        <translation>Das Offline-Repository des ausgewählten Postfachs verwerfen und neu aufbauen</translation>
    </message>
    <message>
        <source>Filter by address, name or state (Ctrl+F)</source>
        <translation>Nach Adresse, Name oder Zustand filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Mailbox Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Postfachverwaltung&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Could not read the mailboxes.</source>
        <translation>Die Postfächer konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>%1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt …</translation>
    </message>
    <message>
        <source>Added %1. Open Properties to enable offline synchronization.</source>
        <translation>%1 wurde hinzugefügt. Öffnen Sie die Eigenschaften, um die Offline-Synchronisation einzuschalten.</translation>
    </message>
    <message>
        <source>Could not synchronize %1.</source>
        <translation>%1 konnte nicht synchronisiert werden.</translation>
    </message>
    <message>
        <source>Updating the offline repository of %1. Laptops pick up the new segments on their next check.</source>
        <translation>Das Offline-Repository von %1 wird aktualisiert. Die Laptops holen die neuen Segmente bei ihrer nächsten Prüfung.</translation>
    </message>
    <message>
        <source>Flush the offline repository of %1?

On the server, the repository is discarded and rebuilt from the archive as a new generation. Every laptop holding this mailbox discards its local copy and downloads it again in full, which takes time and network capacity; until then, the mailbox is not available offline on those laptops.

The archive itself is not changed.</source>
        <translation>Das Offline-Repository von %1 neu aufbauen?

Auf dem Server wird das Repository verworfen und als neue Generation aus dem Archiv neu aufgebaut. Jeder Laptop mit diesem Postfach verwirft seine lokale Kopie und lädt sie vollständig neu herunter, was Zeit und Netzwerkkapazität kostet; bis dahin ist das Postfach auf diesen Laptops offline nicht verfügbar.

Das Archiv selbst wird nicht verändert.</translation>
    </message>
    <message>
        <source>Flush Offline Repository</source>
        <translation>Offline-Repository neu aufbauen</translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Neu aufbauen</translation>
    </message>
    <message>
        <source>Could not flush %1.</source>
        <translation>Das Offline-Repository von %1 konnte nicht neu aufgebaut werden.</translation>
    </message>
    <message>
        <source>Flushing the offline repository of %1: it is rebuilt as a new generation.</source>
        <translation>Das Offline-Repository von %1 wird verworfen und als neue Generation neu aufgebaut.</translation>
    </message>
    <message>
        <source>Stop managing %1?

Its offline repository is no longer updated and laptops stop receiving it. The archived mail stays in the archive; you can add the mailbox again from the directory.</source>
        <translation>%1 nicht mehr verwalten?

Das Offline-Repository des Postfachs wird nicht mehr aktualisiert, und die Laptops erhalten es nicht mehr. Die archivierte Post bleibt im Archiv; Sie können das Postfach wieder aus dem Verzeichnis hinzufügen.</translation>
    </message>
    <message>
        <source>Remove Mailbox</source>
        <translation>Postfach entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>%1 is no longer managed.</source>
        <translation>%1 wird nicht mehr verwaltet.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxPropertiesDialog</name>
    <message>
        <source>&amp;Enable offline archive synchronization for this mailbox</source>
        <translation>Offline-Archivsynchronisation für dieses Postfach &amp;einschalten</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Konfigurieren …</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>%1 — Properties</source>
        <translation>%1 — Eigenschaften</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Archived messages:</source>
        <translation>Archivierte Nachrichten:</translation>
    </message>
    <message>
        <source>Offline repository:</source>
        <translation>Offline-Repository:</translation>
    </message>
    <message>
        <source>When enabled, the service keeps an offline repository of this mailbox up to date on schedule, and the laptops of users who may search into it copy it.</source>
        <translation>Wenn eingeschaltet, hält der Dienst nach Zeitplan ein Offline-Repository dieses Postfachs aktuell, und die Laptops der Benutzer, die darin suchen dürfen, kopieren es.</translation>
    </message>
    <message>
        <source>Settings in force</source>
        <translation>Geltende Einstellungen</translation>
    </message>
    <message>
        <source>Users who may search into this mailbox (and copy it to their laptops):</source>
        <translation>Benutzer, die in diesem Postfach suchen (und es auf ihre Laptops kopieren) dürfen:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Offline archive synchronization</source>
        <translation>Offline-Archivsynchronisation</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Could not read the mailbox.</source>
        <translation>Das Postfach konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>generation %1, revision %2 — %L3 messages, %4 — updated %5</source>
        <translation>Generation %1, Revision %2 — %L3 Nachrichten, %4 — aktualisiert %5</translation>
    </message>
    <message>
        <source>not built yet</source>
        <translation>noch nicht aufgebaut</translation>
    </message>
    <message>
        <source>Could not read the offline settings.</source>
        <translation>Die Offline-Einstellungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read the default settings.</source>
        <translation>Die Standardeinstellungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read the permissions.</source>
        <translation>Die Berechtigungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read the users.</source>
        <translation>Die Benutzer konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Uses the default settings:</source>
        <translation>Verwendet die Standardeinstellungen:</translation>
    </message>
    <message>
        <source>Uses its own settings:</source>
        <translation>Verwendet eigene Einstellungen:</translation>
    </message>
    <message>
        <source>Could not rename the mailbox.</source>
        <translation>Das Postfach konnte nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>Could not change offline synchronization.</source>
        <translation>Die Offline-Synchronisation konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Could not allow %1 to search into the mailbox.</source>
        <translation>Die Suche im Postfach konnte für %1 nicht erlaubt werden.</translation>
    </message>
    <message>
        <source>Could not take %1&apos;s permission away.</source>
        <translation>Die Berechtigung von %1 konnte nicht entzogen werden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxTableModel</name>
    <message>
        <source>Flushing…</source>
        <translation>Wird neu aufgebaut …</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Disabled (repository kept)</source>
        <translation>Ausgeschaltet (Repository behalten)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Waiting for first update</source>
        <translation>Wartet auf erste Aktualisierung</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>%1 of %2 laptops hold the current repository</source>
        <translation>%1 von %2 Laptops haben das aktuelle Repository</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
    <message>
        <source>%L1 archived</source>
        <translation>%L1 archiviert</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Offline sync</source>
        <translation>Offline-Sync</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>Repository size</source>
        <translation>Repository-Größe</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Laptops up to date</source>
        <translation>Aktuelle Laptops</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MainWindow</name>
    <message>
        <source>ArchiveSync Admin</source>
        <translation>ArchiveSync Admin</translation>
    </message>
    <message>
        <source>ArchiveSync</source>
        <translation>ArchiveSync</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mailbox Manager</source>
        <translation>Postfachverwaltung</translation>
    </message>
    <message>
        <source>Laptops</source>
        <translation>Laptops</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The session ended; please sign in again.</source>
        <translation>Die Sitzung ist beendet; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>A&amp;nmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Konfigurieren …</translation>
    </message>
    <message>
        <source>Default offline settings and the update schedule</source>
        <translation>Standard-Offline-Einstellungen und Aktualisierungszeitplan</translation>
    </message>
    <message>
        <source>Synchronize &amp;All Now</source>
        <translation>&amp;Alle jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Die Offline-Repositorys aller eingeschalteten Postfächer jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Mailbox Manager</source>
        <translation>&amp;Postfachverwaltung</translation>
    </message>
    <message>
        <source>&amp;Laptops</source>
        <translation>&amp;Laptops</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Postfach</translation>
    </message>
    <message>
        <source>&amp;Offline Archive</source>
        <translation>&amp;Offline-Archiv</translation>
    </message>
    <message>
        <source>U&amp;sers</source>
        <translation>Ben&amp;utzer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ArchiveSync Admin</source>
        <translation>&amp;Über ArchiveSync Admin</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>ArchiveSync Admin — %1</source>
        <translation>ArchiveSync Admin — %1</translation>
    </message>
    <message>
        <source>About ArchiveSync Admin</source>
        <translation>Über ArchiveSync Admin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ArchiveSync Admin %1&lt;/h3&gt;&lt;p&gt;The administration console of ArchiveSync: offline synchronization of the mail archive to laptops.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ArchiveSync Admin %1&lt;/h3&gt;&lt;p&gt;Die Verwaltungskonsole von ArchiveSync: Offline-Synchronisation des Mailarchivs auf Laptops.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::OfflineSettingsDialog</name>
    <message>
        <source>&amp;Use defaults</source>
        <translation>&amp;Standard verwenden</translation>
    </message>
    <message>
        <source>Offline archive synchronization settings</source>
        <translation>Einstellungen der Offline-Archivsynchronisation</translation>
    </message>
    <message>
        <source>Follow the defaults set under Status → Configure → Offline Archive.</source>
        <translation>Den Standardeinstellungen unter Status → Konfigurieren → Offline-Archiv folgen.</translation>
    </message>
    <message>
        <source>Settings for &lt;b&gt;%1&lt;/b&gt;. Changing what goes offline rebuilds the mailbox&apos;s repository; laptops then download it again.</source>
        <translation>Einstellungen für &lt;b&gt;%1&lt;/b&gt;. Eine Änderung dessen, was offline geht, baut das Repository des Postfachs neu auf; die Laptops laden es dann erneut herunter.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::OfflineSettingsEditor</name>
    <message>
        <source>&amp;Add Folder</source>
        <translation>Ordner &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move Folder</source>
        <translation>Ordner ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Limit each laptop&apos;s cache to</source>
        <translation>Cache jedes Laptops &amp;begrenzen auf</translation>
    </message>
    <message>
        <source>All archived messages</source>
        <translation>Alle archivierten Nachrichten</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Only messages of the last N months go offline; the first value keeps all.</source>
        <translation>Nur Nachrichten der letzten N Monate gehen offline; der erste Wert behält alle.</translation>
    </message>
    <message>
        <source>For folders without a rule of their own.</source>
        <translation>Für Ordner ohne eigene Regel.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Messages travel</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Subfolders too</source>
        <translation>Auch Unterordner</translation>
    </message>
    <message>
        <source>e.g. 50M</source>
        <translation>z. B. 50M</translation>
    </message>
    <message>
        <source>Bigger messages travel as headers only. Sizes like 512K, 50M, 1G.</source>
        <translation>Größere Nachrichten kommen nur als Kopfzeilen. Größen wie 512K, 50M, 1G.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>How often laptops look for updates (5 minutes to 7 days).</source>
        <translation>Wie oft die Laptops nach Aktualisierungen sehen (5 Minuten bis 7 Tage).</translation>
    </message>
    <message>
        <source>e.g. 2G</source>
        <translation>z. B. 2G</translation>
    </message>
    <message>
        <source>What goes offline</source>
        <translation>Was offline geht</translation>
    </message>
    <message>
        <source>&amp;Messages of the last:</source>
        <translation>&amp;Nachrichten der letzten:</translation>
    </message>
    <message>
        <source>Other &amp;folders:</source>
        <translation>Andere &amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder &amp;rules:</source>
        <translation>Ordner&amp;regeln:</translation>
    </message>
    <message>
        <source>Whole messages up &amp;to:</source>
        <translation>Vollständige Nachrichten bis &amp;zu:</translation>
    </message>
    <message>
        <source>Signed and encrypted messages, contacts, calendars, tasks and notes always travel whole.</source>
        <translation>Signierte und verschlüsselte Nachrichten, Kontakte, Kalender, Aufgaben und Notizen kommen immer vollständig.</translation>
    </message>
    <message>
        <source>Laptops</source>
        <translation>Laptops</translation>
    </message>
    <message>
        <source>&amp;Check for updates every:</source>
        <translation>Aktualisierungen &amp;prüfen alle:</translation>
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
        <source>Not offline</source>
        <translation>Nicht offline</translation>
    </message>
    <message>
        <source>Apply to all subfolders</source>
        <translation>Auf alle Unterordner anwenden</translation>
    </message>
    <message>
        <source>Folder rule %1 has no folder name.</source>
        <translation>Ordnerregel %1 hat keinen Ordnernamen.</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; has two rules.</source>
        <translation>Der Ordner &apos;%1&apos; hat zwei Regeln.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size; write it like 512K, 50M or 1G.</source>
        <translation>&apos;%1&apos; ist keine Größe; schreiben Sie sie etwa als 512K, 50M oder 1G.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a cache size; write it like 500M or 2G.</source>
        <translation>&apos;%1&apos; ist keine Cache-Größe; schreiben Sie sie etwa als 500M oder 2G.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ScheduleDialog</name>
    <message>
        <source>&amp;Daily</source>
        <translation>&amp;Täglich</translation>
    </message>
    <message>
        <source>&amp;Weekly</source>
        <translation>&amp;Wöchentlich</translation>
    </message>
    <message>
        <source>&amp;Every few hours</source>
        <translation>&amp;Alle paar Stunden</translation>
    </message>
    <message>
        <source>&amp;Add Time</source>
        <translation>Uhrzeit &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Time</source>
        <translation>Uhrzeit &amp;entfernen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Run every day &amp;at:</source>
        <translation>Täglich ausführen &amp;um:</translation>
    </message>
    <message>
        <source>At &amp;time:</source>
        <translation>&amp;Uhrzeit:</translation>
    </message>
    <message>
        <source>Run &amp;hourly:</source>
        <translation>Wiederholt aus&amp;führen:</translation>
    </message>
    <message>
        <source>Runs start at midnight and repeat through the day.</source>
        <translation>Läufe beginnen um Mitternacht und wiederholen sich über den Tag.</translation>
    </message>
    <message>
        <source>When to update the offline repositories</source>
        <translation>Wann die Offline-Repositorys aktualisiert werden</translation>
    </message>
    <message>
        <source>Next five runs</source>
        <translation>Nächste fünf Läufe</translation>
    </message>
    <message>
        <source>Add at least one time of day.</source>
        <translation>Fügen Sie mindestens eine Uhrzeit hinzu.</translation>
    </message>
    <message>
        <source>Choose at least one day of the week.</source>
        <translation>Wählen Sie mindestens einen Wochentag.</translation>
    </message>
    <message>
        <source>Times in the service&apos;s time zone, %1.</source>
        <translation>Zeiten in der Zeitzone des Dienstes, %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SignInDialog</name>
    <message>
        <source>&amp;Keep me signed in on this computer (system keychain)</source>
        <translation>Auf diesem Computer angemeldet b&amp;leiben (Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Sign In — ArchiveSync Admin</source>
        <translation>Anmelden — ArchiveSync Admin</translation>
    </message>
    <message>
        <source>https://archive.example.org:8470</source>
        <translation>https://archive.example.org:8470</translation>
    </message>
    <message>
        <source>&lt;h2&gt;ArchiveSync Admin&lt;/h2&gt;Sign in to the archive service with an administrator&apos;s account.</source>
        <translation>&lt;h2&gt;ArchiveSync Admin&lt;/h2&gt;Melden Sie sich mit einem Administratorkonto beim Archivdienst an.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
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
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a service address. Write it like https://archive.example.org:8470.</source>
        <translation>&apos;%1&apos; ist keine Dienstadresse. Schreiben Sie sie etwa als https://archive.example.org:8470.</translation>
    </message>
    <message>
        <source>Not connected: the service&apos;s certificate was not trusted.</source>
        <translation>Nicht verbunden: Dem Zertifikat des Dienstes wurde nicht vertraut.</translation>
    </message>
    <message>
        <source>Could not sign in.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an administrator. Sign in with an administrator&apos;s account.</source>
        <translation>&apos;%1&apos; ist kein Administrator. Melden Sie sich mit einem Administratorkonto an.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusPage</name>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Konfigurieren …</translation>
    </message>
    <message>
        <source>Synchronize &amp;Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Die Offline-Repositorys aller eingeschalteten Postfächer jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Status&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Status&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Offline repository updates</source>
        <translation>Aktualisierungen der Offline-Repositorys</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Last run:</source>
        <translation>Letzter Lauf:</translation>
    </message>
    <message>
        <source>Next run:</source>
        <translation>Nächster Lauf:</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Running job:</source>
        <translation>Laufender Auftrag:</translation>
    </message>
    <message>
        <source>Waiting jobs:</source>
        <translation>Wartende Aufträge:</translation>
    </message>
    <message>
        <source>Initial syncs:</source>
        <translation>Erstsynchronisationen:</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <translation>Letzte Fehler</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>Auftragsverlauf</translation>
    </message>
    <message>
        <source>Could not read the status.</source>
        <translation>Der Status konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 of %2 slots in use</source>
        <translation>%1 von %2 Plätzen belegt</translation>
    </message>
    <message>
        <source>%1. %2 (laptop %3)</source>
        <translation>%1. %2 (Laptop %3)</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Wartend: %1</translation>
    </message>
    <message>
        <source>, none waiting</source>
        <translation>, keiner wartet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1, %2, started %3</source>
        <translation>%1, %2, gestartet %3</translation>
    </message>
    <message>
        <source>Working on %1</source>
        <translation>Bearbeitet %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>none — idle</source>
        <translation>keiner — im Leerlauf</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>Job %1 (%2): %3</source>
        <translation>Auftrag %1 (%2): %3</translation>
    </message>
    <message>
        <source>No errors in the recent jobs.</source>
        <translation>Keine Fehler in den letzten Aufträgen.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Could not start the update.</source>
        <translation>Die Aktualisierung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Updating every enabled mailbox&apos;s offline repository now.</source>
        <translation>Die Offline-Repositorys aller eingeschalteten Postfächer werden jetzt aktualisiert.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusPropertiesDialog</name>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Zeitplan …</translation>
    </message>
    <message>
        <source>Synchronize &amp;Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Status Properties</source>
        <translation>Status-Eigenschaften</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Die Offline-Repositorys aller eingeschalteten Postfächer jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Repository updates</source>
        <translation>Repository-Aktualisierungen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Default settings&lt;/b&gt; for mailboxes that use the defaults:</source>
        <translation>&lt;b&gt;Standardeinstellungen&lt;/b&gt; für Postfächer, die die Standardwerte verwenden:</translation>
    </message>
    <message>
        <source>Offline Archive</source>
        <translation>Offline-Archiv</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Could not read the default settings.</source>
        <translation>Die Standardeinstellungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not read the schedule.</source>
        <translation>Der Zeitplan konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Offline repositories are updated %1.</source>
        <translation>Offline-Repositorys werden %1 aktualisiert.</translation>
    </message>
    <message>
        <source>(changed; saved with OK)</source>
        <translation>(geändert; wird mit OK gespeichert)</translation>
    </message>
    <message>
        <source>Could not start the update.</source>
        <translation>Die Aktualisierung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Updating every enabled mailbox&apos;s offline repository now.</source>
        <translation>Die Offline-Repositorys aller eingeschalteten Postfächer werden jetzt aktualisiert.</translation>
    </message>
    <message>
        <source>Could not save the default settings.</source>
        <translation>Die Standardeinstellungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not save the schedule.</source>
        <translation>Der Zeitplan konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::TlsErrorDialog</name>
    <message>
        <source>Certificate Not Trusted</source>
        <translation>Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>&lt;p&gt;The identity of &lt;b&gt;%1&lt;/b&gt; could not be verified:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Someone may be impersonating the server. Only continue if the fingerprint below matches the one your server administrator gave you.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Identität von &lt;b&gt;%1&lt;/b&gt; konnte nicht überprüft werden:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Möglicherweise gibt sich jemand als der Server aus. Fahren Sie nur fort, wenn der unten stehende Fingerabdruck mit dem übereinstimmt, den Ihnen Ihr Serveradministrator gegeben hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server sent no certificate.</source>
        <translation>Der Server hat kein Zertifikat gesendet.</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate for This Session</source>
        <translation>Diesem Zertifikat für diese Sitzung &amp;vertrauen</translation>
    </message>
    <message>
        <source>&amp;Do Not Connect</source>
        <translation>&amp;Nicht verbinden</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>Ausgestellt für: %1</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Namen: %1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Ausgestellt von: %1</translation>
    </message>
    <message>
        <source>Valid from: %1</source>
        <translation>Gültig ab: %1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>Gültig bis: %1</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>Seriennummer: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UserDialog</name>
    <message>
        <source>New User</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Reset Password of %1</source>
        <translation>Passwort von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>Das Passwort braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UserTableModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UsersPage</name>
    <message>
        <source>&amp;New User…</source>
        <translation>&amp;Neuer Benutzer …</translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation>Passwort &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>Make &amp;Administrator</source>
        <translation>Zum &amp;Administrator machen</translation>
    </message>
    <message>
        <source>&amp;Delete User…</source>
        <translation>Benutzer &amp;löschen …</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Users&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Benutzer&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Could not read the users.</source>
        <translation>Die Benutzer konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Make Regular &amp;User</source>
        <translation>Zum normalen &amp;Benutzer machen</translation>
    </message>
    <message>
        <source>Could not create the user.</source>
        <translation>Der Benutzer konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>Benutzer %1 angelegt.</translation>
    </message>
    <message>
        <source>Could not reset the password.</source>
        <translation>Das Passwort konnte nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>The password of %1 was reset; their sessions have ended.</source>
        <translation>Das Passwort von %1 wurde zurückgesetzt; die Sitzungen wurden beendet.</translation>
    </message>
    <message>
        <source>Could not change the role.</source>
        <translation>Die Rolle konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 ist jetzt: %2.</translation>
    </message>
    <message>
        <source>Delete User</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Delete the account %1?

It can no longer sign in and its sessions end. The mail archive is not changed.</source>
        <translation>Das Konto %1 löschen?

Es kann sich nicht mehr anmelden, und seine Sitzungen werden beendet. Das Mailarchiv wird nicht verändert.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>%1 konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>User %1 deleted.</source>
        <translation>Benutzer %1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>LaptopFreshness</name>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Behind up to a day</source>
        <translation>Bis zu einem Tag im Rückstand</translation>
    </message>
    <message>
        <source>Behind up to a week</source>
        <translation>Bis zu einer Woche im Rückstand</translation>
    </message>
    <message>
        <source>Behind over a week</source>
        <translation>Über eine Woche im Rückstand</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nie verbunden</translation>
    </message>
    <message>
        <source>never connected</source>
        <translation>nie verbunden</translation>
    </message>
    <message>
        <source>%1: g%2</source>
        <translation>%1: g%2</translation>
    </message>
    <message>
        <source> r%1</source>
        <translation> r%1</translation>
    </message>
    <message>
        <source>g%1</source>
        <translation>g%1</translation>
    </message>
</context>
<context>
    <name>MailboxPropertiesDialog</name>
    <message>
        <source>All archived messages</source>
        <translation>Alle archivierten Nachrichten</translation>
    </message>
    <message>
        <source>Messages of the last %1 months</source>
        <translation>Nachrichten der letzten %1 Monate</translation>
    </message>
    <message>
        <source>%1 and subfolders</source>
        <translation>%1 und Unterordner</translation>
    </message>
    <message>
        <source>Other folders: %1</source>
        <translation>Andere Ordner: %1</translation>
    </message>
    <message>
        <source>Whole messages up to %1</source>
        <translation>Vollständige Nachrichten bis %1</translation>
    </message>
    <message>
        <source>Laptops check for updates every %1 minutes</source>
        <translation>Laptops prüfen alle %1 Minuten auf Aktualisierungen</translation>
    </message>
    <message>
        <source>No cache limit on laptops</source>
        <translation>Keine Cache-Begrenzung auf den Laptops</translation>
    </message>
    <message>
        <source>Laptop cache limited to %1</source>
        <translation>Laptop-Cache begrenzt auf %1</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 im Rückstand</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ArchiveSync Admin</source>
        <translation>ArchiveSync Admin</translation>
    </message>
    <message>
        <source>ArchiveSync administration console</source>
        <translation>ArchiveSync-Verwaltungskonsole</translation>
    </message>
    <message>
        <source>Service URL to offer at sign-in.</source>
        <translation>Dienst-URL, die bei der Anmeldung vorgeschlagen wird.</translation>
    </message>
    <message>
        <source>User name to offer.</source>
        <translation>Vorgeschlagener Benutzername.</translation>
    </message>
    <message>
        <source>Seconds between refreshes (default 30).</source>
        <translation>Sekunden zwischen Aktualisierungen (Standard 30).</translation>
    </message>
</context>
</TS>
