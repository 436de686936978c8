<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArpAdvice</name>
    <message>
        <source>Also watch the path to %1 (ARP)</source>
        <translation>Auch den Weg zu %1 überwachen (ARP)</translation>
    </message>
    <message>
        <source>MII only sees each slave&apos;s own cable: if the link between the two switches dies, the active slave&apos;s cable stays up and the bond keeps sending into a dead end. ARP probes to the gateway %1 every %2 ms notice that and fail over. The kernel runs MII or ARP monitoring, not both, so ARP takes over from MII.</source>
        <translation>MII sieht nur das eigene Kabel jedes Slaves: Fällt die Verbindung zwischen den beiden Switches aus, bleibt das Kabel des aktiven Slaves verbunden und das Bündel sendet weiter ins Leere. ARP-Anfragen an das Gateway %1 alle %2 ms bemerken das und wechseln um. Der Kernel überwacht entweder per MII oder per ARP, nicht beides; daher übernimmt ARP die Überwachung von MII.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Watches the network bonds from the tray</source>
        <translation>Überwacht die Netzwerk-Bonds im Systemabschnitt der Kontrollleiste</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>BondEvents</name>
    <message>
        <source>%1 joined the bond</source>
        <translation>%1 ist dem Bündel beigetreten</translation>
    </message>
    <message>
        <source>%1 link is up</source>
        <translation>%1: Verbindung steht</translation>
    </message>
    <message>
        <source>%1 link went down</source>
        <translation>%1: Verbindung ausgefallen</translation>
    </message>
    <message>
        <source>%1 link is going down</source>
        <translation>%1: Verbindung fällt gerade aus</translation>
    </message>
    <message>
        <source>%1 link is coming back</source>
        <translation>%1: Verbindung kehrt zurück</translation>
    </message>
    <message>
        <source>%1 left the bond</source>
        <translation>%1 hat das Bündel verlassen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>options changed: %1</source>
        <translation>Optionen geändert: %1</translation>
    </message>
    <message>
        <source>no slave is active</source>
        <translation>kein Slave ist aktiv</translation>
    </message>
    <message>
        <source>%1 went down, no slave is active</source>
        <translation>%1 ist ausgefallen, kein Slave ist aktiv</translation>
    </message>
    <message>
        <source>%1 is now active</source>
        <translation>%1 ist jetzt aktiv</translation>
    </message>
    <message>
        <source>%1 went down, %2 is now active</source>
        <translation>%1 ist ausgefallen, %2 ist jetzt aktiv</translation>
    </message>
    <message>
        <source>%1 is now active instead of %2</source>
        <translation>%1 ist jetzt aktiv statt %2</translation>
    </message>
    <message>
        <source>bond created</source>
        <translation>Bündel angelegt</translation>
    </message>
    <message>
        <source>bond deleted</source>
        <translation>Bündel gelöscht</translation>
    </message>
    <message>
        <source>%1 failed once</source>
        <translation>%1 ist einmal ausgefallen</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed %n times</source>
        <extracomment>%1 a slave; always two or more times (&quot;failed once&quot; is its own text)</extracomment>
        <translation>
            <numerusform>%1 ist %n-mal ausgefallen</numerusform>
            <numerusform>%1 ist %n-mal ausgefallen</numerusform>
        </translation>
    </message>
    <message>
        <source>counters were reset (bond re-created or host restarted)</source>
        <translation>die Zähler wurden zurückgesetzt (Bündel neu angelegt oder Rechner neu gestartet)</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running</source>
        <extracomment>%1 what happened: &quot;eth0 failed 2 times, eth1 failed once&quot; or &quot;counters were reset (…)&quot;</extracomment>
        <translation>%1, während Bond-Manager nicht lief</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running; no slave is active now</source>
        <translation>%1, während Bond-Manager nicht lief; jetzt ist kein Slave aktiv</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running; %2 is now active</source>
        <translation>%1, während Bond-Manager nicht lief; %2 ist jetzt aktiv</translation>
    </message>
    <message>
        <source>%1 stopped being active while Bond Manager was not running; no slave is active now</source>
        <translation>%1 wurde inaktiv, während Bond-Manager nicht lief; jetzt ist kein Slave aktiv</translation>
    </message>
    <message>
        <source>%1 became active while Bond Manager was not running</source>
        <translation>%1 wurde aktiv, während Bond-Manager nicht lief</translation>
    </message>
    <message>
        <source>%1 became active instead of %2 while Bond Manager was not running</source>
        <translation>%1 wurde statt %2 aktiv, während Bond-Manager nicht lief</translation>
    </message>
</context>
<context>
    <name>BondOption</name>
    <message>
        <source>How traffic is spread over the slaves and how a failed slave is replaced.</source>
        <translation>Wie der Verkehr auf die Slaves verteilt und ein ausgefallener Slave ersetzt wird.</translation>
    </message>
    <message>
        <source>The slave carrying traffic now; it must have link.</source>
        <translation>Der Slave, der gerade den Verkehr trägt; er muss Verbindung haben.</translation>
    </message>
    <message>
        <source>How often each slave&apos;s link is checked; 0 turns MII monitoring off.</source>
        <translation>Wie oft die Verbindung jedes Slaves geprüft wird; 0 schaltet die MII-Überwachung ab.</translation>
    </message>
    <message>
        <source>How long a link must stay up before the slave is used; a multiple of miimon.</source>
        <translation>Wie lange eine Verbindung stehen muss, bevor der Slave benutzt wird; ein Vielfaches von miimon.</translation>
    </message>
    <message>
        <source>How long a link must stay down before the slave is dropped; a multiple of miimon.</source>
        <translation>Wie lange eine Verbindung ausgefallen sein muss, bevor der Slave aufgegeben wird; ein Vielfaches von miimon.</translation>
    </message>
    <message>
        <source>1: MII monitoring reads the driver&apos;s carrier state; 0: it uses MII/ethtool ioctls (deprecated).</source>
        <translation>1: Die MII-Überwachung liest den Carrier-Zustand des Treibers; 0: sie nutzt MII/ethtool-ioctls (veraltet).</translation>
    </message>
    <message>
        <source>How often ARP probes are sent to the targets; 0 turns ARP monitoring off.</source>
        <translation>Wie oft ARP-Anfragen an die Ziele gesendet werden; 0 schaltet die ARP-Überwachung ab.</translation>
    </message>
    <message>
        <source>IPv4 addresses probed by ARP monitoring (up to 16).</source>
        <translation>IPv4-Adressen, die die ARP-Überwachung abfragt (bis zu 16).</translation>
    </message>
    <message>
        <source>Which slaves check that ARP replies really come from the targets.</source>
        <translation>Welche Slaves prüfen, dass ARP-Antworten wirklich von den Zielen kommen.</translation>
    </message>
    <message>
        <source>Whether any or all ARP targets must answer for a slave to count as up.</source>
        <translation>Ob irgendein oder alle ARP-Ziele antworten müssen, damit ein Slave als verbunden gilt.</translation>
    </message>
    <message>
        <source>The slave preferred whenever its link is up.</source>
        <translation>Der Slave, der bevorzugt wird, sobald seine Verbindung steht.</translation>
    </message>
    <message>
        <source>When the primary slave takes over again after it comes back.</source>
        <translation>Wann der primäre Slave nach seiner Rückkehr wieder übernimmt.</translation>
    </message>
    <message>
        <source>In active-backup, whether slaves keep their own MAC addresses on failover.</source>
        <translation>Ob Slaves in active-backup bei einer Umschaltung ihre eigenen MAC-Adressen behalten.</translation>
    </message>
    <message>
        <source>Which packet headers choose the slave in balance-xor, 802.3ad and balance-tlb.</source>
        <translation>Welche Paketköpfe in balance-xor, 802.3ad und balance-tlb den Slave bestimmen.</translation>
    </message>
    <message>
        <source>IGMP membership reports sent after a failover.</source>
        <translation>IGMP-Mitgliedschaftsberichte, die nach einer Umschaltung gesendet werden.</translation>
    </message>
    <message>
        <source>Gratuitous ARPs and unsolicited IPv6 neighbour advertisements sent after a failover.</source>
        <translation>Gratuitous ARPs und unaufgeforderte IPv6-Nachbarankündigungen nach einer Umschaltung.</translation>
    </message>
    <message>
        <source>1: deliver frames received on inactive slaves too (duplicates possible).</source>
        <translation>1: auch auf inaktiven Slaves empfangene Rahmen zustellen (Duplikate möglich).</translation>
    </message>
    <message>
        <source>Slaves that must be up before the bond reports carrier.</source>
        <translation>Slaves, die verbunden sein müssen, bevor das Bündel Carrier meldet.</translation>
    </message>
    <message>
        <source>Seconds between learning packets sent to each slave&apos;s switch (balance-tlb, balance-alb).</source>
        <translation>Sekunden zwischen Lernpaketen an den Switch jedes Slaves (balance-tlb, balance-alb).</translation>
    </message>
    <message>
        <source>Packets sent through a slave before moving to the next; 0 picks a random slave.</source>
        <translation>Pakete, die über einen Slave gehen, bevor der nächste dran ist; 0 wählt zufällig.</translation>
    </message>
    <message>
        <source>How often the partner should send LACPDUs: every 30 s (slow) or every second (fast).</source>
        <translation>Wie oft der Partner LACPDUs senden soll: alle 30 s (slow) oder jede Sekunde (fast).</translation>
    </message>
    <message>
        <source>How the active 802.3ad aggregator is chosen.</source>
        <translation>Wie der aktive 802.3ad-Aggregator gewählt wird.</translation>
    </message>
    <message>
        <source>LACP system priority of this host.</source>
        <translation>LACP-Systempriorität dieses Rechners.</translation>
    </message>
    <message>
        <source>User part (upper 10 bits) of the LACP port key.</source>
        <translation>Benutzerteil (obere 10 Bit) des LACP-Portschlüssels.</translation>
    </message>
    <message>
        <source>LACP system MAC address of this host (unicast).</source>
        <translation>LACP-System-MAC-Adresse dieses Rechners (Unicast).</translation>
    </message>
    <message>
        <source>1: rebalance flows by load; 0: hash them with xmit_hash_policy.</source>
        <translation>1: Datenströme nach Last neu verteilen; 0: nach xmit_hash_policy hashen.</translation>
    </message>
    <message>
        <source>Delay between peer notifications after a failover; a multiple of miimon.</source>
        <translation>Abstand zwischen Nachbar-Benachrichtigungen nach einer Umschaltung; ein Vielfaches von miimon.</translation>
    </message>
    <message>
        <source>on: send LACPDUs; off: only answer a partner that sends them.</source>
        <translation>on: LACPDUs senden; off: nur einem Partner antworten, der sie sendet.</translation>
    </message>
    <message>
        <source>ARP intervals a slave may miss before it is counted down.</source>
        <translation>ARP-Intervalle, die ein Slave verpassen darf, bevor er als ausgefallen gilt.</translation>
    </message>
    <message>
        <source>IPv6 addresses probed with neighbour solicitations by ARP monitoring (up to 16).</source>
        <translation>IPv6-Adressen, die die ARP-Überwachung mit Nachbaranfragen prüft (bis zu 16).</translation>
    </message>
    <message>
        <source>on: one LACP state machine for collecting and distributing (kernels that have it: 6.10, and backports such as Debian 12&apos;s).</source>
        <translation>on: ein LACP-Zustandsautomat für Empfangen und Verteilen (Kernel, die es haben: 6.10 und Rückportierungen wie der von Debian 12).</translation>
    </message>
