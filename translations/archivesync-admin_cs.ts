<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>ArchiveSync::ChooseMailboxesDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Přidat</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>Choose Mailboxes</source>
        <translation>Výběr schránek</translation>
    </message>
    <message>
        <source>Search by address or name</source>
        <translation>Hledat podle adresy nebo jména</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Hledat:</translation>
    </message>
    <message>
        <source>Mailbo&amp;xes to manage:</source>
        <translation>Schránky ke &amp;správě:</translation>
    </message>
    <message>
        <source>Archived mailboxes that are not managed yet:</source>
        <translation>Archivované schránky, které ještě nejsou spravovány:</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>Načítá se adresář…</translation>
    </message>
    <message>
        <source>Could not read the directory.</source>
        <translation>Adresář se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Every archived mailbox is managed already.</source>
        <translation>Všechny archivované schránky jsou už spravovány.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DeviceTableModel</name>
    <message>
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Zablokovaný</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Uživatel</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Schránky</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Naposledy viděn</translation>
    </message>
    <message>
        <source>Generation applied</source>
        <translation>Použitá generace</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Zpoždění</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::DirectoryModel</name>
    <message>
        <source>Mailbox</source>
        <translation>Schránka</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Archived messages</source>
        <translation>Archivované zprávy</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ErrorText</name>
    <message>
        <source>The service cannot be reached.</source>
        <translation>Služba není dostupná.</translation>
    </message>
    <message>
        <source>Your session is no longer valid; please sign in again.</source>
        <translation>Vaše relace již není platná; přihlaste se prosím znovu.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Váš účet k tomu nemá oprávnění.</translation>
    </message>
    <message>
        <source>The service does not know this item (any more).</source>
        <translation>Služba tuto položku nezná (nebo už nezná).</translation>
    </message>
    <message>
        <source>The service refused because of the current state.</source>
        <translation>Služba požadavek odmítla kvůli aktuálnímu stavu.</translation>
    </message>
    <message>
        <source>The service refused the values given.</source>
        <translation>Služba odmítla zadané hodnoty.</translation>
    </message>
    <message>
        <source>The service is busy; try again shortly.</source>
        <translation>Služba je vytížená; zkuste to za chvíli znovu.</translation>
    </message>
    <message>
        <source>The service ran into a problem.</source>
        <translation>Ve službě došlo k problému.</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>Požadavek selhal.</translation>
    </message>
    <message>
        <source> (setting: %1)</source>
        <translation> (nastavení: %1)</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Podrobnosti: %1</translation>
    </message>
    <message>
        <source>Retry in %1 s.</source>
        <translation>Zkuste to znovu za %1 s.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::JobHistoryModel</name>
    <message>
        <source>Update</source>
        <translation>Aktualizace</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>Nové sestavení</translation>
    </message>
    <message>
        <source>Synchronize now</source>
        <translation>Synchronizovat nyní</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Plán</translation>
    </message>
    <message>
        <source>Catch-up after downtime</source>
        <translation>Dohnání po výpadku</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Běží</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hotovo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Selhalo</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Spuštěno</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Úloha</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Spouštěč</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Výsledek</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Trvání</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Schránky</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Zprávy</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Zapsáno</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Chyby</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::LaptopsPage</name>
    <message>
        <source>Show &amp;revoked laptops</source>
        <translation>Zobrazit &amp;zablokované notebooky</translation>
    </message>
    <message>
        <source>Re&amp;voke Laptop…</source>
        <translation>Za&amp;blokovat notebook…</translation>
    </message>
    <message>
        <source>Revoke the selected laptop: its token stops working at once</source>
        <translation>Zablokovat vybraný notebook: jeho token okamžitě přestane platit</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Laptops&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Notebooky&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Could not read the laptops.</source>
        <translation>Notebooky se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Repository size (MiB)</source>
        <translation>Velikost repozitáře (MiB)</translation>
    </message>
    <message>
        <source>Repository size per mailbox (MiB)</source>
        <translation>Velikost repozitáře podle schránky (MiB)</translation>
    </message>
    <message>
        <source>Laptop freshness</source>
        <translation>Aktuálnost notebooků</translation>
    </message>
    <message>
        <source>Laptop freshness — no laptops registered</source>
        <translation>Aktuálnost notebooků — žádné registrované notebooky</translation>
    </message>
    <message>
        <source>Revoke the laptop &quot;%1&quot; of %2?