</context>
<context>
    <name>DrillResult</name>
    <message>
        <source>%1 → %2 in %3 ms</source>
        <extracomment>%1 and %2 interfaces, %3 milliseconds</extracomment>
        <translation>%1 → %2 in %3 ms</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <extracomment>%1 the gateway&apos;s address, %2 milliseconds</extracomment>
        <translation>%1 hat in %2 ms geantwortet</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 hat nicht geantwortet</translation>
    </message>
    <message>
        <source>%1 is active again</source>
        <translation>%1 ist wieder aktiv</translation>
    </message>
    <message>
        <source>%1 could not be made active again</source>
        <translation>%1 konnte nicht wieder aktiv gemacht werden</translation>
    </message>
    <message>
        <source>Failover Test of %1</source>
        <translation>Failover-Test von %1</translation>
    </message>
    <message>
        <source>The bond switched, but its gateway did not answer through %1: that path may be broken beyond the switch.</source>
        <translation>Der Bond hat umgeschaltet, aber sein Gateway hat über %1 nicht geantwortet: Dieser Weg ist hinter dem Switch womöglich unterbrochen.</translation>
    </message>
    <message>
        <source>Make %1 active again by hand, or leave %2 active.</source>
        <translation>Machen Sie %1 von Hand wieder aktiv oder lassen Sie %2 aktiv.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>You are not authorised to change bonds on this host. An administrator&apos;s password is needed; if no password prompt appeared, start a polkit authentication agent or ask an administrator.</source>
        <translation>Sie sind nicht berechtigt, Bündel auf diesem Rechner zu ändern. Dazu ist ein Administratorpasswort nötig; erschien keine Passwortabfrage, starten Sie einen polkit-Authentifizierungsagenten oder fragen Sie einen Administrator.</translation>
    </message>
    <message>
        <source>Check the values entered and try again.</source>
        <translation>Prüfen Sie die eingegebenen Werte und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>It may have been removed meanwhile; the window now shows the current state.</source>
        <translation>Es wurde vielleicht inzwischen entfernt; das Fenster zeigt jetzt den aktuellen Zustand.</translation>
    </message>
    <message>
        <source>An interface this needs is taken, or the bond manager helper is busy.</source>
        <translation>Eine benötigte Schnittstelle ist belegt, oder der Hilfsdienst des Bond-Managers ist beschäftigt.</translation>
    </message>
    <message>
        <source>The kernel refused the change. Its reason is above.</source>
        <translation>Der Kernel hat die Änderung abgelehnt. Sein Grund steht oben.</translation>
    </message>
    <message>
        <source>This kernel has no bonding driver (module &quot;bonding&quot;). Install or load it, or connect to another host.</source>
        <translation>Dieser Kernel hat keinen Bonding-Treiber (Modul „bonding“). Installieren oder laden Sie ihn oder verbinden Sie sich mit einem anderen Rechner.</translation>
    </message>
    <message>
        <source>The bond manager helper does not answer. Check that it is installed (bond-manager-helper) and that the system bus is running; the window reconnects by itself when it is back.</source>
        <translation>Der Hilfsdienst des Bond-Managers antwortet nicht. Prüfen Sie, ob er installiert ist (bond-manager-helper) und der Systembus läuft; das Fenster verbindet sich von selbst neu, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The network service that keeps this bond refused the change. Its reason is above; nothing was changed.</source>
        <translation>Der Netzwerkdienst, der dieses Bündel verwaltet, hat die Änderung abgelehnt. Sein Grund steht oben; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>This change could cut this host&apos;s connection, so it must be made as a trial that is undone by itself unless you keep it; nothing was changed.</source>
        <translation>Diese Änderung könnte die Verbindung zu diesem Rechner trennen, daher muss sie als Probe vorgenommen werden, die sich von selbst zurücknimmt, wenn Sie sie nicht behalten; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The trial is no longer pending: it was kept or rolled back meanwhile.</source>
        <translation>Die Probe steht nicht mehr aus: Sie wurde inzwischen behalten oder zurückgenommen.</translation>
    </message>
</context>
<context>
    <name>InterfaceName</name>
    <message>
        <source>interface name is not valid UTF-8</source>
        <translation>der Schnittstellenname ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>interface name must not contain a NUL byte</source>
        <translation>der Schnittstellenname darf kein NUL-Byte enthalten</translation>
    </message>
    <message>
        <source>interface name must not be empty</source>
        <translation>der Schnittstellenname darf nicht leer sein</translation>
    </message>
    <message>
        <source>&apos;.&apos; and &apos;..&apos; cannot be interface names</source>
        <translation>&apos;.&apos; und &apos;..&apos; können keine Schnittstellennamen sein</translation>
    </message>
    <message>
        <source>interface name %1 must not contain control characters</source>
        <translation>der Schnittstellenname %1 darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;/&apos;</source>
        <translation>der Schnittstellenname %1 darf kein &apos;/&apos; enthalten</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;:&apos;</source>
        <translation>der Schnittstellenname %1 darf kein &apos;:&apos; enthalten</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;%&apos;; the kernel would choose the name itself</source>
        <translation>der Schnittstellenname %1 darf kein &apos;%&apos; enthalten; der Kernel würde den Namen selbst wählen</translation>
    </message>
    <message>
        <source>interface name %1 contains the byte 0xa0, which the kernel treats as a space</source>
        <translation>der Schnittstellenname %1 enthält das Byte 0xa0, das der Kernel als Leerzeichen behandelt</translation>
    </message>
    <message>
        <source>interface name %1 must not contain spaces</source>
        <translation>der Schnittstellenname %1 darf keine Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>interface name %1 is %2 bytes long; the kernel allows at most %3</source>
        <translation>der Schnittstellenname %1 ist %2 Bytes lang; der Kernel erlaubt höchstens %3</translation>
    </message>