Its token stops working at once: it can no longer download updates or open archived messages through the service. The copy already on the laptop stays there until the user removes it. To bring the user back, run the agent&apos;s setup again on a laptop.</source>
        <translation>Zablokovat notebook &quot;%1&quot; uživatele %2?

Jeho token okamžitě přestane platit: notebook už nebude moci stahovat aktualizace ani otevírat archivované zprávy přes službu. Kopie, která už v notebooku je, tam zůstane, dokud ji uživatel neodstraní. Chcete-li uživatele znovu připojit, spusťte na notebooku znovu nastavení agenta.</translation>
    </message>
    <message>
        <source>Revoke Laptop</source>
        <translation>Zablokovat notebook</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Zablokovat</translation>
    </message>
    <message>
        <source>Could not revoke %1.</source>
        <translation>%1 se nepodařilo zablokovat.</translation>
    </message>
    <message>
        <source>The laptop &quot;%1&quot; was revoked.</source>
        <translation>Notebook &quot;%1&quot; byl zablokován.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxManagerPage</name>
    <message>
        <source>&amp;Add Mailbox…</source>
        <translation>&amp;Přidat schránku…</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Vlastnosti</translation>
    </message>
    <message>
        <source>&amp;Synchronize Now</source>
        <translation>&amp;Synchronizovat nyní</translation>
    </message>
    <message>
        <source>&amp;Flush Offline Repository…</source>
        <translation>&amp;Znovu sestavit offline repozitář…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Odebrat…</translation>
    </message>
    <message>
        <source>Add mailboxes from the archive&apos;s directory</source>
        <translation>Přidat schránky z adresáře archivu</translation>
    </message>
    <message>
        <source>Update the selected mailbox&apos;s offline repository now</source>
        <translation>Aktualizovat nyní offline repozitář vybrané schránky</translation>
    </message>
    <message>
        <source>Discard the selected mailbox&apos;s offline repository and rebuild it</source>
        <translation>Zahodit offline repozitář vybrané schránky a sestavit ho znovu</translation>
    </message>
    <message>
        <source>Filter by address, name or state (Ctrl+F)</source>
        <translation>Filtrovat podle adresy, jména nebo stavu (Ctrl+F)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Mailbox Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Správa schránek&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtr:</translation>
    </message>
    <message>
        <source>Could not read the mailboxes.</source>
        <translation>Schránky se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>Schránku %1 se nepodařilo přidat.</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Přidává se schránka %1…</translation>
    </message>
    <message>
        <source>Added %1. Open Properties to enable offline synchronization.</source>
        <translation>Schránka %1 byla přidána. Offline synchronizaci zapnete ve vlastnostech.</translation>
    </message>
    <message>
        <source>Could not synchronize %1.</source>
        <translation>Schránku %1 se nepodařilo synchronizovat.</translation>
    </message>
    <message>
        <source>Updating the offline repository of %1. Laptops pick up the new segments on their next check.</source>
        <translation>Aktualizuje se offline repozitář schránky %1. Notebooky si nové segmenty stáhnou při příští kontrole.</translation>
    </message>
    <message>
        <source>Flush the offline repository of %1?

On the server, the repository is discarded and rebuilt from the archive as a new generation. Every laptop holding this mailbox discards its local copy and downloads it again in full, which takes time and network capacity; until then, the mailbox is not available offline on those laptops.

The archive itself is not changed.</source>
        <translation>Znovu sestavit offline repozitář schránky %1?

Na serveru se repozitář zahodí a znovu sestaví z archivu jako nová generace. Každý notebook s touto schránkou zahodí svou místní kopii a stáhne ji znovu celou, což zabere čas a kapacitu sítě; do té doby není schránka na těchto noteboocích offline k dispozici.

Samotný archiv se nemění.</translation>
    </message>
    <message>
        <source>Flush Offline Repository</source>
        <translation>Znovu sestavit offline repozitář</translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Znovu sestavit</translation>
    </message>
    <message>
        <source>Could not flush %1.</source>
        <translation>Offline repozitář schránky %1 se nepodařilo znovu sestavit.</translation>
    </message>
    <message>
        <source>Flushing the offline repository of %1: it is rebuilt as a new generation.</source>
        <translation>Offline repozitář schránky %1 se zahazuje a znovu sestavuje jako nová generace.</translation>
    </message>
    <message>
        <source>Stop managing %1?