</context>
<context>
    <name>IpConfig</name>
    <message>
        <source>&apos;%1&apos; is not an %2 address with a prefix length, like %3</source>
        <translation>&apos;%1&apos; ist keine %2-Adresse mit Präfixlänge wie %3</translation>
    </message>
    <message>
        <source>%1 needs a prefix length between 1 and %2, like %3</source>
        <translation>%1 braucht eine Präfixlänge zwischen 1 und %2, wie %3</translation>
    </message>
    <message>
        <source>%1 is a link-local address, which the kernel assigns by itself; it cannot be set as a static address</source>
        <translation>%1 ist eine link-lokale Adresse, die der Kernel selbst vergibt; sie kann nicht als statische Adresse gesetzt werden</translation>
    </message>
    <message>
        <source>%1 cannot be the address of a network interface</source>
        <translation>%1 kann nicht die Adresse einer Netzwerkschnittstelle sein</translation>
    </message>
    <message>
        <source>%1 is the network address of its subnet, not a host address</source>
        <translation>%1 ist die Netzadresse ihres Subnetzes, keine Host-Adresse</translation>
    </message>
    <message>
        <source>%1 is the broadcast address of its subnet, not a host address</source>
        <translation>%1 ist die Broadcast-Adresse ihres Subnetzes, keine Host-Adresse</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>the %1 gateway &apos;%2&apos; is not an %1 address</source>
        <translation>das %1-Gateway &apos;%2&apos; ist keine %1-Adresse</translation>
    </message>
    <message>
        <source>the %1 gateway %2 is one of the configured addresses</source>
        <translation>das %1-Gateway %2 ist eine der konfigurierten Adressen</translation>
    </message>
    <message>
        <source>%1 cannot be a gateway</source>
        <translation>%1 kann kein Gateway sein</translation>
    </message>
    <message>
        <source>the %1 gateway %2 is not inside a configured subnet (%3)</source>
        <translation>das %1-Gateway %2 liegt in keinem konfigurierten Subnetz (%3)</translation>
    </message>
    <message>
        <source>static IPv4 needs at least one address</source>
        <translation>statisches IPv4 braucht mindestens eine Adresse</translation>
    </message>
    <message>
        <source>IPv4 addresses can only be given with the static method, not with %1</source>
        <translation>IPv4-Adressen können nur mit der Methode static angegeben werden, nicht mit %1</translation>
    </message>
    <message>
        <source>an IPv4 gateway can only be given with the static method, not with %1</source>
        <translation>ein IPv4-Gateway kann nur mit der Methode static angegeben werden, nicht mit %1</translation>
    </message>
    <message>
        <source>static IPv6 needs at least one address</source>
        <translation>statisches IPv6 braucht mindestens eine Adresse</translation>
    </message>
    <message>
        <source>IPv6 addresses can only be given with the static method, not with %1</source>
        <translation>IPv6-Adressen können nur mit der Methode static angegeben werden, nicht mit %1</translation>
    </message>
    <message>
        <source>an IPv6 gateway can only be given with the static method, not with %1</source>
        <translation>ein IPv6-Gateway kann nur mit der Methode static angegeben werden, nicht mit %1</translation>
    </message>
    <message>
        <source>the DNS server &apos;%1&apos; is not an IPv4 or IPv6 address</source>
        <translation>der DNS-Server &apos;%1&apos; ist keine IPv4- oder IPv6-Adresse</translation>
    </message>
    <message>
        <source>%1 cannot be a DNS server</source>
        <translation>%1 kann kein DNS-Server sein</translation>
    </message>
    <message>
        <source>the DNS server %1 is listed twice</source>
        <translation>der DNS-Server %1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>the DNS server %1 is an IPv4 address, but IPv4 is off</source>
        <translation>der DNS-Server %1 ist eine IPv4-Adresse, aber IPv4 ist aus</translation>
    </message>
    <message>
        <source>the DNS server %1 is an IPv6 address, but IPv6 is off</source>
        <translation>der DNS-Server %1 ist eine IPv6-Adresse, aber IPv6 ist aus</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a domain name like example.org</source>
        <translation>&apos;%1&apos; ist kein Domainname wie example.org</translation>
    </message>
    <message>
        <source>the MTU must be between %1 and %2, not %3</source>
        <translation>die MTU muss zwischen %1 und %2 liegen, nicht %3</translation>
    </message>
    <message>
        <source>IPv6 needs an MTU of at least %1; with %2 the kernel turns IPv6 off</source>
        <translation>IPv6 braucht eine MTU von mindestens %1; bei %2 schaltet der Kernel IPv6 ab</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 must be a list of strings</source>
        <translation>%1 muss eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>ipv4Method must be off, dhcp or static, not &apos;%1&apos;</source>
        <translation>ipv4Method muss off, dhcp oder static sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>ipv6Method must be off, auto, dhcp or static, not &apos;%1&apos;</source>
        <translation>ipv6Method muss off, auto, dhcp oder static sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>mtu must be a number</source>
        <translation>mtu muss eine Zahl sein</translation>
    </message>
    <message>
        <source>unknown address setting &apos;%1&apos;</source>
        <translation>unbekannte Adresseinstellung &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>OptionTable</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 muss zwischen %2 und %3 liegen</translation>
    </message>
    <message>
        <source>%1 needs a list of addresses</source>
        <translation>%1 braucht eine Liste von Adressen</translation>
    </message>
    <message>
        <source>%1 takes at most %2 addresses, not %3</source>
        <translation>%1 nimmt höchstens %2 Adressen, nicht %3</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an IPv4 address like 192.0.2.1</source>
        <translation>%1: &apos;%2&apos; ist keine IPv4-Adresse wie 192.0.2.1</translation>
    </message>
    <message>
        <source>%1: %2 cannot be an ARP target</source>
        <translation>%1: %2 kann kein ARP-Ziel sein</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice</source>
        <translation>%1: %2 steht zweimal in der Liste</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an IPv6 address like 2001:db8::1</source>
        <translation>%1: &apos;%2&apos; ist keine IPv6-Adresse wie 2001:db8::1</translation>
    </message>
    <message>
        <source>%1: %2 cannot be a neighbour solicitation target</source>
        <translation>%1: %2 kann kein Ziel für Neighbor Solicitations sein</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a MAC address like 02:00:00:00:00:01</source>
        <translation>%1: &apos;%2&apos; ist keine MAC-Adresse wie 02:00:00:00:00:01</translation>
    </message>
    <message>
        <source>%1 must be a unicast MAC address that is not all zero</source>
        <translation>%1 muss eine Unicast-MAC-Adresse sein, die nicht nur aus Nullen besteht</translation>
    </message>
    <message>
        <source>unknown bonding option &apos;%1&apos;</source>
        <translation>unbekannte Bonding-Option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>%1 needs an interface name</source>
        <translation>%1 braucht einen Schnittstellennamen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 must be one of: %2 (not &apos;%3&apos;)</source>
        <translation>%1 muss eines davon sein: %2 (nicht &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &apos;%2&apos;</source>
        <translation>%1 muss eine ganze Zahl sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>%1 must be one of: %2</source>
        <translation>%1 muss eines davon sein: %2</translation>
    </message>
    <message>
        <source>%1 is given more than once</source>
        <translation>%1 ist mehr als einmal angegeben</translation>
    </message>
    <message>
        <source>%1 only applies to %2, not %3</source>
        <translation>%1 gilt nur für %2, nicht für %3</translation>
    </message>
    <message>
        <source>%1 can only be changed while the bond has no slaves</source>
        <translation>%1 kann nur geändert werden, solange das Bond keine Slaves hat</translation>
    </message>
    <message>
        <source>%1 can only be changed while the bond is down</source>
        <translation>%1 kann nur geändert werden, solange das Bond abgeschaltet ist</translation>
    </message>
    <message>
        <source>miimon and arp_interval cannot both be set; choose MII or ARP monitoring</source>
        <translation>miimon und arp_interval können nicht beide gesetzt sein; wählen Sie MII- oder ARP-Überwachung</translation>
    </message>
    <message>
        <source>arp_validate needs ARP monitoring; it cannot be set together with miimon</source>
        <translation>arp_validate braucht ARP-Überwachung; es kann nicht zusammen mit miimon gesetzt werden</translation>
    </message>
    <message>
        <source>%1 needs MII monitoring; set miimon first</source>
        <translation>%1 braucht MII-Überwachung; setzen Sie zuerst miimon</translation>
    </message>
    <message>
        <source>%1 %2 ms is not a multiple of miimon %3 ms; the kernel rounds it down to %4 ms</source>
        <translation>%1 %2 ms ist kein Vielfaches von miimon %3 ms; der Kernel rundet auf %4 ms ab</translation>
    </message>
    <message>
        <source>arp_interval is set but there is no arp_ip_target; every slave will be counted as down</source>
        <translation>arp_interval ist gesetzt, aber es gibt kein arp_ip_target; jeder Slave wird als ausgefallen gezählt</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>up</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>going down</source>
        <translation>fällt aus</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>going back</source>
        <translation>kehrt zurück</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>all slaves up</source>
        <translation>alle Slaves verbunden</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>no slaves</source>
        <translation>keine Slaves</translation>
    </message>
    <message>
        <source>Round-robin</source>
        <translation>Reihum (Round-Robin)</translation>
    </message>
    <message>
        <source>Active-backup (failover)</source>
        <translation>Aktiv-Reserve (Ausfallsicherung)</translation>
    </message>
    <message>
        <source>Static hash (XOR)</source>
        <translation>Statischer Hash (XOR)</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Rundsendung</translation>
    </message>
    <message>
        <source>LACP link aggregation</source>
        <translation>LACP-Linkbündelung</translation>
    </message>
    <message>
        <source>Transmit load balancing</source>
        <translation>Sendelastverteilung</translation>
    </message>
    <message>
        <source>Adaptive load balancing</source>
        <translation>Adaptive Lastverteilung</translation>
    </message>
    <message>
        <source>Packets take turns on each slave: more bandwidth, but packets may arrive out of order. The switch ports must be grouped as a static trunk.</source>
        <translation>Die Pakete gehen reihum über jeden Slave: mehr Bandbreite, aber Pakete können in falscher Reihenfolge ankommen. Die Switch-Ports müssen als statischer Trunk gruppiert sein.</translation>
    </message>
    <message>
        <source>One slave carries all traffic and another takes over when it fails. Works with any switches, including two separate ones: the choice for a host cabled to two switches.</source>
        <translation>Ein Slave trägt den ganzen Verkehr, ein anderer übernimmt, wenn er ausfällt. Funktioniert mit allen Switches, auch mit zwei getrennten: die Wahl für einen Rechner, der an zwei Switches hängt.</translation>
    </message>
    <message>
        <source>Each flow stays on one slave chosen by a hash of its addresses. The switch ports must be grouped as a static trunk.</source>
        <translation>Jeder Datenstrom bleibt auf einem Slave, den ein Hash seiner Adressen wählt. Die Switch-Ports müssen als statischer Trunk gruppiert sein.</translation>
    </message>
    <message>
        <source>Every packet is sent on every slave. Only for special fault-tolerant networks.</source>
        <translation>Jedes Paket wird über jeden Slave gesendet. Nur für besondere fehlertolerante Netze.</translation>
    </message>
    <message>
        <source>Bandwidth and failover negotiated with the switch by LACP (IEEE 802.3ad). The switch, or a stack of switches, must have LACP configured on these ports.</source>
        <translation>Bandbreite und Ausfallsicherung, mit dem Switch per LACP (IEEE 802.3ad) ausgehandelt. Auf dem Switch oder Switch-Stapel muss LACP für diese Ports eingerichtet sein.</translation>
    </message>
    <message>
        <source>Outgoing traffic is spread by load, incoming traffic arrives on one slave. Needs nothing from the switch.</source>
        <translation>Ausgehender Verkehr wird nach Last verteilt, eingehender kommt über einen Slave. Braucht nichts vom Switch.</translation>
    </message>
    <message>
        <source>Like transmit load balancing, and incoming IPv4 traffic is balanced too by answering ARP with different slaves. Needs nothing from the switch.</source>
        <translation>Wie die Sendelastverteilung, zusätzlich wird eingehender IPv4-Verkehr verteilt, indem ARP mit verschiedenen Slaves beantwortet wird. Braucht nichts vom Switch.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 plain-words mode, %2 the kernel&apos;s name of it (not translated)</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>ARP every %1 ms, no targets (every slave counts as down)</source>
        <translation>ARP alle %1 ms, keine Ziele (jeder Slave gilt als ausgefallen)</translation>
    </message>
    <message>
        <source>ARP every %1 ms to %2</source>
        <translation>ARP alle %1 ms an %2</translation>
    </message>
    <message>
        <source>none (link failures are not detected)</source>
        <translation>keine (Verbindungsausfälle werden nicht erkannt)</translation>
    </message>
    <message>
        <source>MII every %1 ms</source>
        <translation>MII alle %1 ms</translation>
    </message>
    <message>
        <source>, up delay %1 ms</source>
        <translation>, Verzögerung beim Verbinden %1 ms</translation>
    </message>
    <message>
        <source>, down delay %1 ms</source>
        <translation>, Verzögerung beim Ausfall %1 ms</translation>
    </message>
    <message>
        <source>speed unknown</source>
        <translation>Geschwindigkeit unbekannt</translation>
    </message>
    <message>
        <source>%1 Gb/s</source>
        <translation>%1 Gbit/s</translation>
    </message>
    <message>
        <source>%1 Mb/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>%1, full duplex</source>
        <translation>%1, Vollduplex</translation>
    </message>
    <message>
        <source>%1, half duplex</source>
        <translation>%1, Halbduplex</translation>
    </message>
    <message>
        <source>systemd-networkd</source>
        <translation>systemd-networkd</translation>
    </message>
    <message>
        <source>Not saved: gone after a reboot</source>
        <translation>Nicht gespeichert: nach einem Neustart weg</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <extracomment>%1 a file such as /etc/systemd/network/50-bond0.netdev
----------
%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>%1 (saved %2, running %3)</source>
        <extracomment>%1 an option or setting (miimon, slaves, ipv4Addresses), %2 and %3 its values</extracomment>
        <translation>%1 (gespeichert %2, laufend %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>TrialHealthRows</name>
    <message>
        <source>%1 has a carrier</source>
        <translation>%1 hat einen Träger</translation>
    </message>
    <message>
        <source>%1 has no carrier</source>
        <translation>%1 hat keinen Träger</translation>
    </message>
    <message>
        <source>%1 has no address</source>
        <translation>%1 hat keine Adresse</translation>
    </message>
    <message>
        <source>Addresses: %1</source>
        <translation>Adressen: %1</translation>
    </message>
    <message>
        <source>The default route goes through %1</source>
        <translation>Die Standardroute führt über %1</translation>
    </message>
    <message>
        <source>No default route through %1</source>
        <translation>Keine Standardroute über %1</translation>
    </message>
    <message>
        <source>No gateway to ask</source>
        <translation>Kein Gateway zum Fragen</translation>
    </message>
    <message>
        <source>The gateway %1 does not answer ARP</source>
        <translation>Das Gateway %1 antwortet nicht auf ARP</translation>
    </message>
    <message>
        <source>The gateway %1 answers ARP in %2 ms (%3)</source>
        <extracomment>%1 an IPv4 address, %2 milliseconds, %3 a MAC address</extracomment>
        <translation>Das Gateway %1 antwortet auf ARP in %2 ms (%3)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>Carrier: %1</source>
        <translation>Träger: %1</translation>
    </message>
    <message>
        <source>Default route: %1</source>
        <translation>Standardroute: %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
</context>
<context>
    <name>bm::gui::AddressesPage</name>
    <message>
        <source>Give the bond its addresses</source>
        <translation>Adressen des Bündels festlegen</translation>
    </message>
    <message>
        <source>The bond carries the host&apos;s addresses; its slaves have none of their own. Leave IPv4 and IPv6 off to add addresses later.</source>
        <translation>Das Bündel trägt die Adressen des Rechners; ihre Slaves haben keine eigenen. Lassen Sie IPv4 und IPv6 aus, um Adressen später hinzuzufügen.</translation>
    </message>
    <message>
        <source>The service that manages the slaves</source>
        <translation>Der Dienst, der die Slaves verwaltet</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Nirgends</translation>
    </message>
    <message>
        <source>&amp;Save with:</source>
        <translation>&amp;Speichern mit:</translation>
    </message>
    <message>
        <source>Not saved: gone after a reboot.</source>
        <translation>Nicht gespeichert: nach einem Neustart weg.</translation>
    </message>
    <message>
        <source>Saved by the network service that manages the slaves. If none does, the bond is not saved: gone after a reboot.</source>
        <translation>Gespeichert vom Netzwerkdienst, der die Slaves verwaltet. Verwaltet sie keiner, wird das Bündel nicht gespeichert: nach einem Neustart weg.</translation>
    </message>
    <message>
        <source>Saved by %1: back after a reboot.</source>
        <extracomment>%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Gespeichert von %1: nach einem Neustart wieder da.</translation>
    </message>
    <message>
        <source>Error: DHCP and automatic IPv6 need a network service to run them; choose one to save the bond with, or static addresses.</source>
        <translation>Fehler: DHCP und automatisches IPv6 brauchen einen Netzwerkdienst, der sie ausführt; wählen Sie einen zum Speichern des Bündels oder statische Adressen.</translation>
    </message>
</context>
<context>
    <name>bm::gui::ApplyPage</name>
    <message>
        <source>Creating the bond</source>
        <translation>Das Bündel wird angelegt</translation>
    </message>
    <message>
        <source>Asking the helper to create %1… You may be asked for an administrator&apos;s password.</source>
        <translation>Der Hilfsdienst wird gebeten, %1 anzulegen … Möglicherweise werden Sie nach einem Administratorpasswort gefragt.</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Das Anlegen von %1</translation>
    </message>
    <message>
        <source>Nothing was changed: the helper undoes every step of a creation that fails.</source>
        <translation>Es wurde nichts verändert: Der Hilfsdienst macht jeden Schritt eines fehlgeschlagenen Anlegens rückgängig.</translation>
    </message>
    <message>
        <source>%1 was created and is shown in the main window.</source>
        <translation>%1 wurde angelegt und wird im Hauptfenster angezeigt.</translation>
    </message>
    <message>
        <source>%1 was created as a trial: keep it in the window that counts down, or it is undone by itself.</source>
        <translation>%1 wurde auf Probe angelegt: Behalten Sie es im Fenster mit dem Countdown, sonst wird es von selbst rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondBackend</name>
    <message>
        <source>This host cannot test a failover.</source>
        <translation>Dieser Rechner kann keinen Failover testen.</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondHeader</name>
    <message>
        <source>Active slave:</source>
        <translation>Aktiver Slave:</translation>
    </message>
    <message>
        <source>Primary:</source>
        <translation>Primär:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Bond link (MII):</source>
        <translation>Verbindung des Bündels (MII):</translation>
    </message>
    <message>
        <source>Monitoring:</source>
        <translation>Überwachung:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (takes over again: %2)</source>
        <extracomment>%1 interface, %2 the kernel&apos;s primary_reselect value (always, better, failure)</extracomment>
        <translation>%1 (übernimmt wieder: %2)</translation>
    </message>
    <message>
        <source>Bond %1</source>
        <translation>Bündel %1</translation>
    </message>
    <message>
        <source>%1, %2, monitoring: %3</source>
        <translation>%1, %2, Überwachung: %3</translation>
    </message>
    <message>
        <source>Save What Runs</source>
        <translation>Laufendes speichern</translation>
    </message>
    <message>
        <source>Restore Saved</source>
        <translation>Gespeichertes wiederherstellen</translation>
    </message>
    <message>
        <source>Save the configuration the bond runs with now, so that it comes back after a reboot</source>
        <translation>Die Konfiguration speichern, mit der das Bündel jetzt läuft, damit sie nach einem Neustart wiederkommt</translation>
    </message>
    <message>
        <source>Change the running bond back to its saved configuration</source>
        <translation>Das laufende Bündel auf seine gespeicherte Konfiguration zurücksetzen</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC-Adresse:</translation>
    </message>
    <message>
        <source>MTU:</source>
        <translation>MTU:</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Differs:</source>
        <translation>Abweichungen:</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>UUID %1</source>
        <translation>UUID %1</translation>
    </message>
    <message>
        <source>not saved, live until the next boot: %1</source>
        <translation>nicht gespeichert, gültig bis zum nächsten Start: %1</translation>
    </message>
    <message>
        <source>Save with %1</source>
        <extracomment>%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Mit %1 speichern</translation>
    </message>
    <message>
        <source>Save With…</source>
        <translation>Speichern mit…</translation>
    </message>
    <message>
        <source>What runs differs from what is saved: %1</source>
        <translation>Laufendes weicht vom Gespeicherten ab: %1</translation>
    </message>
    <message>
        <source>Test Failover…</source>
        <translation>Failover testen…</translation>
    </message>
    <message>
        <source>Make the next backup slave active, check that the gateway still answers, and make %1 active again</source>
        <translation>Den nächsten Reserve-Slave aktiv machen, prüfen, ob das Gateway noch antwortet, und %1 wieder aktiv machen</translation>
    </message>
    <message>
        <source>the active slave</source>
        <translation>den aktiven Slave</translation>
    </message>
    <message>
        <source>Only an active-backup bond has a backup slave to test a failover with</source>
        <translation>Nur ein Active-Backup-Bond hat einen Reserve-Slave, mit dem sich ein Failover testen lässt</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondListModel</name>
    <message>
        <source>mode unknown</source>
        <translation>Modus unbekannt</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <extracomment>bond list entry: name, then &quot;mode · health&quot; on a second line</extracomment>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondView</name>
    <message>
        <source>This bond has no slaves yet. Use Bond ▸ Add Slave to give it some.</source>
        <translation>Dieses Bündel hat noch keine Slaves. Fügen Sie welche mit Bündel ▸ Slave hinzufügen hinzu.</translation>
    </message>
    <message>
        <source>Events (failovers, link changes, option changes)</source>
        <translation>Ereignisse (Umschaltungen, Verbindungswechsel, Optionsänderungen)</translation>
    </message>
</context>
<context>
    <name>bm::gui::CloseToTray</name>
    <message>
        <source>Bond Manager keeps running</source>
        <translation>Bond Manager läuft weiter</translation>
    </message>
    <message>
        <source>It watches the bonds from the tray and tells you about failovers. To end it, choose Quit in the tray icon&apos;s menu or in the File menu.</source>
        <translation>Er überwacht die Bonds aus dem Systemabschnitt der Kontrollleiste und meldet Umschaltungen. Zum Beenden „Beenden“ im Menü des Symbols oder im Menü „Datei“ wählen.</translation>
    </message>
</context>
<context>
    <name>bm::gui::CreateBondWizard</name>
    <message>
        <source>New Bond</source>
        <translation>Neues Bündel</translation>
    </message>
</context>
<context>
    <name>bm::gui::FailoverTimeline</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Ereignisverlauf</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>Bündel</translation>
    </message>
</context>
<context>
    <name>bm::gui::HelperBackend</name>
    <message>
        <source>this computer</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>Not connected to the helper.</source>
        <translation>Nicht mit dem Hilfsdienst verbunden.</translation>
    </message>
</context>
<context>
    <name>bm::gui::IpConfigEditor</name>
    <message>
        <source>192.0.2.10/24, …</source>
        <translation>192.0.2.10/24, …</translation>
    </message>
    <message>
        <source>192.0.2.1</source>
        <translation>192.0.2.1</translation>
    </message>
    <message>
        <source>2001:db8::10/64, …</source>
        <translation>2001:db8::10/64, …</translation>
    </message>
    <message>
        <source>2001:db8::1</source>
        <translation>2001:db8::1</translation>
    </message>
    <message>
        <source>192.0.2.53, 2001:db8::53</source>
        <translation>192.0.2.53, 2001:db8::53</translation>
    </message>
    <message>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Automatic (DHCP)</source>
        <translation>Automatisch (DHCP)</translation>
    </message>
    <message>
        <source>Static</source>
        <translation>Statisch</translation>
    </message>
    <message>
        <source>Automatic (router advertisements)</source>
        <translation>Automatisch (Router-Ankündigungen)</translation>
    </message>
    <message>
        <source>DHCPv6 only</source>
        <translation>Nur DHCPv6</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>IPv&amp;4:</source>
        <translation>IPv&amp;4:</translation>
    </message>
    <message>
        <source>IPv4 addresses:</source>
        <translation>IPv4-Adressen:</translation>
    </message>
    <message>
        <source>IPv4 gateway:</source>
        <translation>IPv4-Gateway:</translation>
    </message>
    <message>
        <source>IPv&amp;6:</source>
        <translation>IPv&amp;6:</translation>
    </message>
    <message>
        <source>IPv6 addresses:</source>
        <translation>IPv6-Adressen:</translation>
    </message>
    <message>
        <source>IPv6 gateway:</source>
        <translation>IPv6-Gateway:</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>&amp;DNS-Server:</translation>
    </message>
    <message>
        <source>Search domains:</source>
        <translation>Suchdomänen:</translation>
    </message>
    <message>
        <source>MT&amp;U:</source>
        <translation>MT&amp;U:</translation>
    </message>
    <message>
        <source>%1 is already the address of %2</source>
        <extracomment>%1 an address, %2 a network interface</extracomment>
        <translation>%1 ist bereits die Adresse von %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>bm::gui::MainWindow</name>
    <message>
        <source>Bond Manager</source>
        <translation>Bond-Manager</translation>
    </message>
    <message>
        <source>Bonds</source>
        <translation>Bündel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Connect to &amp;Host…</source>
        <translation>Mit &amp;Rechner verbinden …</translation>
    </message>
    <message>
        <source>Connect to the &amp;Lab</source>
        <translation>Mit dem &amp;Labor verbinden</translation>
    </message>
    <message>
        <source>Connect to &amp;This Computer</source>
        <translation>Mit &amp;diesem Rechner verbinden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Bond</source>
        <translation>B&amp;ündel</translation>
    </message>
    <message>
        <source>&amp;New Bond…</source>
        <translation>&amp;Neues Bündel …</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>&amp;Optionen …</translation>
    </message>
    <message>
        <source>&amp;Add Slave…</source>
        <translation>Slave &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Delete Bond…</source>
        <translation>Bündel &amp;löschen …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Bond Manager</source>
        <translation>&amp;Über Bond-Manager</translation>
    </message>
    <message>
        <source>About Bond Manager</source>
        <translation>Über Bond-Manager</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Bond Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Shows the kernel&apos;s live state of network bonds and changes them through a privileged helper.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bond-Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zeigt den aktuellen Zustand der Netzwerkbündel laut Kernel und ändert sie über einen privilegierten Hilfsdienst.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Bond Manager — %1</source>
        <translation>Bond-Manager — %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The bond manager helper on %1 does not answer. Retrying by itself; the bonds shown again once it is back.</source>
        <translation>Der Hilfsdienst auf %1 antwortet nicht. Es wird selbständig erneut versucht; die Bündel erscheinen wieder, sobald er zurück ist.</translation>
    </message>
    <message>
        <source>Connecting to the helper on %1…</source>
        <translation>Verbindung zum Hilfsdienst auf %1 …</translation>
    </message>
    <message>
        <source>The kernel on %1 has no bonding driver, so no bond can be shown or created. Load the &quot;bonding&quot; module or connect to another host (File menu).</source>
        <translation>Der Kernel auf %1 hat keinen Bonding-Treiber, daher kann kein Bündel angezeigt oder angelegt werden. Laden Sie das Modul „bonding“ oder verbinden Sie sich mit einem anderen Rechner (Menü Datei).</translation>
    </message>
    <message>
        <source>No bonds on %1 yet.
Use Bond ▸ New Bond… to create one.</source>
        <translation>Noch keine Bündel auf %1.
Legen Sie mit Bündel ▸ Neues Bündel … eines an.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>Making %1 the primary of %2</source>
        <translation>%1 zum primären Slave von %2 machen</translation>
    </message>
    <message>
        <source>Making %1 the active slave of %2</source>
        <translation>%1 zum aktiven Slave von %2 machen</translation>
    </message>
    <message>
        <source>Removing %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message>
        <source>Changing the options of %1</source>
        <translation>Ändern der Optionen von %1</translation>
    </message>
    <message>
        <source>Listing the interfaces</source>
        <translation>Auflisten der Schnittstellen</translation>
    </message>
    <message>
        <source>%1 (carries the default route!)</source>
        <translation>%1 (trägt die Standardroute!)</translation>
    </message>
    <message>
        <source>Add Slave</source>
        <translation>Slave hinzufügen</translation>
    </message>
    <message>
        <source>No free interface can join %1.</source>
        <translation>Keine freie Schnittstelle kann %1 beitreten.</translation>
    </message>
    <message>
        <source>Interface to add to %1:</source>
        <translation>Schnittstelle, die zu %1 hinzukommt:</translation>
    </message>
    <message>
        <source>Adding %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <source>Delete Bond</source>
        <translation>Bündel löschen</translation>
    </message>
    <message>
        <source>Delete %1? Its slaves are released and its addresses are lost.</source>
        <translation>%1 löschen? Seine Slaves werden freigegeben und seine Adressen gehen verloren.</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Connect to Host</source>
        <translation>Mit Rechner verbinden</translation>
    </message>
    <message>
        <source>Host to manage, as [user@]host (reached with ssh; the helper must be installed there):</source>
        <translation>Zu verwaltender Rechner als [benutzer@]rechner (per ssh erreicht; der Hilfsdienst muss dort installiert sein):</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>%1 wird gespeichert</translation>
    </message>
    <message>
        <source>Saving %1 with %2</source>
        <extracomment>%1 a bond, %2 a network service (NetworkManager, systemd-networkd)</extracomment>
        <translation>%1 wird mit %2 gespeichert</translation>
    </message>
    <message>
        <source>Restoring the saved configuration of %1</source>
        <translation>Gespeicherte Konfiguration von %1 wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Changing the addresses of %1</source>
        <translation>Adressen von %1 werden geändert</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Export Timeline as CSV…</source>
        <translation>Ereignisverlauf als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Ereignisverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Timeline saved to %1.</source>
        <translation>Ereignisverlauf in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The timeline could not be saved to %1: %2</source>
        <translation>Der Ereignisverlauf konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Changing the monitoring of %1</source>
        <translation>Überwachung von %1 wird geändert</translation>
    </message>
    <message>
        <source>&amp;Configure Bond Manager…</source>
        <translation>Bond Manager &amp;einrichten …</translation>
    </message>
    <message>
        <source>Connection to %1 lost at %2: showing the last known state</source>
        <translation>Verbindung zu %1 um %2 verloren: angezeigt wird der zuletzt bekannte Zustand</translation>
    </message>
    <message>
        <source>A change made as a trial was undone.</source>
        <translation>Eine Änderung auf Probe wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The change is made as a trial: unless you keep it within %1 seconds, it is undone by itself, so that a change that cuts this host off does not last.</source>
        <translation>Die Änderung wird auf Probe gemacht: Wenn Sie sie nicht innerhalb von %1 Sekunden behalten, wird sie von selbst rückgängig gemacht, damit eine Änderung, die diesen Rechner abschneidet, nicht bestehen bleibt.</translation>
    </message>
    <message>
        <source>Make This Change as a Trial?</source>
        <translation>Diese Änderung auf Probe machen?</translation>
    </message>
    <message>
        <source>&amp;Try the Change</source>
        <translation>Änderung &amp;ausprobieren</translation>
    </message>
    <message>
        <source>Testing the failover of %1</source>
        <translation>Failover von %1 wird getestet</translation>
    </message>
</context>
<context>
    <name>bm::gui::ModePage</name>
    <message>
        <source>Choose how the slaves work together</source>
        <translation>Wählen Sie, wie die Slaves zusammenarbeiten</translation>
    </message>
    <message>
        <source>For a host cabled to two switches, choose active-backup.</source>
        <translation>Für einen Rechner, der an zwei Switches hängt, wählen Sie active-backup.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>— recommended</source>
        <translation>— empfohlen</translation>
    </message>
</context>
<context>
    <name>bm::gui::MonitoringPage</name>
    <message>
        <source>&amp;MII: watch each slave&apos;s link (cable and port)</source>
        <translation>&amp;MII: die Verbindung jedes Slaves beobachten (Kabel und Port)</translation>
    </message>
    <message>
        <source>&amp;ARP: probe addresses behind the switches</source>
        <translation>&amp;ARP: Adressen hinter den Switches abfragen</translation>
    </message>
    <message>
        <source>Choose how failures are detected</source>
        <translation>Wählen Sie, wie Ausfälle erkannt werden</translation>
    </message>
    <message>
        <source>Only ARP monitoring sees a failed link between the two switches (or any dead path behind a live cable); MII only sees the local link.</source>
        <translation>Nur die ARP-Überwachung bemerkt eine ausgefallene Verbindung zwischen den beiden Switches (oder jeden toten Pfad hinter einem intakten Kabel); MII sieht nur die lokale Verbindung.</translation>
    </message>
    <message>
        <source>ARP monitoring is not available in this mode.</source>
        <translation>ARP-Überwachung gibt es in diesem Modus nicht.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Error: give at least one ARP target, such as the gateway&apos;s address.</source>
        <translation>Fehler: Geben Sie mindestens ein ARP-Ziel an, etwa die Adresse des Gateways.</translation>
    </message>
</context>
<context>
    <name>bm::gui::NamePage</name>
    <message>
        <source>Name the bond</source>
        <translation>Benennen Sie das Bündel</translation>
    </message>
    <message>
        <source>The name of the new network interface, for example bond0.</source>
        <translation>Der Name der neuen Netzwerkschnittstelle, zum Beispiel bond0.</translation>
    </message>
    <message>
        <source>Bond name</source>
        <translation>Name des Bündels</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>At most 15 bytes; no spaces, &apos;/&apos; or &apos;:&apos;.</source>
        <translation>Höchstens 15 Byte; keine Leerzeichen, kein „/“ oder „:“.</translation>
    </message>
    <message>
        <source>That character cannot be part of an interface name, or the name would be longer than 15 bytes.</source>
        <translation>Dieses Zeichen darf nicht in einem Schnittstellennamen stehen, oder der Name würde länger als 15 Byte.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>A bond named %1 already exists.</source>
        <translation>Ein Bündel namens %1 gibt es schon.</translation>
    </message>
</context>
<context>
    <name>bm::gui::Notifier</name>
    <message>
        <source>Bond Manager</source>
        <translation>Bond-Manager</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>Um %1</translation>
    </message>
    <message>
        <source>Bond Manager: %1 bonds changed</source>
        <translation>Bond Manager: %1 Bündel geändert</translation>
    </message>
    <message>
        <source>Changes not shown: %1 (see the timeline)</source>
        <translation>Nicht gezeigte Änderungen: %1 (siehe Ereignisverlauf)</translation>
    </message>
</context>
<context>
    <name>bm::gui::OptionField</name>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1, 192.0.2.2</source>
        <translation>z. B. 192.0.2.1, 192.0.2.2</translation>
    </message>
    <message>
        <source>e.g. 2001:db8::1</source>
        <translation>z. B. 2001:db8::1</translation>
    </message>
    <message>
        <source>e.g. 02:00:00:00:00:01</source>
        <translation>z. B. 02:00:00:00:00:01</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>eines von: %1</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <extracomment>a range of allowed values, %3 the unit (ms, s) or nothing</extracomment>
        <translation>%1 – %2 %3</translation>
    </message>
    <message>
        <source>up to %1 IPv4 addresses</source>
        <translation>bis zu %1 IPv4-Adressen</translation>
    </message>
    <message>
        <source>up to %1 IPv6 addresses</source>
        <translation>bis zu %1 IPv6-Adressen</translation>
    </message>
    <message>
        <source>a unicast MAC address</source>
        <translation>eine Unicast-MAC-Adresse</translation>
    </message>
    <message>
        <source>a slave of this bond, or none</source>
        <translation>ein Slave dieses Bündels oder keiner</translation>
    </message>
</context>
<context>
    <name>bm::gui::OptionsEditor</name>
    <message>
        <source>Options of %1</source>
        <translation>Optionen von %1</translation>
    </message>
    <message>
        <source>can only change while the bond has no slaves</source>
        <translation>nur änderbar, solange das Bündel keine Slaves hat</translation>
    </message>
    <message>
        <source>can only change while the bond is down</source>
        <translation>nur änderbar, solange das Bündel deaktiviert ist</translation>
    </message>
    <message>
        <source>Mode: %1. Only the options this mode uses are shown; hover a field for its help.</source>
        <translation>Modus: %1. Es werden nur die Optionen dieses Modus gezeigt; zeigen Sie auf ein Feld für seine Hilfe.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
</context>
<context>
    <name>bm::gui::PrimaryPage</name>
    <message>
        <source>Choose the primary slave</source>
        <translation>Wählen Sie den primären Slave</translation>
    </message>
    <message>
        <source>The primary carries the traffic whenever its link is up; the others stand by. Usually the faster link or the one to the main switch.</source>
        <translation>Der primäre Slave trägt den Verkehr, solange seine Verbindung steht; die anderen stehen bereit. Meist die schnellere Verbindung oder die zum Haupt-Switch.</translation>
    </message>
    <message>
        <source>&amp;Primary:</source>
        <translation>&amp;Primär:</translation>
    </message>
    <message>
        <source>(none: keep whichever slave is active)</source>
        <translation>(keiner: den gerade aktiven Slave behalten)</translation>
    </message>
</context>
<context>
    <name>bm::gui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>The bond is created with these settings when you press Create.</source>
        <translation>Das Bündel wird mit diesen Einstellungen angelegt, wenn Sie auf Anlegen drücken.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Name:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mode:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Modus:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slaves:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Slaves:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Options:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Optionen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>kernel defaults</source>
        <translation>Vorgaben des Kernels</translation>
    </message>
    <message>
        <source>IPv4 by DHCP</source>
        <translation>IPv4 per DHCP</translation>
    </message>
    <message>
        <source>IPv6 automatic</source>
        <translation>IPv6 automatisch</translation>
    </message>
    <message>
        <source>IPv6 by DHCPv6</source>
        <translation>IPv6 per DHCPv6</translation>
    </message>
    <message>
        <source>&lt;b&gt;Addresses:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Adressen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Gespeichert:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The bond is created as a trial: a window then counts down %1 seconds, and unless you keep the bond in it, it is undone by itself, so that this host stays reachable even if the bond cuts it off.</source>
        <translation>Der Bond wird auf Probe angelegt: Ein Fenster zählt dann %1 Sekunden herunter, und wenn Sie den Bond dort nicht behalten, wird er von selbst rückgängig gemacht, damit dieser Rechner erreichbar bleibt, auch wenn der Bond ihn abschneidet.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SampleBackend</name>
    <message>
        <source>Not connected to the helper.</source>
        <translation>Nicht mit dem Hilfsdienst verbunden.</translation>
    </message>
    <message>
        <source>An interface named %1 already exists.</source>
        <translation>Eine Schnittstelle namens %1 gibt es schon.</translation>
    </message>
    <message>
        <source>There is no bond %1.</source>
        <translation>Es gibt kein Bündel %1.</translation>
    </message>
    <message>
        <source>%1 is not a slave of %2.</source>
        <translation>%1 ist kein Slave von %2.</translation>
    </message>
    <message>
        <source>%1 cannot become active: its link is not up.</source>
        <translation>%1 kann nicht aktiv werden: seine Verbindung steht nicht.</translation>
    </message>
    <message>
        <source>sample host</source>
        <translation>Beispielrechner</translation>
    </message>
    <message>
        <source>%1 has no healthy backup to fail over to.</source>
        <translation>%1 hat keinen intakten Reserve-Slave, auf den umgeschaltet werden kann.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SettingsDialog</name>
    <message>
        <source>&amp;Start in the tray at login</source>
        <translation>Beim Anmelden im &amp;Systemabschnitt der Kontrollleiste starten</translation>
    </message>
    <message>
        <source>Configure Bond Manager</source>
        <translation>Bond Manager einrichten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Closing the window keeps Bond Manager in the tray; Quit ends it.</source>
        <translation>Beim Schließen des Fensters bleibt Bond Manager im Systemabschnitt der Kontrollleiste; „Beenden“ beendet ihn.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: at login Bond Manager starts as a window, and closing it quits.</source>
        <translation>Diese Arbeitsfläche zeigt keine Symbole im Systemabschnitt der Kontrollleiste: Beim Anmelden startet Bond Manager als Fenster, und Schließen beendet ihn.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>Bond</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Umschaltung</translation>
    </message>
    <message>
        <source>Slave down</source>
        <translation>Slave ausgefallen</translation>
    </message>
    <message>
        <source>Slave up</source>
        <translation>Slave wieder da</translation>
    </message>
    <message>
        <source>No bonds yet: each new bond announces failovers and slaves going down.</source>
        <translation>Noch keine Bonds: Jeder neue Bond meldet Umschaltungen und ausfallende Slaves.</translation>
    </message>
    <message>
        <source>Changes that could cut the connection</source>
        <translation>Änderungen, die die Verbindung trennen könnten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Undo unless kept within:</source>
        <translation>&amp;Rückgängig machen, wenn nicht behalten innerhalb von:</translation>
    </message>
    <message>
        <source>A change to an interface that carries this host&apos;s addresses or routes is made as a trial: the host undoes it by itself unless you keep it in time, so that a change that cuts it off does not last.</source>
        <translation>Eine Änderung an einer Schnittstelle, die Adressen oder Routen dieses Rechners trägt, wird auf Probe gemacht: Der Rechner macht sie von selbst rückgängig, wenn Sie sie nicht rechtzeitig behalten, damit eine Änderung, die ihn abschneidet, nicht bestehen bleibt.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SlaveTile</name>
    <message>
        <source>Make primary</source>
        <translation>Zum primären machen</translation>
    </message>
    <message>
        <source>Make active now</source>
        <translation>Jetzt aktiv machen</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>More actions for this slave</source>
        <translation>Weitere Aktionen für diesen Slave</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Active: carries traffic</source>
        <translation>Aktiv: trägt den Verkehr</translation>
    </message>
    <message>
        <source>Backup: standing by</source>
        <translation>Reserve: steht bereit</translation>
    </message>
    <message>
        <source>Role not reported</source>
        <translation>Rolle nicht gemeldet</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Link failures: %1</source>
        <translation>Verbindungsausfälle: %1</translation>
    </message>
    <message>
        <source>Link failures: not reported</source>
        <translation>Verbindungsausfälle: nicht gemeldet</translation>
    </message>
    <message>
        <source>Permanent address: not reported</source>
        <translation>Feste Adresse: nicht gemeldet</translation>
    </message>
    <message>
        <source>Permanent address: %1</source>
        <translation>Feste Adresse: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>no partner</source>
        <translation>kein Partner</translation>
    </message>
    <message>
        <source>Aggregator %1, partner %2</source>
        <translation>Aggregator %1, Partner %2</translation>
    </message>
    <message>
        <source>Move traffic to %1 now</source>
        <translation>Den Verkehr jetzt auf %1 legen</translation>
    </message>
    <message>
        <source>Only a slave whose link is up can become active</source>
        <translation>Nur ein Slave mit stehender Verbindung kann aktiv werden</translation>
    </message>
    <message>
        <source>Prefer %1 whenever its link is up</source>
        <translation>%1 bevorzugen, wann immer seine Verbindung steht</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>Slave %1</source>
        <translation>Slave %1</translation>
    </message>
    <message>
        <source>Remove from bond</source>
        <translation>Aus dem Bündel entfernen</translation>
    </message>
    <message>
        <source>errors +%1</source>
        <extracomment>receive and transmit errors counted since a time, e.g. &quot;errors +3&quot;</extracomment>
        <translation>Fehler +%1</translation>
    </message>
    <message>
        <source>drops +%1</source>
        <extracomment>packets dropped since a time, e.g. &quot;drops +12&quot;</extracomment>
        <translation>verworfen +%1</translation>
    </message>
    <message>
        <source>Since %1: %2</source>
        <translation>Seit %1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Last known state, not live</source>
        <translation>Zuletzt bekannter Zustand, nicht aktuell</translation>
    </message>
</context>
<context>
    <name>bm::gui::SlavesPage</name>
    <message>
        <source>Choose the slaves</source>
        <translation>Wählen Sie die Slaves</translation>
    </message>
    <message>
        <source>The network interfaces the bond will use. Interfaces in another bond cannot be chosen.</source>
        <translation>Die Netzwerkschnittstellen, die das Bündel nutzt. Schnittstellen in einem anderen Bündel sind nicht wählbar.</translation>
    </message>
    <message>
        <source>Candidate interfaces</source>
        <translation>Mögliche Schnittstellen</translation>
    </message>
    <message>
        <source>Looking for interfaces…</source>
        <translation>Schnittstellen werden gesucht …</translation>
    </message>
    <message>
        <source>Listing the interfaces</source>
        <translation>Auflisten der Schnittstellen</translation>
    </message>
    <message>
        <source>cable connected</source>
        <translation>Kabel verbunden</translation>
    </message>
    <message>
        <source>no cable</source>
        <translation>kein Kabel</translation>
    </message>
    <message>
        <source>has address %1</source>
        <translation>hat die Adresse %1</translation>
    </message>
    <message>
        <source>carries the default route</source>
        <translation>trägt die Standardroute</translation>
    </message>
    <message>
        <source>already in %1</source>
        <translation>schon in %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No interface can become a slave. The bond can still be created and slaves added later.</source>
        <translation>Keine Schnittstelle kann Slave werden. Das Bündel kann trotzdem angelegt und später ergänzt werden.</translation>
    </message>
    <message>
        <source>No slave chosen: the bond will be created empty.</source>
        <translation>Kein Slave gewählt: Das Bündel wird leer angelegt.</translation>
    </message>
    <message>
        <source>With one slave there is nothing to fail over to.</source>
        <translation>Mit nur einem Slave gibt es nichts, worauf umgeschaltet werden kann.</translation>
    </message>
    <message>
        <source>⚠ %1 carries the default route: its addresses and routes move to the bond, and the bond is made as a trial that is undone by itself unless you keep it.</source>
        <translation>⚠ %1 trägt die Standardroute: Seine Adressen und Routen gehen auf den Bond über, und der Bond wird auf Probe angelegt und von selbst rückgängig gemacht, wenn Sie ihn nicht behalten.</translation>
    </message>
    <message>
        <source>⚠ %1 has the address %2, which moves to the bond; the bond is made as a trial that is undone by itself unless you keep it.</source>
        <translation>⚠ %1 hat die Adresse %2, die auf den Bond übergeht; der Bond wird auf Probe angelegt und von selbst rückgängig gemacht, wenn Sie ihn nicht behalten.</translation>
    </message>
</context>
<context>
    <name>bm::gui::Sparkline</name>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>%1 Gbit/s</source>
        <translation>%1 Gbit/s</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>%1 bit/s</source>
        <translation>%1 bit/s</translation>
    </message>
    <message>
        <source>No traffic measured yet</source>
        <translation>Noch kein Verkehr gemessen</translation>
    </message>
    <message>
        <source>Received %1, sent %2 (solid: received, dashed: sent)</source>
        <translation>Empfangen %1, gesendet %2 (durchgezogen: empfangen, gestrichelt: gesendet)</translation>
    </message>
</context>
<context>
    <name>bm::gui::TimelineFilter</name>
    <message>
        <source>Selected bond</source>
        <translation>Ausgewähltes Bündel</translation>
    </message>
    <message>
        <source>All bonds</source>
        <translation>Alle Bündel</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Umschaltungen</translation>
    </message>
    <message>
        <source>Slave down</source>
        <translation>Slave ausgefallen</translation>
    </message>
    <message>
        <source>Slave up</source>
        <translation>Slave wieder verbunden</translation>
    </message>
    <message>
        <source>Slaves joined or left</source>
        <translation>Slaves hinzugefügt oder entfernt</translation>
    </message>
    <message>
        <source>Option changes</source>
        <translation>Optionsänderungen</translation>
    </message>
    <message>
        <source>Bonds created or deleted</source>
        <translation>Bündel angelegt oder gelöscht</translation>
    </message>
    <message>
        <source>While not running</source>
        <translation>Während Bond-Manager nicht lief</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the events this filter shows, all that are kept, as a CSV file</source>
        <translation>Die Ereignisse, die dieser Filter zeigt, alle aufbewahrten, als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Bond:</source>
        <translation>&amp;Bündel:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
</context>
<context>
    <name>bm::gui::TrayIcon</name>
    <message>
        <source>Show Bond Manager</source>
        <translation>Bond-Manager zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Nicht mit %1 verbunden</translation>
    </message>
    <message>
        <source>No bonds on %1</source>
        <translation>Keine Bündel auf %1</translation>
    </message>
    <message>
        <source>Bond Manager</source>
        <translation>Bond-Manager</translation>
    </message>
</context>
<context>
    <name>bm::gui::TrialDialog</name>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>&amp;Roll back now</source>
        <translation>&amp;Jetzt rückgängig machen</translation>
    </message>
    <message>
        <source>Keep this change?</source>
        <translation>Diese Änderung behalten?</translation>
    </message>
    <message>
        <source>If this host can no longer be reached, do nothing: the change is undone by itself.</source>
        <translation>Wenn dieser Rechner nicht mehr erreichbar ist, tun Sie nichts: Die Änderung wird von selbst rückgängig gemacht.</translation>
    </message>
    <message>
        <source>How %1 is doing:</source>
        <extracomment>Heading of the health rows in the trial dialog; %1 a bond</extracomment>
        <translation>So geht es %1:</translation>
    </message>
    <message>
        <source>The change was undone, as asked.</source>
        <translation>Die Änderung wurde wie gewünscht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Time is up: the change is being undone…</source>
        <translation>Die Zeit ist um: Die Änderung wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Keep this change? It is undone in %1</source>
        <extracomment>%1 minutes and seconds, as 0:45</extracomment>
        <translation>Diese Änderung behalten? Sie wird in %1 rückgängig gemacht</translation>
    </message>
    <message>
        <source>The connection to %1 is lost: keeping the change as soon as it is back.</source>
        <translation>Die Verbindung zu %1 ist verloren: Die Änderung wird behalten, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>Keeping the change… You may be asked for an administrator&apos;s password.</source>
        <translation>Die Änderung wird behalten… Eventuell werden Sie nach einem Administratorpasswort gefragt.</translation>
    </message>
    <message>
        <source>The change is kept.</source>
        <translation>Die Änderung bleibt.</translation>
    </message>
    <message>
        <source>Keeping the change</source>
        <translation>Das Behalten der Änderung</translation>
    </message>
    <message>
        <source>Undoing the change…</source>
        <translation>Die Änderung wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Undoing the change</source>
        <translation>Das Rückgängigmachen der Änderung</translation>
    </message>
    <message>
        <source>The change was undone: it was not kept before its deadline.</source>
        <translation>Die Änderung wurde rückgängig gemacht: Sie wurde nicht vor Ablauf der Frist behalten.</translation>
    </message>
    <message>
        <source>The change was undone: the helper restarted before it was kept.</source>
        <translation>Die Änderung wurde rückgängig gemacht: Der Helfer wurde neu gestartet, bevor sie behalten wurde.</translation>
    </message>
    <message>
        <source>The change failed and was undone.</source>
        <translation>Die Änderung schlug fehl und wurde rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows and manages the network bonds of this or another machine.</source>
        <translation>Zeigt und verwaltet die Netzwerkbündel dieses oder eines anderen Rechners.</translation>
    </message>
    <message>
        <source>Manage the bonds of another machine, reached with ssh.</source>
        <translation>Die Bündel eines anderen Rechners verwalten, per ssh erreicht.</translation>
    </message>
    <message>
        <source>Manage the bonds of the running lab VM.</source>
        <translation>Die Bündel der laufenden Labor-VM verwalten.</translation>
    </message>
    <message>
        <source>Show made-up sample bonds; changes nothing anywhere.</source>
        <translation>Erfundene Beispielbündel zeigen; ändert nirgends etwas.</translation>
    </message>
    <message>
        <source>Start hidden in the tray, as at login (minimised where there is no tray). Does nothing when already running.</source>
        <translation>Versteckt im Systemabschnitt der Kontrollleiste starten, wie beim Anmelden (minimiert, wo es keinen gibt). Tut nichts, wenn Bond Manager schon läuft.</translation>
    </message>
</context>
</TS>