Its offline repository is no longer updated and laptops stop receiving it. The archived mail stays in the archive; you can add the mailbox again from the directory.</source>
        <translation>Přestat spravovat schránku %1?

Její offline repozitář se přestane aktualizovat a notebooky ho přestanou dostávat. Archivovaná pošta zůstane v archivu; schránku můžete z adresáře znovu přidat.</translation>
    </message>
    <message>
        <source>Remove Mailbox</source>
        <translation>Odebrat schránku</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Schránku %1 se nepodařilo odebrat.</translation>
    </message>
    <message>
        <source>%1 is no longer managed.</source>
        <translation>Schránka %1 už není spravována.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxPropertiesDialog</name>
    <message>
        <source>&amp;Enable offline archive synchronization for this mailbox</source>
        <translation>&amp;Zapnout pro tuto schránku offline synchronizaci archivu</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Nastavit…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Přidat</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>%1 — Properties</source>
        <translation>%1 — vlastnosti</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresa:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Zobrazované &amp;jméno:</translation>
    </message>
    <message>
        <source>Archived messages:</source>
        <translation>Archivované zprávy:</translation>
    </message>
    <message>
        <source>Offline repository:</source>
        <translation>Offline repozitář:</translation>
    </message>
    <message>
        <source>When enabled, the service keeps an offline repository of this mailbox up to date on schedule, and the laptops of users who may search into it copy it.</source>
        <translation>Když je zapnuto, služba podle plánu udržuje aktuální offline repozitář této schránky a notebooky uživatelů, kteří v ní smějí hledat, si ho kopírují.</translation>
    </message>
    <message>
        <source>Settings in force</source>
        <translation>Platná nastavení</translation>
    </message>
    <message>
        <source>Users who may search into this mailbox (and copy it to their laptops):</source>
        <translation>Uživatelé, kteří smějí v této schránce hledat (a kopírovat si ji do notebooků):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Uživatel:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Obecné</translation>
    </message>
    <message>
        <source>Offline archive synchronization</source>
        <translation>Offline synchronizace archivu</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Oprávnění</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Načítá se…</translation>
    </message>
    <message>
        <source>Could not read the mailbox.</source>
        <translation>Schránku se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>generation %1, revision %2 — %L3 messages, %4 — updated %5</source>
        <translation>generace %1, revize %2 — zprávy: %L3, %4 — aktualizováno %5</translation>
    </message>
    <message>
        <source>not built yet</source>
        <translation>ještě nesestaven</translation>
    </message>
    <message>
        <source>Could not read the offline settings.</source>
        <translation>Offline nastavení se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Could not read the default settings.</source>
        <translation>Výchozí nastavení se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Could not read the permissions.</source>
        <translation>Oprávnění se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Could not read the users.</source>
        <translation>Uživatele se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Uses the default settings:</source>
        <translation>Používá výchozí nastavení:</translation>
    </message>
    <message>
        <source>Uses its own settings:</source>
        <translation>Používá vlastní nastavení:</translation>
    </message>
    <message>
        <source>Could not rename the mailbox.</source>
        <translation>Schránku se nepodařilo přejmenovat.</translation>
    </message>
    <message>
        <source>Could not change offline synchronization.</source>
        <translation>Offline synchronizaci se nepodařilo změnit.</translation>
    </message>
    <message>
        <source>Could not allow %1 to search into the mailbox.</source>
        <translation>Uživateli %1 se nepodařilo povolit hledání ve schránce.</translation>
    </message>
    <message>
        <source>Could not take %1&apos;s permission away.</source>
        <translation>Uživateli %1 se nepodařilo odebrat oprávnění.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Ukládá se…</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::MailboxTableModel</name>
    <message>
        <source>Flushing…</source>
        <translation>Znovu se sestavuje…</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Aktualizuje se…</translation>
    </message>
    <message>
        <source>Disabled (repository kept)</source>
        <translation>Vypnuto (repozitář ponechán)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Vypnuto</translation>
    </message>
    <message>
        <source>Waiting for first update</source>
        <translation>Čeká na první aktualizaci</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuální</translation>
    </message>
    <message>
        <source>%1 of %2 laptops hold the current repository</source>
        <translation>Aktuální repozitář má %1 z %2 notebooků</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Zapnuto</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Vypnuto</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 z %L2</translation>
    </message>
    <message>
        <source>%L1 archived</source>
        <translation>archivováno: %L1</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Schránka</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Offline sync</source>
        <translation>Offline synchronizace</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generace</translation>
    </message>
    <message>
        <source>Repository size</source>
        <translation>Velikost repozitáře</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Zprávy</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Poslední aktualizace</translation>
    </message>
    <message>
        <source>Laptops up to date</source>
        <translation>Aktuální notebooky</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
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
        <translation>Stav</translation>
    </message>
    <message>
        <source>Mailbox Manager</source>
        <translation>Správa schránek</translation>
    </message>
    <message>
        <source>Laptops</source>
        <translation>Notebooky</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Uživatelé</translation>
    </message>
    <message>
        <source>The session ended; please sign in again.</source>
        <translation>Relace skončila; přihlaste se prosím znovu.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Obnovit</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Přihlásit…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Odh&amp;lásit</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Konec</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Nastavit…</translation>
    </message>
    <message>
        <source>Default offline settings and the update schedule</source>
        <translation>Výchozí offline nastavení a plán aktualizací</translation>
    </message>
    <message>
        <source>Synchronize &amp;All Now</source>
        <translation>Synchronizovat &amp;vše nyní</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Aktualizovat nyní offline repozitáře všech zapnutých schránek</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Stav</translation>
    </message>
    <message>
        <source>&amp;Mailbox Manager</source>
        <translation>Správa &amp;schránek</translation>
    </message>
    <message>
        <source>&amp;Laptops</source>
        <translation>&amp;Notebooky</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Uživatelé</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobrazení</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>S&amp;chránka</translation>
    </message>
    <message>
        <source>&amp;Offline Archive</source>
        <translation>&amp;Offline archiv</translation>
    </message>
    <message>
        <source>U&amp;sers</source>
        <translation>&amp;Uživatelé</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <source>&amp;About ArchiveSync Admin</source>
        <translation>&amp;O aplikaci ArchiveSync Admin</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hlavní</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualizováno %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Připojeno k %1 jako %2</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nepřihlášeno</translation>
    </message>
    <message>
        <source>ArchiveSync Admin — %1</source>
        <translation>ArchiveSync Admin — %1</translation>
    </message>
    <message>
        <source>About ArchiveSync Admin</source>
        <translation>O aplikaci ArchiveSync Admin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ArchiveSync Admin %1&lt;/h3&gt;&lt;p&gt;The administration console of ArchiveSync: offline synchronization of the mail archive to laptops.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ArchiveSync Admin %1&lt;/h3&gt;&lt;p&gt;Správcovská konzole ArchiveSync: offline synchronizace archivu pošty do notebooků.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Zavřít zprávu</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::OfflineSettingsDialog</name>
    <message>
        <source>&amp;Use defaults</source>
        <translation>&amp;Použít výchozí</translation>
    </message>
    <message>
        <source>Offline archive synchronization settings</source>
        <translation>Nastavení offline synchronizace archivu</translation>
    </message>
    <message>
        <source>Follow the defaults set under Status → Configure → Offline Archive.</source>
        <translation>Řídit se výchozím nastavením (Stav → Nastavit → Offline archiv).</translation>
    </message>
    <message>
        <source>Settings for &lt;b&gt;%1&lt;/b&gt;. Changing what goes offline rebuilds the mailbox&apos;s repository; laptops then download it again.</source>
        <translation>Nastavení pro &lt;b&gt;%1&lt;/b&gt;. Změna toho, co jde offline, znovu sestaví repozitář schránky; notebooky ho pak stáhnou znovu.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::OfflineSettingsEditor</name>
    <message>
        <source>&amp;Add Folder</source>
        <translation>&amp;Přidat složku</translation>
    </message>
    <message>
        <source>Re&amp;move Folder</source>
        <translation>&amp;Odebrat složku</translation>
    </message>
    <message>
        <source>&amp;Limit each laptop&apos;s cache to</source>
        <translation>Omezit &amp;mezipaměť každého notebooku na</translation>
    </message>
    <message>
        <source>All archived messages</source>
        <translation>Všechny archivované zprávy</translation>
    </message>
    <message>
        <source> months</source>
        <translation> měs.</translation>
    </message>
    <message>
        <source>Only messages of the last N months go offline; the first value keeps all.</source>
        <translation>Offline jdou jen zprávy za posledních N měsíců; první hodnota ponechá všechny.</translation>
    </message>
    <message>
        <source>For folders without a rule of their own.</source>
        <translation>Pro složky bez vlastního pravidla.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Složka</translation>
    </message>
    <message>
        <source>Messages travel</source>
        <translation>Přenos</translation>
    </message>
    <message>
        <source>Subfolders too</source>
        <translation>I podsložky</translation>
    </message>
    <message>
        <source>e.g. 50M</source>
        <translation>např. 50M</translation>
    </message>
    <message>
        <source>Bigger messages travel as headers only. Sizes like 512K, 50M, 1G.</source>
        <translation>Větší zprávy se přenášejí jen jako záhlaví. Velikosti jako 512K, 50M, 1G.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> min</translation>
    </message>
    <message>
        <source>How often laptops look for updates (5 minutes to 7 days).</source>
        <translation>Jak často notebooky hledají aktualizace (5 minut až 7 dní).</translation>
    </message>
    <message>
        <source>e.g. 2G</source>
        <translation>např. 2G</translation>
    </message>
    <message>
        <source>What goes offline</source>
        <translation>Co jde offline</translation>
    </message>
    <message>
        <source>&amp;Messages of the last:</source>
        <translation>&amp;Zprávy za posledních:</translation>
    </message>
    <message>
        <source>Other &amp;folders:</source>
        <translation>Ostatní &amp;složky:</translation>
    </message>
    <message>
        <source>Folder &amp;rules:</source>
        <translation>Pra&amp;vidla složek:</translation>
    </message>
    <message>
        <source>Whole messages up &amp;to:</source>
        <translation>Celé zprávy až &amp;do:</translation>
    </message>
    <message>
        <source>Signed and encrypted messages, contacts, calendars, tasks and notes always travel whole.</source>
        <translation>Podepsané a šifrované zprávy, kontakty, kalendáře, úkoly a poznámky se přenášejí vždy celé.</translation>
    </message>
    <message>
        <source>Laptops</source>
        <translation>Notebooky</translation>
    </message>
    <message>
        <source>&amp;Check for updates every:</source>
        <translation>&amp;Kontrolovat aktualizace každých:</translation>
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
        <source>Not offline</source>
        <translation>Ne offline</translation>
    </message>
    <message>
        <source>Apply to all subfolders</source>
        <translation>Použít na všechny podsložky</translation>
    </message>
    <message>
        <source>Folder rule %1 has no folder name.</source>
        <translation>Pravidlo složky %1 nemá název složky.</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; has two rules.</source>
        <translation>Složka &apos;%1&apos; má dvě pravidla.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size; write it like 512K, 50M or 1G.</source>
        <translation>&apos;%1&apos; není velikost; zapište ji třeba jako 512K, 50M nebo 1G.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a cache size; write it like 500M or 2G.</source>
        <translation>&apos;%1&apos; není velikost mezipaměti; zapište ji třeba jako 500M nebo 2G.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::ScheduleDialog</name>
    <message>
        <source>&amp;Daily</source>
        <translation>&amp;Denně</translation>
    </message>
    <message>
        <source>&amp;Weekly</source>
        <translation>&amp;Týdně</translation>
    </message>
    <message>
        <source>&amp;Every few hours</source>
        <translation>&amp;Každých pár hodin</translation>
    </message>
    <message>
        <source>&amp;Add Time</source>
        <translation>&amp;Přidat čas</translation>
    </message>
    <message>
        <source>&amp;Remove Time</source>
        <translation>&amp;Odebrat čas</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Plán</translation>
    </message>
    <message>
        <source>every </source>
        <translation>po </translation>
    </message>
    <message>
        <source> hours</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Run every day &amp;at:</source>
        <translation>Spouštět každý den &amp;v:</translation>
    </message>
    <message>
        <source>At &amp;time:</source>
        <translation>V &amp;čase:</translation>
    </message>
    <message>
        <source>Run &amp;hourly:</source>
        <translation>Spouštět op&amp;akovaně:</translation>
    </message>
    <message>
        <source>Runs start at midnight and repeat through the day.</source>
        <translation>Běhy začínají o půlnoci a opakují se během dne.</translation>
    </message>
    <message>
        <source>When to update the offline repositories</source>
        <translation>Kdy aktualizovat offline repozitáře</translation>
    </message>
    <message>
        <source>Next five runs</source>
        <translation>Příštích pět běhů</translation>
    </message>
    <message>
        <source>Add at least one time of day.</source>
        <translation>Přidejte alespoň jeden čas.</translation>
    </message>
    <message>
        <source>Choose at least one day of the week.</source>
        <translation>Vyberte alespoň jeden den v týdnu.</translation>
    </message>
    <message>
        <source>Times in the service&apos;s time zone, %1.</source>
        <translation>Časy v časovém pásmu služby, %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::SignInDialog</name>
    <message>
        <source>&amp;Keep me signed in on this computer (system keychain)</source>
        <translation>&amp;Zůstat přihlášen na tomto počítači (systémová klíčenka)</translation>
    </message>
    <message>
        <source>Sign In — ArchiveSync Admin</source>
        <translation>Přihlášení — ArchiveSync Admin</translation>
    </message>
    <message>
        <source>https://archive.example.org:8470</source>
        <translation>https://archive.example.org:8470</translation>
    </message>
    <message>
        <source>&lt;h2&gt;ArchiveSync Admin&lt;/h2&gt;Sign in to the archive service with an administrator&apos;s account.</source>
        <translation>&lt;h2&gt;ArchiveSync Admin&lt;/h2&gt;Přihlaste se ke službě archivu účtem správce.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Služba:</translation>
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
        <source>&amp;Sign In</source>
        <translation>&amp;Přihlásit</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a service address. Write it like https://archive.example.org:8470.</source>
        <translation>&apos;%1&apos; není adresa služby. Zapište ji třeba jako https://archive.example.org:8470.</translation>
    </message>
    <message>
        <source>Not connected: the service&apos;s certificate was not trusted.</source>
        <translation>Nepřipojeno: certifikátu služby nebylo důvěřováno.</translation>
    </message>
    <message>
        <source>Could not sign in.</source>
        <translation>Přihlášení se nezdařilo.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an administrator. Sign in with an administrator&apos;s account.</source>
        <translation>&apos;%1&apos; není správce. Přihlaste se účtem správce.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusPage</name>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Nastavit…</translation>
    </message>
    <message>
        <source>Synchronize &amp;Now</source>
        <translation>Synchroni&amp;zovat nyní</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Aktualizovat nyní offline repozitáře všech zapnutých schránek</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Status&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Stav&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Offline repository updates</source>
        <translation>Aktualizace offline repozitářů</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Plán:</translation>
    </message>
    <message>
        <source>Last run:</source>
        <translation>Poslední běh:</translation>
    </message>
    <message>
        <source>Next run:</source>
        <translation>Příští běh:</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Činnost</translation>
    </message>
    <message>
        <source>Running job:</source>
        <translation>Běžící úloha:</translation>
    </message>
    <message>
        <source>Waiting jobs:</source>
        <translation>Čekající úlohy:</translation>
    </message>
    <message>
        <source>Initial syncs:</source>
        <translation>Úvodní synchronizace:</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <translation>Nedávné chyby</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>Historie úloh</translation>
    </message>
    <message>
        <source>Could not read the status.</source>
        <translation>Stav se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>není k dispozici</translation>
    </message>
    <message>
        <source>%1 of %2 slots in use</source>
        <translation>obsazeno míst: %1 z %2</translation>
    </message>
    <message>
        <source>%1. %2 (laptop %3)</source>
        <translation>%1. %2 (notebook %3)</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Čekají: %1</translation>
    </message>
    <message>
        <source>, none waiting</source>
        <translation>, nikdo nečeká</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <source>%1, %2, started %3</source>
        <translation>%1, %2, spuštěno %3</translation>
    </message>
    <message>
        <source>Working on %1</source>
        <translation>Zpracovává se %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>none — idle</source>
        <translation>žádná — nečinnost</translation>
    </message>
    <message>
        <source>none</source>
        <translation>žádné</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>čekající: %1</translation>
    </message>
    <message>
        <source>Job %1 (%2): %3</source>
        <translation>Úloha %1 (%2): %3</translation>
    </message>
    <message>
        <source>No errors in the recent jobs.</source>
        <translation>V nedávných úlohách nejsou chyby.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Nastavení uloženo.</translation>
    </message>
    <message>
        <source>Could not start the update.</source>
        <translation>Aktualizaci se nepodařilo spustit.</translation>
    </message>
    <message>
        <source>Updating every enabled mailbox&apos;s offline repository now.</source>
        <translation>Nyní se aktualizují offline repozitáře všech zapnutých schránek.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::StatusPropertiesDialog</name>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Plán…</translation>
    </message>
    <message>
        <source>Synchronize &amp;Now</source>
        <translation>Synchroni&amp;zovat nyní</translation>
    </message>
    <message>
        <source>Status Properties</source>
        <translation>Vlastnosti stavu</translation>
    </message>
    <message>
        <source>Update every enabled mailbox&apos;s offline repository now</source>
        <translation>Aktualizovat nyní offline repozitáře všech zapnutých schránek</translation>
    </message>
    <message>
        <source>Repository updates</source>
        <translation>Aktualizace repozitářů</translation>
    </message>
    <message>
        <source>&lt;b&gt;Default settings&lt;/b&gt; for mailboxes that use the defaults:</source>
        <translation>&lt;b&gt;Výchozí nastavení&lt;/b&gt; pro schránky, které používají výchozí hodnoty:</translation>
    </message>
    <message>
        <source>Offline Archive</source>
        <translation>Offline archiv</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Načítá se…</translation>
    </message>
    <message>
        <source>Could not read the default settings.</source>
        <translation>Výchozí nastavení se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Could not read the schedule.</source>
        <translation>Plán se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Offline repositories are updated %1.</source>
        <translation>Offline repozitáře se aktualizují %1.</translation>
    </message>
    <message>
        <source>(changed; saved with OK)</source>
        <translation>(změněno; uloží se tlačítkem OK)</translation>
    </message>
    <message>
        <source>Could not start the update.</source>
        <translation>Aktualizaci se nepodařilo spustit.</translation>
    </message>
    <message>
        <source>Updating every enabled mailbox&apos;s offline repository now.</source>
        <translation>Nyní se aktualizují offline repozitáře všech zapnutých schránek.</translation>
    </message>
    <message>
        <source>Could not save the default settings.</source>
        <translation>Výchozí nastavení se nepodařilo uložit.</translation>
    </message>
    <message>
        <source>Could not save the schedule.</source>
        <translation>Plán se nepodařilo uložit.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Ukládá se…</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::TlsErrorDialog</name>
    <message>
        <source>Certificate Not Trusted</source>
        <translation>Nedůvěryhodný certifikát</translation>
    </message>
    <message>
        <source>&lt;p&gt;The identity of &lt;b&gt;%1&lt;/b&gt; could not be verified:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Someone may be impersonating the server. Only continue if the fingerprint below matches the one your server administrator gave you.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Identitu &lt;b&gt;%1&lt;/b&gt; nelze ověřit:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Někdo se možná vydává za server. Pokračujte jen tehdy, pokud se otisk níže shoduje s tím, který vám dal správce serveru.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server sent no certificate.</source>
        <translation>Server neposlal žádný certifikát.</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate for This Session</source>
        <translation>&amp;Důvěřovat tomuto certifikátu pro tuto relaci</translation>
    </message>
    <message>
        <source>&amp;Do Not Connect</source>
        <translation>&amp;Nepřipojovat</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certifikát:</translation>
    </message>
    <message>
        <source>Issued to: %1</source>
        <translation>Vydáno pro: %1</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organizace: %1</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Názvy: %1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Vydal: %1</translation>
    </message>
    <message>
        <source>Valid from: %1</source>
        <translation>Platný od: %1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>Platný do: %1</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>Sériové číslo: %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Otisk SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UserDialog</name>
    <message>
        <source>New User</source>
        <translation>Nový uživatel</translation>
    </message>
    <message>
        <source>Reset Password of %1</source>
        <translation>Obnovit heslo uživatele %1</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Uživatelské jméno:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Zobrazované jméno:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Heslo:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Z&amp;opakovat heslo:</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Zadejte uživatelské jméno.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>Heslo musí mít alespoň %1 znaků.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hesla se neshodují.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UserTableModel</name>
    <message>
        <source>Administrator</source>
        <translation>Správce</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Uživatel</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Uživatelské jméno</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Zobrazované jméno</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Vytvořeno</translation>
    </message>
</context>
<context>
    <name>ArchiveSync::UsersPage</name>
    <message>
        <source>&amp;New User…</source>
        <translation>&amp;Nový uživatel…</translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation>&amp;Obnovit heslo…</translation>
    </message>
    <message>
        <source>Make &amp;Administrator</source>
        <translation>Nastavit jako &amp;správce</translation>
    </message>
    <message>
        <source>&amp;Delete User…</source>
        <translation>Sm&amp;azat uživatele…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Users&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Uživatelé&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Could not read the users.</source>
        <translation>Uživatele se nepodařilo načíst.</translation>
    </message>
    <message>
        <source>Make Regular &amp;User</source>
        <translation>Nastavit jako běžného &amp;uživatele</translation>
    </message>
    <message>
        <source>Could not create the user.</source>
        <translation>Uživatele se nepodařilo vytvořit.</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>Uživatel %1 byl vytvořen.</translation>
    </message>
    <message>
        <source>Could not reset the password.</source>
        <translation>Heslo se nepodařilo obnovit.</translation>
    </message>
    <message>
        <source>The password of %1 was reset; their sessions have ended.</source>
        <translation>Heslo uživatele %1 bylo obnoveno; jeho relace skončily.</translation>
    </message>
    <message>
        <source>Could not change the role.</source>
        <translation>Roli se nepodařilo změnit.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 je nyní: %2.</translation>
    </message>
    <message>
        <source>Delete User</source>
        <translation>Smazat uživatele</translation>
    </message>
    <message>
        <source>Delete the account %1?

It can no longer sign in and its sessions end. The mail archive is not changed.</source>
        <translation>Smazat účet %1?

Už se nebude moci přihlásit a jeho relace skončí. Archiv pošty se nemění.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Smazat</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>Uživatele %1 se nepodařilo smazat.</translation>
    </message>
    <message>
        <source>User %1 deleted.</source>
        <translation>Uživatel %1 byl smazán.</translation>
    </message>
</context>
<context>
    <name>LaptopFreshness</name>
    <message>
        <source>Up to date</source>
        <translation>Aktuální</translation>
    </message>
    <message>
        <source>Behind up to a day</source>
        <translation>Zpoždění do jednoho dne</translation>
    </message>
    <message>
        <source>Behind up to a week</source>
        <translation>Zpoždění do jednoho týdne</translation>
    </message>
    <message>
        <source>Behind over a week</source>
        <translation>Zpoždění přes týden</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nikdy nepřipojen</translation>
    </message>
    <message>
        <source>never connected</source>
        <translation>nikdy nepřipojen</translation>
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
        <translation>Všechny archivované zprávy</translation>
    </message>
    <message>
        <source>Messages of the last %1 months</source>
        <translation>Zprávy z posledních měsíců: %1</translation>
    </message>
    <message>
        <source>%1 and subfolders</source>
        <translation>%1 a podsložky</translation>
    </message>
    <message>
        <source>Other folders: %1</source>
        <translation>Ostatní složky: %1</translation>
    </message>
    <message>
        <source>Whole messages up to %1</source>
        <translation>Celé zprávy až do %1</translation>
    </message>
    <message>
        <source>Laptops check for updates every %1 minutes</source>
        <translation>Notebooky kontrolují aktualizace každých %1 min</translation>
    </message>
    <message>
        <source>No cache limit on laptops</source>
        <translation>Mezipaměť v noteboocích bez omezení</translation>
    </message>
    <message>
        <source>Laptop cache limited to %1</source>
        <translation>Mezipaměť notebooku omezena na %1</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>up to date</source>
        <translation>aktuální</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>zpoždění %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nikdy</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>právě teď</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>před %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>za %1</translation>
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
        <translation>Správcovská konzole ArchiveSync</translation>
    </message>
    <message>
        <source>Service URL to offer at sign-in.</source>
        <translation>URL služby nabízená při přihlášení.</translation>
    </message>
    <message>
        <source>User name to offer.</source>
        <translation>Nabízené uživatelské jméno.</translation>
    </message>
    <message>
        <source>Seconds between refreshes (default 30).</source>
        <translation>Počet sekund mezi obnoveními (výchozí 30).</translation>
    </message>
</context>
</TS>
