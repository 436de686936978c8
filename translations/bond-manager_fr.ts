<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArpAdvice</name>
    <message>
        <source>Also watch the path to %1 (ARP)</source>
        <translation>Surveiller aussi le chemin vers %1 (ARP)</translation>
    </message>
    <message>
        <source>MII only sees each slave&apos;s own cable: if the link between the two switches dies, the active slave&apos;s cable stays up and the bond keeps sending into a dead end. ARP probes to the gateway %1 every %2 ms notice that and fail over. The kernel runs MII or ARP monitoring, not both, so ARP takes over from MII.</source>
        <translation>MII ne voit que le câble de chaque esclave : si le lien entre les deux commutateurs tombe, le câble de l&apos;esclave actif reste branché et le bond continue d&apos;envoyer dans une impasse. Des sondes ARP vers la passerelle %1 toutes les %2 ms le remarquent et basculent. Le noyau surveille soit par MII soit par ARP, pas les deux : ARP remplace donc MII.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Watches the network bonds from the tray</source>
        <translation>Surveille les agrégats réseau depuis la zone de notification</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>BondEvents</name>
    <message>
        <source>%1 joined the bond</source>
        <translation>%1 a rejoint l&apos;agrégat</translation>
    </message>
    <message>
        <source>%1 link is up</source>
        <translation>%1 : lien établi</translation>
    </message>
    <message>
        <source>%1 link went down</source>
        <translation>%1 : lien tombé</translation>
    </message>
    <message>
        <source>%1 link is going down</source>
        <translation>%1 : lien en train de tomber</translation>
    </message>
    <message>
        <source>%1 link is coming back</source>
        <translation>%1 : lien en train de revenir</translation>
    </message>
    <message>
        <source>%1 left the bond</source>
        <translation>%1 a quitté l&apos;agrégat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 unset</source>
        <translation>%1 retiré</translation>
    </message>
    <message>
        <source>options changed: %1</source>
        <translation>options modifiées : %1</translation>
    </message>
    <message>
        <source>no slave is active</source>
        <translation>aucun esclave n&apos;est actif</translation>
    </message>
    <message>
        <source>%1 went down, no slave is active</source>
        <translation>%1 est tombé, aucun esclave n&apos;est actif</translation>
    </message>
    <message>
        <source>%1 is now active</source>
        <translation>%1 est maintenant actif</translation>
    </message>
    <message>
        <source>%1 went down, %2 is now active</source>
        <translation>%1 est tombé, %2 est maintenant actif</translation>
    </message>
    <message>
        <source>%1 is now active instead of %2</source>
        <translation>%1 est maintenant actif à la place de %2</translation>
    </message>
    <message>
        <source>bond created</source>
        <translation>agrégat créé</translation>
    </message>
    <message>
        <source>bond deleted</source>
        <translation>agrégat supprimé</translation>
    </message>
    <message>
        <source>%1 failed once</source>
        <translation>%1 est tombé une fois</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed %n times</source>
        <extracomment>%1 a slave; always two or more times (&quot;failed once&quot; is its own text)</extracomment>
        <translation>
            <numerusform>%1 est tombé %n fois</numerusform>
            <numerusform>%1 est tombé %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>counters were reset (bond re-created or host restarted)</source>
        <translation>les compteurs ont été remis à zéro (agrégat recréé ou machine redémarrée)</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running</source>
        <extracomment>%1 what happened: &quot;eth0 failed 2 times, eth1 failed once&quot; or &quot;counters were reset (…)&quot;</extracomment>
        <translation>%1 pendant que le Gestionnaire d&apos;agrégats ne tournait pas</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running; no slave is active now</source>
        <translation>%1 pendant que le Gestionnaire d&apos;agrégats ne tournait pas ; aucun esclave n&apos;est actif maintenant</translation>
    </message>
    <message>
        <source>%1 while Bond Manager was not running; %2 is now active</source>
        <translation>%1 pendant que le Gestionnaire d&apos;agrégats ne tournait pas ; %2 est maintenant actif</translation>
    </message>
    <message>
        <source>%1 stopped being active while Bond Manager was not running; no slave is active now</source>
        <translation>%1 a cessé d&apos;être actif pendant que le Gestionnaire d&apos;agrégats ne tournait pas ; aucun esclave n&apos;est actif maintenant</translation>
    </message>
    <message>
        <source>%1 became active while Bond Manager was not running</source>
        <translation>%1 est devenu actif pendant que le Gestionnaire d&apos;agrégats ne tournait pas</translation>
    </message>
    <message>
        <source>%1 became active instead of %2 while Bond Manager was not running</source>
        <translation>%1 est devenu actif à la place de %2 pendant que le Gestionnaire d&apos;agrégats ne tournait pas</translation>
    </message>
</context>
<context>
    <name>BondOption</name>
    <message>
        <source>How traffic is spread over the slaves and how a failed slave is replaced.</source>
        <translation>Comment le trafic est réparti sur les esclaves et comment un esclave en panne est remplacé.</translation>
    </message>
    <message>
        <source>The slave carrying traffic now; it must have link.</source>
        <translation>L&apos;esclave qui porte le trafic en ce moment ; son lien doit être établi.</translation>
    </message>
    <message>
        <source>How often each slave&apos;s link is checked; 0 turns MII monitoring off.</source>
        <translation>Fréquence de vérification du lien de chaque esclave ; 0 désactive la surveillance MII.</translation>
    </message>
    <message>
        <source>How long a link must stay up before the slave is used; a multiple of miimon.</source>
        <translation>Durée pendant laquelle un lien doit rester établi avant d&apos;utiliser l&apos;esclave ; un multiple de miimon.</translation>
    </message>
    <message>
        <source>How long a link must stay down before the slave is dropped; a multiple of miimon.</source>
        <translation>Durée pendant laquelle un lien doit rester tombé avant d&apos;abandonner l&apos;esclave ; un multiple de miimon.</translation>
    </message>
    <message>
        <source>1: MII monitoring reads the driver&apos;s carrier state; 0: it uses MII/ethtool ioctls (deprecated).</source>
        <translation>1 : la surveillance MII lit l&apos;état de porteuse du pilote ; 0 : elle utilise les ioctl MII/ethtool (obsolète).</translation>
    </message>
    <message>
        <source>How often ARP probes are sent to the targets; 0 turns ARP monitoring off.</source>
        <translation>Fréquence d&apos;envoi des sondes ARP aux cibles ; 0 désactive la surveillance ARP.</translation>
    </message>
    <message>
        <source>IPv4 addresses probed by ARP monitoring (up to 16).</source>
        <translation>Adresses IPv4 sondées par la surveillance ARP (16 au plus).</translation>
    </message>
    <message>
        <source>Which slaves check that ARP replies really come from the targets.</source>
        <translation>Quels esclaves vérifient que les réponses ARP viennent bien des cibles.</translation>
    </message>
    <message>
        <source>Whether any or all ARP targets must answer for a slave to count as up.</source>
        <translation>Si une ou toutes les cibles ARP doivent répondre pour qu&apos;un esclave soit considéré comme établi.</translation>
    </message>
    <message>
        <source>The slave preferred whenever its link is up.</source>
        <translation>L&apos;esclave préféré dès que son lien est établi.</translation>
    </message>
    <message>
        <source>When the primary slave takes over again after it comes back.</source>
        <translation>Quand l&apos;esclave primaire reprend la main après son retour.</translation>
    </message>
    <message>
        <source>In active-backup, whether slaves keep their own MAC addresses on failover.</source>
        <translation>En active-backup, si les esclaves gardent leur propre adresse MAC lors d&apos;une bascule.</translation>
    </message>
    <message>
        <source>Which packet headers choose the slave in balance-xor, 802.3ad and balance-tlb.</source>
        <translation>Quels en-têtes de paquet choisissent l&apos;esclave en balance-xor, 802.3ad et balance-tlb.</translation>
    </message>
    <message>
        <source>IGMP membership reports sent after a failover.</source>
        <translation>Rapports d&apos;appartenance IGMP envoyés après une bascule.</translation>
    </message>
    <message>
        <source>Gratuitous ARPs and unsolicited IPv6 neighbour advertisements sent after a failover.</source>
        <translation>ARP gratuits et annonces de voisinage IPv6 non sollicitées envoyés après une bascule.</translation>
    </message>
    <message>
        <source>1: deliver frames received on inactive slaves too (duplicates possible).</source>
        <translation>1 : livrer aussi les trames reçues sur les esclaves inactifs (doublons possibles).</translation>
    </message>
    <message>
        <source>Slaves that must be up before the bond reports carrier.</source>
        <translation>Esclaves devant être établis avant que l&apos;agrégat signale la porteuse.</translation>
    </message>
    <message>
        <source>Seconds between learning packets sent to each slave&apos;s switch (balance-tlb, balance-alb).</source>
        <translation>Secondes entre les paquets d&apos;apprentissage envoyés au commutateur de chaque esclave (balance-tlb, balance-alb).</translation>
    </message>
    <message>
        <source>Packets sent through a slave before moving to the next; 0 picks a random slave.</source>
        <translation>Paquets envoyés par un esclave avant de passer au suivant ; 0 choisit un esclave au hasard.</translation>
    </message>
    <message>
        <source>How often the partner should send LACPDUs: every 30 s (slow) or every second (fast).</source>
        <translation>Fréquence d&apos;envoi des LACPDU par le partenaire : toutes les 30 s (slow) ou chaque seconde (fast).</translation>
    </message>
    <message>
        <source>How the active 802.3ad aggregator is chosen.</source>
        <translation>Comment l&apos;agrégateur 802.3ad actif est choisi.</translation>
    </message>
    <message>
        <source>LACP system priority of this host.</source>
        <translation>Priorité système LACP de cet hôte.</translation>
    </message>
    <message>
        <source>User part (upper 10 bits) of the LACP port key.</source>
        <translation>Partie utilisateur (10 bits de poids fort) de la clé de port LACP.</translation>
    </message>
    <message>
        <source>LACP system MAC address of this host (unicast).</source>
        <translation>Adresse MAC système LACP de cet hôte (unicast).</translation>
    </message>
    <message>
        <source>1: rebalance flows by load; 0: hash them with xmit_hash_policy.</source>
        <translation>1 : rééquilibrer les flux selon la charge ; 0 : les répartir par xmit_hash_policy.</translation>
    </message>
    <message>
        <source>Delay between peer notifications after a failover; a multiple of miimon.</source>
        <translation>Délai entre les notifications aux voisins après une bascule ; un multiple de miimon.</translation>
    </message>
    <message>
        <source>on: send LACPDUs; off: only answer a partner that sends them.</source>
        <translation>on : envoyer des LACPDU ; off : seulement répondre à un partenaire qui en envoie.</translation>
    </message>
    <message>
        <source>ARP intervals a slave may miss before it is counted down.</source>
        <translation>Intervalles ARP qu&apos;un esclave peut manquer avant d&apos;être considéré comme tombé.</translation>
    </message>
    <message>
        <source>IPv6 addresses probed with neighbour solicitations by ARP monitoring (up to 16).</source>
        <translation>Adresses IPv6 sondées par sollicitations de voisinage par la surveillance ARP (16 au plus).</translation>
    </message>
    <message>
        <source>on: one LACP state machine for collecting and distributing (kernels that have it: 6.10, and backports such as Debian 12&apos;s).</source>
        <translation>on : un seul automate LACP pour la collecte et la distribution (noyaux qui l&apos;ont : 6.10, et rétroportages comme celui de Debian 12).</translation>
    </message>
</context>
<context>
    <name>DrillResult</name>
    <message>
        <source>%1 → %2 in %3 ms</source>
        <extracomment>%1 and %2 interfaces, %3 milliseconds</extracomment>
        <translation>%1 → %2 en %3 ms</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <extracomment>%1 the gateway&apos;s address, %2 milliseconds</extracomment>
        <translation>%1 a répondu en %2 ms</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>%1 is active again</source>
        <translation>%1 est de nouveau actif</translation>
    </message>
    <message>
        <source>%1 could not be made active again</source>
        <translation>%1 n&apos;a pas pu être rendu de nouveau actif</translation>
    </message>
    <message>
        <source>Failover Test of %1</source>
        <translation>Test de basculement de %1</translation>
    </message>
    <message>
        <source>The bond switched, but its gateway did not answer through %1: that path may be broken beyond the switch.</source>
        <translation>Le bond a basculé, mais sa passerelle n&apos;a pas répondu via %1 : ce chemin est peut-être coupé au-delà du commutateur.</translation>
    </message>
    <message>
        <source>Make %1 active again by hand, or leave %2 active.</source>
        <translation>Rendez %1 de nouveau actif à la main, ou laissez %2 actif.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>You are not authorised to change bonds on this host. An administrator&apos;s password is needed; if no password prompt appeared, start a polkit authentication agent or ask an administrator.</source>
        <translation>Vous n&apos;êtes pas autorisé à modifier les agrégats de cet hôte. Le mot de passe d&apos;un administrateur est nécessaire ; si aucune demande de mot de passe n&apos;est apparue, lancez un agent d&apos;authentification polkit ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>Check the values entered and try again.</source>
        <translation>Vérifiez les valeurs saisies et réessayez.</translation>
    </message>
    <message>
        <source>It may have been removed meanwhile; the window now shows the current state.</source>
        <translation>Il a peut-être été supprimé entre-temps ; la fenêtre montre maintenant l&apos;état actuel.</translation>
    </message>
    <message>
        <source>An interface this needs is taken, or the bond manager helper is busy.</source>
        <translation>Une interface nécessaire est déjà prise, ou le service auxiliaire est occupé.</translation>
    </message>
    <message>
        <source>The kernel refused the change. Its reason is above.</source>
        <translation>Le noyau a refusé la modification. Sa raison figure ci-dessus.</translation>
    </message>
    <message>
        <source>This kernel has no bonding driver (module &quot;bonding&quot;). Install or load it, or connect to another host.</source>
        <translation>Ce noyau n&apos;a pas de pilote d&apos;agrégation (module « bonding »). Installez-le ou chargez-le, ou connectez-vous à un autre hôte.</translation>
    </message>
    <message>
        <source>The bond manager helper does not answer. Check that it is installed (bond-manager-helper) and that the system bus is running; the window reconnects by itself when it is back.</source>
        <translation>Le service auxiliaire ne répond pas. Vérifiez qu&apos;il est installé (bond-manager-helper) et que le bus système fonctionne ; la fenêtre se reconnecte d&apos;elle-même à son retour.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 : échec.</translation>
    </message>
    <message>
        <source>The network service that keeps this bond refused the change. Its reason is above; nothing was changed.</source>
        <translation>Le service réseau qui conserve cet agrégat a refusé la modification. Sa raison est indiquée ci-dessus ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>This change could cut this host&apos;s connection, so it must be made as a trial that is undone by itself unless you keep it; nothing was changed.</source>
        <translation>Cette modification pourrait couper la connexion à cet hôte : elle doit être faite à l&apos;essai, annulée d&apos;elle-même si vous ne la gardez pas ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The trial is no longer pending: it was kept or rolled back meanwhile.</source>
        <translation>L&apos;essai n&apos;est plus en attente : il a été gardé ou annulé entre-temps.</translation>
    </message>
</context>
<context>
    <name>InterfaceName</name>
    <message>
        <source>interface name is not valid UTF-8</source>
        <translation>le nom d&apos;interface n&apos;est pas de l&apos;UTF-8 valide</translation>
    </message>
    <message>
        <source>interface name must not contain a NUL byte</source>
        <translation>le nom d&apos;interface ne doit pas contenir d&apos;octet NUL</translation>
    </message>
    <message>
        <source>interface name must not be empty</source>
        <translation>le nom d&apos;interface ne doit pas être vide</translation>
    </message>
    <message>
        <source>&apos;.&apos; and &apos;..&apos; cannot be interface names</source>
        <translation>&apos;.&apos; et &apos;..&apos; ne peuvent pas être des noms d&apos;interface</translation>
    </message>
    <message>
        <source>interface name %1 must not contain control characters</source>
        <translation>le nom d&apos;interface %1 ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;/&apos;</source>
        <translation>le nom d&apos;interface %1 ne doit pas contenir &apos;/&apos;</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;:&apos;</source>
        <translation>le nom d&apos;interface %1 ne doit pas contenir &apos;:&apos;</translation>
    </message>
    <message>
        <source>interface name %1 must not contain &apos;%&apos;; the kernel would choose the name itself</source>
        <translation>le nom d&apos;interface %1 ne doit pas contenir &apos;%&apos; ; le noyau choisirait lui-même le nom</translation>
    </message>
    <message>
        <source>interface name %1 contains the byte 0xa0, which the kernel treats as a space</source>
        <translation>le nom d&apos;interface %1 contient l&apos;octet 0xa0, que le noyau traite comme une espace</translation>
    </message>
    <message>
        <source>interface name %1 must not contain spaces</source>
        <translation>le nom d&apos;interface %1 ne doit pas contenir d&apos;espaces</translation>
    </message>
    <message>
        <source>interface name %1 is %2 bytes long; the kernel allows at most %3</source>
        <translation>le nom d&apos;interface %1 fait %2 octets ; le noyau en permet au plus %3</translation>
    </message>
</context>
<context>
    <name>IpConfig</name>
    <message>
        <source>&apos;%1&apos; is not an %2 address with a prefix length, like %3</source>
        <translation>&apos;%1&apos; n&apos;est pas une adresse %2 avec une longueur de préfixe, comme %3</translation>
    </message>
    <message>
        <source>%1 needs a prefix length between 1 and %2, like %3</source>
        <translation>%1 demande une longueur de préfixe entre 1 et %2, comme %3</translation>
    </message>
    <message>
        <source>%1 is a link-local address, which the kernel assigns by itself; it cannot be set as a static address</source>
        <translation>%1 est une adresse lien-local, que le noyau attribue lui-même ; elle ne peut pas être une adresse statique</translation>
    </message>
    <message>
        <source>%1 cannot be the address of a network interface</source>
        <translation>%1 ne peut pas être l&apos;adresse d&apos;une interface réseau</translation>
    </message>
    <message>
        <source>%1 is the network address of its subnet, not a host address</source>
        <translation>%1 est l&apos;adresse réseau de son sous-réseau, pas une adresse d&apos;hôte</translation>
    </message>
    <message>
        <source>%1 is the broadcast address of its subnet, not a host address</source>
        <translation>%1 est l&apos;adresse de diffusion de son sous-réseau, pas une adresse d&apos;hôte</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 figure deux fois</translation>
    </message>
    <message>
        <source>the %1 gateway &apos;%2&apos; is not an %1 address</source>
        <translation>la passerelle %1 &apos;%2&apos; n&apos;est pas une adresse %1</translation>
    </message>
    <message>
        <source>the %1 gateway %2 is one of the configured addresses</source>
        <translation>la passerelle %1 %2 est l&apos;une des adresses configurées</translation>
    </message>
    <message>
        <source>%1 cannot be a gateway</source>
        <translation>%1 ne peut pas être une passerelle</translation>
    </message>
    <message>
        <source>the %1 gateway %2 is not inside a configured subnet (%3)</source>
        <translation>la passerelle %1 %2 n&apos;est dans aucun sous-réseau configuré (%3)</translation>
    </message>
    <message>
        <source>static IPv4 needs at least one address</source>
        <translation>l&apos;IPv4 statique demande au moins une adresse</translation>
    </message>
    <message>
        <source>IPv4 addresses can only be given with the static method, not with %1</source>
        <translation>des adresses IPv4 ne peuvent être données qu&apos;avec la méthode static, pas avec %1</translation>
    </message>
    <message>
        <source>an IPv4 gateway can only be given with the static method, not with %1</source>
        <translation>une passerelle IPv4 ne peut être donnée qu&apos;avec la méthode static, pas avec %1</translation>
    </message>
    <message>
        <source>static IPv6 needs at least one address</source>
        <translation>l&apos;IPv6 statique demande au moins une adresse</translation>
    </message>
    <message>
        <source>IPv6 addresses can only be given with the static method, not with %1</source>
        <translation>des adresses IPv6 ne peuvent être données qu&apos;avec la méthode static, pas avec %1</translation>
    </message>
    <message>
        <source>an IPv6 gateway can only be given with the static method, not with %1</source>
        <translation>une passerelle IPv6 ne peut être donnée qu&apos;avec la méthode static, pas avec %1</translation>
    </message>
    <message>
        <source>the DNS server &apos;%1&apos; is not an IPv4 or IPv6 address</source>
        <translation>le serveur DNS &apos;%1&apos; n&apos;est pas une adresse IPv4 ou IPv6</translation>
    </message>
    <message>
        <source>%1 cannot be a DNS server</source>
        <translation>%1 ne peut pas être un serveur DNS</translation>
    </message>
    <message>
        <source>the DNS server %1 is listed twice</source>
        <translation>le serveur DNS %1 figure deux fois</translation>
    </message>
    <message>
        <source>the DNS server %1 is an IPv4 address, but IPv4 is off</source>
        <translation>le serveur DNS %1 est une adresse IPv4, mais l&apos;IPv4 est désactivé</translation>
    </message>
    <message>
        <source>the DNS server %1 is an IPv6 address, but IPv6 is off</source>
        <translation>le serveur DNS %1 est une adresse IPv6, mais l&apos;IPv6 est désactivé</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a domain name like example.org</source>
        <translation>&apos;%1&apos; n&apos;est pas un nom de domaine comme example.org</translation>
    </message>
    <message>
        <source>the MTU must be between %1 and %2, not %3</source>
        <translation>la MTU doit être entre %1 et %2, pas %3</translation>
    </message>
    <message>
        <source>IPv6 needs an MTU of at least %1; with %2 the kernel turns IPv6 off</source>
        <translation>l&apos;IPv6 demande une MTU d&apos;au moins %1 ; avec %2, le noyau désactive l&apos;IPv6</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 doit être une chaîne</translation>
    </message>
    <message>
        <source>%1 must be a list of strings</source>
        <translation>%1 doit être une liste de chaînes</translation>
    </message>
    <message>
        <source>ipv4Method must be off, dhcp or static, not &apos;%1&apos;</source>
        <translation>ipv4Method doit être off, dhcp ou static, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <source>ipv6Method must be off, auto, dhcp or static, not &apos;%1&apos;</source>
        <translation>ipv6Method doit être off, auto, dhcp ou static, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <source>mtu must be a number</source>
        <translation>mtu doit être un nombre</translation>
    </message>
    <message>
        <source>unknown address setting &apos;%1&apos;</source>
        <translation>réglage d&apos;adresse inconnu &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>OptionTable</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 doit être entre %2 et %3</translation>
    </message>
    <message>
        <source>%1 needs a list of addresses</source>
        <translation>%1 demande une liste d&apos;adresses</translation>
    </message>
    <message>
        <source>%1 takes at most %2 addresses, not %3</source>
        <translation>%1 prend au plus %2 adresses, pas %3</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an IPv4 address like 192.0.2.1</source>
        <translation>%1 : &apos;%2&apos; n&apos;est pas une adresse IPv4 comme 192.0.2.1</translation>
    </message>
    <message>
        <source>%1: %2 cannot be an ARP target</source>
        <translation>%1 : %2 ne peut pas être une cible ARP</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice</source>
        <translation>%1 : %2 figure deux fois dans la liste</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an IPv6 address like 2001:db8::1</source>
        <translation>%1 : &apos;%2&apos; n&apos;est pas une adresse IPv6 comme 2001:db8::1</translation>
    </message>
    <message>
        <source>%1: %2 cannot be a neighbour solicitation target</source>
        <translation>%1 : %2 ne peut pas être une cible de sollicitation de voisin</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a MAC address like 02:00:00:00:00:01</source>
        <translation>%1 : &apos;%2&apos; n&apos;est pas une adresse MAC comme 02:00:00:00:00:01</translation>
    </message>
    <message>
        <source>%1 must be a unicast MAC address that is not all zero</source>
        <translation>%1 doit être une adresse MAC unicast qui n&apos;est pas entièrement nulle</translation>
    </message>
    <message>
        <source>unknown bonding option &apos;%1&apos;</source>
        <translation>option de bonding inconnue &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 demande une valeur</translation>
    </message>
    <message>
        <source>%1 needs an interface name</source>
        <translation>%1 demande un nom d&apos;interface</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 must be one of: %2 (not &apos;%3&apos;)</source>
        <translation>%1 doit être l&apos;un de : %2 (pas &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &apos;%2&apos;</source>
        <translation>%1 doit être un nombre entier, pas &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 doit être un nombre entier</translation>
    </message>
    <message>
        <source>%1 must be one of: %2</source>
        <translation>%1 doit être l&apos;un de : %2</translation>
    </message>
    <message>
        <source>%1 is given more than once</source>
        <translation>%1 est donné plus d&apos;une fois</translation>
    </message>
    <message>
        <source>%1 only applies to %2, not %3</source>
        <translation>%1 ne s&apos;applique qu&apos;à %2, pas à %3</translation>
    </message>
    <message>
        <source>%1 can only be changed while the bond has no slaves</source>
        <translation>%1 ne peut être modifié que tant que le bond n&apos;a pas d&apos;esclaves</translation>
    </message>
    <message>
        <source>%1 can only be changed while the bond is down</source>
        <translation>%1 ne peut être modifié que tant que le bond est désactivé</translation>
    </message>
    <message>
        <source>miimon and arp_interval cannot both be set; choose MII or ARP monitoring</source>
        <translation>miimon et arp_interval ne peuvent pas être définis tous les deux ; choisissez la surveillance MII ou ARP</translation>
    </message>
    <message>
        <source>arp_validate needs ARP monitoring; it cannot be set together with miimon</source>
        <translation>arp_validate demande la surveillance ARP ; il ne peut pas être défini avec miimon</translation>
    </message>
    <message>
        <source>%1 needs MII monitoring; set miimon first</source>
        <translation>%1 demande la surveillance MII ; définissez d&apos;abord miimon</translation>
    </message>
    <message>
        <source>%1 %2 ms is not a multiple of miimon %3 ms; the kernel rounds it down to %4 ms</source>
        <translation>%1 %2 ms n&apos;est pas un multiple de miimon %3 ms ; le noyau l&apos;arrondit à %4 ms</translation>
    </message>
    <message>
        <source>arp_interval is set but there is no arp_ip_target; every slave will be counted as down</source>
        <translation>arp_interval est défini mais il n&apos;y a pas d&apos;arp_ip_target ; chaque esclave sera compté comme tombé</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>up</source>
        <translation>établi</translation>
    </message>
    <message>
        <source>going down</source>
        <translation>en train de tomber</translation>
    </message>
    <message>
        <source>down</source>
        <translation>tombé</translation>
    </message>
    <message>
        <source>going back</source>
        <translation>en train de revenir</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>secours</translation>
    </message>
    <message>
        <source>all slaves up</source>
        <translation>tous les esclaves établis</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>no slaves</source>
        <translation>aucun esclave</translation>
    </message>
    <message>
        <source>Round-robin</source>
        <translation>Tourniquet (round-robin)</translation>
    </message>
    <message>
        <source>Active-backup (failover)</source>
        <translation>Actif-secours (bascule)</translation>
    </message>
    <message>
        <source>Static hash (XOR)</source>
        <translation>Hachage statique (XOR)</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>LACP link aggregation</source>
        <translation>Agrégation de liens LACP</translation>
    </message>
    <message>
        <source>Transmit load balancing</source>
        <translation>Répartition de charge en émission</translation>
    </message>
    <message>
        <source>Adaptive load balancing</source>
        <translation>Répartition de charge adaptative</translation>
    </message>
    <message>
        <source>Packets take turns on each slave: more bandwidth, but packets may arrive out of order. The switch ports must be grouped as a static trunk.</source>
        <translation>Les paquets passent à tour de rôle par chaque esclave : plus de débit, mais les paquets peuvent arriver dans le désordre. Les ports du commutateur doivent être groupés en agrégat statique.</translation>
    </message>
    <message>
        <source>One slave carries all traffic and another takes over when it fails. Works with any switches, including two separate ones: the choice for a host cabled to two switches.</source>
        <translation>Un esclave porte tout le trafic et un autre prend le relais s&apos;il tombe. Fonctionne avec tous les commutateurs, même deux séparés : le choix pour un hôte relié à deux commutateurs.</translation>
    </message>
    <message>
        <source>Each flow stays on one slave chosen by a hash of its addresses. The switch ports must be grouped as a static trunk.</source>
        <translation>Chaque flux reste sur un esclave choisi par un hachage de ses adresses. Les ports du commutateur doivent être groupés en agrégat statique.</translation>
    </message>
    <message>
        <source>Every packet is sent on every slave. Only for special fault-tolerant networks.</source>
        <translation>Chaque paquet est envoyé sur chaque esclave. Seulement pour des réseaux tolérants aux pannes particuliers.</translation>
    </message>
    <message>
        <source>Bandwidth and failover negotiated with the switch by LACP (IEEE 802.3ad). The switch, or a stack of switches, must have LACP configured on these ports.</source>
        <translation>Débit et bascule négociés avec le commutateur par LACP (IEEE 802.3ad). Le commutateur, ou la pile de commutateurs, doit avoir LACP configuré sur ces ports.</translation>
    </message>
    <message>
        <source>Outgoing traffic is spread by load, incoming traffic arrives on one slave. Needs nothing from the switch.</source>
        <translation>Le trafic sortant est réparti selon la charge, le trafic entrant arrive sur un esclave. N&apos;exige rien du commutateur.</translation>
    </message>
    <message>
        <source>Like transmit load balancing, and incoming IPv4 traffic is balanced too by answering ARP with different slaves. Needs nothing from the switch.</source>
        <translation>Comme la répartition en émission, et le trafic IPv4 entrant est aussi réparti en répondant à l&apos;ARP avec différents esclaves. N&apos;exige rien du commutateur.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 plain-words mode, %2 the kernel&apos;s name of it (not translated)</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>ARP every %1 ms, no targets (every slave counts as down)</source>
        <translation>ARP toutes les %1 ms, sans cible (chaque esclave est considéré comme tombé)</translation>
    </message>
    <message>
        <source>ARP every %1 ms to %2</source>
        <translation>ARP toutes les %1 ms vers %2</translation>
    </message>
    <message>
        <source>none (link failures are not detected)</source>
        <translation>aucune (les pannes de lien ne sont pas détectées)</translation>
    </message>
    <message>
        <source>MII every %1 ms</source>
        <translation>MII toutes les %1 ms</translation>
    </message>
    <message>
        <source>, up delay %1 ms</source>
        <translation>, délai de montée %1 ms</translation>
    </message>
    <message>
        <source>, down delay %1 ms</source>
        <translation>, délai de chute %1 ms</translation>
    </message>
    <message>
        <source>speed unknown</source>
        <translation>vitesse inconnue</translation>
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
        <translation>%1, duplex intégral</translation>
    </message>
    <message>
        <source>%1, half duplex</source>
        <translation>%1, semi-duplex</translation>
    </message>
    <message>
        <source>systemd-networkd</source>
        <translation>systemd-networkd</translation>
    </message>
    <message>
        <source>Not saved: gone after a reboot</source>
        <translation>Non enregistré : perdu au redémarrage</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <extracomment>%1 a file such as /etc/systemd/network/50-bond0.netdev
----------
%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>%1 (saved %2, running %3)</source>
        <extracomment>%1 an option or setting (miimon, slaves, ipv4Addresses), %2 and %3 its values</extracomment>
        <translation>%1 (enregistré %2, en cours %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>TrialHealthRows</name>
    <message>
        <source>%1 has a carrier</source>
        <translation>%1 a une porteuse</translation>
    </message>
    <message>
        <source>%1 has no carrier</source>
        <translation>%1 n&apos;a pas de porteuse</translation>
    </message>
    <message>
        <source>%1 has no address</source>
        <translation>%1 n&apos;a pas d&apos;adresse</translation>
    </message>
    <message>
        <source>Addresses: %1</source>
        <translation>Adresses : %1</translation>
    </message>
    <message>
        <source>The default route goes through %1</source>
        <translation>La route par défaut passe par %1</translation>
    </message>
    <message>
        <source>No default route through %1</source>
        <translation>Aucune route par défaut par %1</translation>
    </message>
    <message>
        <source>No gateway to ask</source>
        <translation>Aucune passerelle à interroger</translation>
    </message>
    <message>
        <source>The gateway %1 does not answer ARP</source>
        <translation>La passerelle %1 ne répond pas à ARP</translation>
    </message>
    <message>
        <source>The gateway %1 answers ARP in %2 ms (%3)</source>
        <extracomment>%1 an IPv4 address, %2 milliseconds, %3 a MAC address</extracomment>
        <translation>La passerelle %1 répond à ARP en %2 ms (%3)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>Carrier: %1</source>
        <translation>Porteuse : %1</translation>
    </message>
    <message>
        <source>Default route: %1</source>
        <translation>Route par défaut : %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Passerelle : %1</translation>
    </message>
</context>
<context>
    <name>bm::gui::AddressesPage</name>
    <message>
        <source>Give the bond its addresses</source>
        <translation>Donner ses adresses à l&apos;agrégat</translation>
    </message>
    <message>
        <source>The bond carries the host&apos;s addresses; its slaves have none of their own. Leave IPv4 and IPv6 off to add addresses later.</source>
        <translation>L&apos;agrégat porte les adresses de la machine ; ses esclaves n&apos;en ont pas. Laissez IPv4 et IPv6 désactivés pour ajouter des adresses plus tard.</translation>
    </message>
    <message>
        <source>The service that manages the slaves</source>
        <translation>Le service qui gère les esclaves</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Nulle part</translation>
    </message>
    <message>
        <source>&amp;Save with:</source>
        <translation>&amp;Enregistrer avec :</translation>
    </message>
    <message>
        <source>Not saved: gone after a reboot.</source>
        <translation>Non enregistré : perdu au redémarrage.</translation>
    </message>
    <message>
        <source>Saved by the network service that manages the slaves. If none does, the bond is not saved: gone after a reboot.</source>
        <translation>Enregistré par le service réseau qui gère les esclaves. Si aucun ne les gère, l&apos;agrégat n&apos;est pas enregistré : perdu au redémarrage.</translation>
    </message>
    <message>
        <source>Saved by %1: back after a reboot.</source>
        <extracomment>%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Enregistré par %1 : de retour après un redémarrage.</translation>
    </message>
    <message>
        <source>Error: DHCP and automatic IPv6 need a network service to run them; choose one to save the bond with, or static addresses.</source>
        <translation>Erreur : DHCP et l&apos;IPv6 automatique ont besoin d&apos;un service réseau pour fonctionner ; choisissez-en un pour enregistrer l&apos;agrégat, ou des adresses statiques.</translation>
    </message>
</context>
<context>
    <name>bm::gui::ApplyPage</name>
    <message>
        <source>Creating the bond</source>
        <translation>Création de l&apos;agrégat</translation>
    </message>
    <message>
        <source>Asking the helper to create %1… You may be asked for an administrator&apos;s password.</source>
        <translation>Demande au service auxiliaire de créer %1… Le mot de passe d&apos;un administrateur peut vous être demandé.</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>La création de %1</translation>
    </message>
    <message>
        <source>Nothing was changed: the helper undoes every step of a creation that fails.</source>
        <translation>Rien n&apos;a été modifié : le service auxiliaire annule chaque étape d&apos;une création qui échoue.</translation>
    </message>
    <message>
        <source>%1 was created and is shown in the main window.</source>
        <translation>%1 a été créé et apparaît dans la fenêtre principale.</translation>
    </message>
    <message>
        <source>%1 was created as a trial: keep it in the window that counts down, or it is undone by itself.</source>
        <translation>%1 a été créé à l&apos;essai : conservez-le dans la fenêtre du compte à rebours, sinon il est annulé de lui-même.</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondBackend</name>
    <message>
        <source>This host cannot test a failover.</source>
        <translation>Cet hôte ne peut pas tester un basculement.</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondHeader</name>
    <message>
        <source>Active slave:</source>
        <translation>Esclave actif :</translation>
    </message>
    <message>
        <source>Primary:</source>
        <translation>Primaire :</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <source>Bond link (MII):</source>
        <translation>Lien de l&apos;agrégat (MII) :</translation>
    </message>
    <message>
        <source>Monitoring:</source>
        <translation>Surveillance :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 (takes over again: %2)</source>
        <extracomment>%1 interface, %2 the kernel&apos;s primary_reselect value (always, better, failure)</extracomment>
        <translation>%1 (reprend la main : %2)</translation>
    </message>
    <message>
        <source>Bond %1</source>
        <translation>Agrégat %1</translation>
    </message>
    <message>
        <source>%1, %2, monitoring: %3</source>
        <translation>%1, %2, surveillance : %3</translation>
    </message>
    <message>
        <source>Save What Runs</source>
        <translation>Enregistrer ce qui tourne</translation>
    </message>
    <message>
        <source>Restore Saved</source>
        <translation>Rétablir l&apos;enregistré</translation>
    </message>
    <message>
        <source>Save the configuration the bond runs with now, so that it comes back after a reboot</source>
        <translation>Enregistrer la configuration actuelle de l&apos;agrégat, pour qu&apos;elle revienne après un redémarrage</translation>
    </message>
    <message>
        <source>Change the running bond back to its saved configuration</source>
        <translation>Ramener l&apos;agrégat en cours à sa configuration enregistrée</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adresses :</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>Adresse MAC :</translation>
    </message>
    <message>
        <source>MTU:</source>
        <translation>MTU :</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Enregistré :</translation>
    </message>
    <message>
        <source>Differs:</source>
        <translation>Différences :</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <source>UUID %1</source>
        <translation>UUID %1</translation>
    </message>
    <message>
        <source>not saved, live until the next boot: %1</source>
        <translation>non enregistré, actif jusqu&apos;au prochain démarrage : %1</translation>
    </message>
    <message>
        <source>Save with %1</source>
        <extracomment>%1 a network service: NetworkManager, systemd-networkd, ifupdown</extracomment>
        <translation>Enregistrer avec %1</translation>
    </message>
    <message>
        <source>Save With…</source>
        <translation>Enregistrer avec…</translation>
    </message>
    <message>
        <source>What runs differs from what is saved: %1</source>
        <translation>Ce qui tourne diffère de l&apos;enregistré : %1</translation>
    </message>
    <message>
        <source>Test Failover…</source>
        <translation>Tester le basculement…</translation>
    </message>
    <message>
        <source>Make the next backup slave active, check that the gateway still answers, and make %1 active again</source>
        <translation>Rendre actif le prochain esclave de secours, vérifier que la passerelle répond encore, puis rendre %1 de nouveau actif</translation>
    </message>
    <message>
        <source>the active slave</source>
        <translation>l&apos;esclave actif</translation>
    </message>
    <message>
        <source>Only an active-backup bond has a backup slave to test a failover with</source>
        <translation>Seul un bond active-backup a un esclave de secours avec lequel tester un basculement</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondListModel</name>
    <message>
        <source>mode unknown</source>
        <translation>mode inconnu</translation>
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
        <translation>%1 : %2, %3</translation>
    </message>
</context>
<context>
    <name>bm::gui::BondView</name>
    <message>
        <source>This bond has no slaves yet. Use Bond ▸ Add Slave to give it some.</source>
        <translation>Cet agrégat n&apos;a pas encore d&apos;esclave. Utilisez Agrégat ▸ Ajouter un esclave pour lui en donner.</translation>
    </message>
    <message>
        <source>Events (failovers, link changes, option changes)</source>
        <translation>Événements (bascules, changements de lien, changements d&apos;options)</translation>
    </message>
</context>
<context>
    <name>bm::gui::CloseToTray</name>
    <message>
        <source>Bond Manager keeps running</source>
        <translation>Bond Manager continue de tourner</translation>
    </message>
    <message>
        <source>It watches the bonds from the tray and tells you about failovers. To end it, choose Quit in the tray icon&apos;s menu or in the File menu.</source>
        <translation>Il surveille les agrégats depuis la zone de notification et vous signale les bascules. Pour le fermer, choisissez Quitter dans le menu de son icône ou dans le menu Fichier.</translation>
    </message>
</context>
<context>
    <name>bm::gui::CreateBondWizard</name>
    <message>
        <source>New Bond</source>
        <translation>Nouvel agrégat</translation>
    </message>
</context>
<context>
    <name>bm::gui::FailoverTimeline</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Chronologie des événements</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>Agrégat</translation>
    </message>
</context>
<context>
    <name>bm::gui::HelperBackend</name>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>laboratoire</translation>
    </message>
    <message>
        <source>Not connected to the helper.</source>
        <translation>Pas de connexion au service auxiliaire.</translation>
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
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Automatic (DHCP)</source>
        <translation>Automatique (DHCP)</translation>
    </message>
    <message>
        <source>Static</source>
        <translation>Statique</translation>
    </message>
    <message>
        <source>Automatic (router advertisements)</source>
        <translation>Automatique (annonces de routeur)</translation>
    </message>
    <message>
        <source>DHCPv6 only</source>
        <translation>DHCPv6 seulement</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangée</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>IPv&amp;4:</source>
        <translation>IPv&amp;4 :</translation>
    </message>
    <message>
        <source>IPv4 addresses:</source>
        <translation>Adresses IPv4 :</translation>
    </message>
    <message>
        <source>IPv4 gateway:</source>
        <translation>Passerelle IPv4 :</translation>
    </message>
    <message>
        <source>IPv&amp;6:</source>
        <translation>IPv&amp;6 :</translation>
    </message>
    <message>
        <source>IPv6 addresses:</source>
        <translation>Adresses IPv6 :</translation>
    </message>
    <message>
        <source>IPv6 gateway:</source>
        <translation>Passerelle IPv6 :</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>Serveurs &amp;DNS :</translation>
    </message>
    <message>
        <source>Search domains:</source>
        <translation>Domaines de recherche :</translation>
    </message>
    <message>
        <source>MT&amp;U:</source>
        <translation>MT&amp;U :</translation>
    </message>
    <message>
        <source>%1 is already the address of %2</source>
        <extracomment>%1 an address, %2 a network interface</extracomment>
        <translation>%1 est déjà l&apos;adresse de %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
</context>
<context>
    <name>bm::gui::MainWindow</name>
    <message>
        <source>Bond Manager</source>
        <translation>Gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>Bonds</source>
        <translation>Agrégats</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Connect to &amp;Host…</source>
        <translation>Se connecter à un &amp;hôte…</translation>
    </message>
    <message>
        <source>Connect to the &amp;Lab</source>
        <translation>Se connecter au &amp;laboratoire</translation>
    </message>
    <message>
        <source>Connect to &amp;This Computer</source>
        <translation>Se connecter à &amp;cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Bond</source>
        <translation>&amp;Agrégat</translation>
    </message>
    <message>
        <source>&amp;New Bond…</source>
        <translation>&amp;Nouvel agrégat…</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>&amp;Options…</translation>
    </message>
    <message>
        <source>&amp;Add Slave…</source>
        <translation>Ajouter un &amp;esclave…</translation>
    </message>
    <message>
        <source>&amp;Delete Bond…</source>
        <translation>&amp;Supprimer l&apos;agrégat…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Bond Manager</source>
        <translation>À &amp;propos du gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>About Bond Manager</source>
        <translation>À propos du gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Bond Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Shows the kernel&apos;s live state of network bonds and changes them through a privileged helper.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gestionnaire d&apos;agrégats&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Montre l&apos;état en direct des agrégats réseau selon le noyau et les modifie par un service auxiliaire privilégié.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Bond Manager — %1</source>
        <translation>Gestionnaire d&apos;agrégats — %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>The bond manager helper on %1 does not answer. Retrying by itself; the bonds shown again once it is back.</source>
        <translation>Le service auxiliaire sur %1 ne répond pas. Nouvel essai automatique ; les agrégats réapparaîtront à son retour.</translation>
    </message>
    <message>
        <source>Connecting to the helper on %1…</source>
        <translation>Connexion au service auxiliaire sur %1…</translation>
    </message>
    <message>
        <source>The kernel on %1 has no bonding driver, so no bond can be shown or created. Load the &quot;bonding&quot; module or connect to another host (File menu).</source>
        <translation>Le noyau de %1 n&apos;a pas de pilote d&apos;agrégation : aucun agrégat ne peut être affiché ni créé. Chargez le module « bonding » ou connectez-vous à un autre hôte (menu Fichier).</translation>
    </message>
    <message>
        <source>No bonds on %1 yet.
Use Bond ▸ New Bond… to create one.</source>
        <translation>Pas encore d&apos;agrégat sur %1.
Utilisez Agrégat ▸ Nouvel agrégat… pour en créer un.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 : échec.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1 : terminé.</translation>
    </message>
    <message>
        <source>Making %1 the primary of %2</source>
        <translation>Faire de %1 le primaire de %2</translation>
    </message>
    <message>
        <source>Making %1 the active slave of %2</source>
        <translation>Faire de %1 l&apos;esclave actif de %2</translation>
    </message>
    <message>
        <source>Removing %1 from %2</source>
        <translation>Retirer %1 de %2</translation>
    </message>
    <message>
        <source>Changing the options of %1</source>
        <translation>Modifier les options de %1</translation>
    </message>
    <message>
        <source>Listing the interfaces</source>
        <translation>Lister les interfaces</translation>
    </message>
    <message>
        <source>%1 (carries the default route!)</source>
        <translation>%1 (porte la route par défaut !)</translation>
    </message>
    <message>
        <source>Add Slave</source>
        <translation>Ajouter un esclave</translation>
    </message>
    <message>
        <source>No free interface can join %1.</source>
        <translation>Aucune interface libre ne peut rejoindre %1.</translation>
    </message>
    <message>
        <source>Interface to add to %1:</source>
        <translation>Interface à ajouter à %1 :</translation>
    </message>
    <message>
        <source>Adding %1 to %2</source>
        <translation>Ajouter %1 à %2</translation>
    </message>
    <message>
        <source>Delete Bond</source>
        <translation>Supprimer l&apos;agrégat</translation>
    </message>
    <message>
        <source>Delete %1? Its slaves are released and its addresses are lost.</source>
        <translation>Supprimer %1 ? Ses esclaves sont libérés et ses adresses perdues.</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Connect to Host</source>
        <translation>Se connecter à un hôte</translation>
    </message>
    <message>
        <source>Host to manage, as [user@]host (reached with ssh; the helper must be installed there):</source>
        <translation>Hôte à gérer, sous la forme [utilisateur@]hôte (joint par ssh ; le service auxiliaire doit y être installé) :</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>Saving %1 with %2</source>
        <extracomment>%1 a bond, %2 a network service (NetworkManager, systemd-networkd)</extracomment>
        <translation>Enregistrement de %1 avec %2</translation>
    </message>
    <message>
        <source>Restoring the saved configuration of %1</source>
        <translation>Rétablissement de la configuration enregistrée de %1</translation>
    </message>
    <message>
        <source>Changing the addresses of %1</source>
        <translation>Modification des adresses de %1</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuration</translation>
    </message>
    <message>
        <source>&amp;Export Timeline as CSV…</source>
        <translation>&amp;Exporter la chronologie en CSV…</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Exporter la chronologie</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Timeline saved to %1.</source>
        <translation>Chronologie enregistrée dans %1.</translation>
    </message>
    <message>
        <source>The timeline could not be saved to %1: %2</source>
        <translation>La chronologie n&apos;a pas pu être enregistrée dans %1 : %2</translation>
    </message>
    <message>
        <source>Changing the monitoring of %1</source>
        <translation>Modification de la surveillance de %1</translation>
    </message>
    <message>
        <source>&amp;Configure Bond Manager…</source>
        <translation>&amp;Configurer Bond Manager…</translation>
    </message>
    <message>
        <source>Connection to %1 lost at %2: showing the last known state</source>
        <translation>Connexion à %1 perdue à %2 : affichage du dernier état connu</translation>
    </message>
    <message>
        <source>A change made as a trial was undone.</source>
        <translation>Une modification à l&apos;essai a été annulée.</translation>
    </message>
    <message>
        <source>The change is made as a trial: unless you keep it within %1 seconds, it is undone by itself, so that a change that cuts this host off does not last.</source>
        <translation>La modification est faite à l&apos;essai : si vous ne la conservez pas dans les %1 secondes, elle est annulée d&apos;elle-même, pour qu&apos;une modification qui coupe cet hôte ne dure pas.</translation>
    </message>
    <message>
        <source>Make This Change as a Trial?</source>
        <translation>Faire cette modification à l&apos;essai ?</translation>
    </message>
    <message>
        <source>&amp;Try the Change</source>
        <translation>&amp;Essayer la modification</translation>
    </message>
    <message>
        <source>Testing the failover of %1</source>
        <translation>Test du basculement de %1</translation>
    </message>
</context>
<context>
    <name>bm::gui::ModePage</name>
    <message>
        <source>Choose how the slaves work together</source>
        <translation>Choisissez comment les esclaves coopèrent</translation>
    </message>
    <message>
        <source>For a host cabled to two switches, choose active-backup.</source>
        <translation>Pour un hôte relié à deux commutateurs, choisissez active-backup.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>— recommended</source>
        <translation>— recommandé</translation>
    </message>
</context>
<context>
    <name>bm::gui::MonitoringPage</name>
    <message>
        <source>&amp;MII: watch each slave&apos;s link (cable and port)</source>
        <translation>&amp;MII : surveiller le lien de chaque esclave (câble et port)</translation>
    </message>
    <message>
        <source>&amp;ARP: probe addresses behind the switches</source>
        <translation>&amp;ARP : sonder des adresses derrière les commutateurs</translation>
    </message>
    <message>
        <source>Choose how failures are detected</source>
        <translation>Choisissez comment les pannes sont détectées</translation>
    </message>
    <message>
        <source>Only ARP monitoring sees a failed link between the two switches (or any dead path behind a live cable); MII only sees the local link.</source>
        <translation>Seule la surveillance ARP voit une panne du lien entre les deux commutateurs (ou tout chemin mort derrière un câble actif) ; MII ne voit que le lien local.</translation>
    </message>
    <message>
        <source>ARP monitoring is not available in this mode.</source>
        <translation>La surveillance ARP n&apos;existe pas dans ce mode.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Error: give at least one ARP target, such as the gateway&apos;s address.</source>
        <translation>Erreur : indiquez au moins une cible ARP, par exemple l&apos;adresse de la passerelle.</translation>
    </message>
</context>
<context>
    <name>bm::gui::NamePage</name>
    <message>
        <source>Name the bond</source>
        <translation>Nommez l&apos;agrégat</translation>
    </message>
    <message>
        <source>The name of the new network interface, for example bond0.</source>
        <translation>Le nom de la nouvelle interface réseau, par exemple bond0.</translation>
    </message>
    <message>
        <source>Bond name</source>
        <translation>Nom de l&apos;agrégat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>At most 15 bytes; no spaces, &apos;/&apos; or &apos;:&apos;.</source>
        <translation>15 octets au plus ; ni espace, ni « / », ni « : ».</translation>
    </message>
    <message>
        <source>That character cannot be part of an interface name, or the name would be longer than 15 bytes.</source>
        <translation>Ce caractère ne peut pas figurer dans un nom d&apos;interface, ou le nom dépasserait 15 octets.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>A bond named %1 already exists.</source>
        <translation>Un agrégat nommé %1 existe déjà.</translation>
    </message>
</context>
<context>
    <name>bm::gui::Notifier</name>
    <message>
        <source>Bond Manager</source>
        <translation>Gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>À %1</translation>
    </message>
    <message>
        <source>Bond Manager: %1 bonds changed</source>
        <translation>Bond Manager : %1 agrégats modifiés</translation>
    </message>
    <message>
        <source>Changes not shown: %1 (see the timeline)</source>
        <translation>Changements non affichés : %1 (voir la chronologie des événements)</translation>
    </message>
</context>
<context>
    <name>bm::gui::OptionField</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1, 192.0.2.2</source>
        <translation>p. ex. 192.0.2.1, 192.0.2.2</translation>
    </message>
    <message>
        <source>e.g. 2001:db8::1</source>
        <translation>p. ex. 2001:db8::1</translation>
    </message>
    <message>
        <source>e.g. 02:00:00:00:00:01</source>
        <translation>p. ex. 02:00:00:00:00:01</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>parmi : %1</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <extracomment>a range of allowed values, %3 the unit (ms, s) or nothing</extracomment>
        <translation>%1 – %2 %3</translation>
    </message>
    <message>
        <source>up to %1 IPv4 addresses</source>
        <translation>jusqu&apos;à %1 adresses IPv4</translation>
    </message>
    <message>
        <source>up to %1 IPv6 addresses</source>
        <translation>jusqu&apos;à %1 adresses IPv6</translation>
    </message>
    <message>
        <source>a unicast MAC address</source>
        <translation>une adresse MAC unicast</translation>
    </message>
    <message>
        <source>a slave of this bond, or none</source>
        <translation>un esclave de cet agrégat, ou aucun</translation>
    </message>
</context>
<context>
    <name>bm::gui::OptionsEditor</name>
    <message>
        <source>Options of %1</source>
        <translation>Options de %1</translation>
    </message>
    <message>
        <source>can only change while the bond has no slaves</source>
        <translation>modifiable seulement quand l&apos;agrégat n&apos;a pas d&apos;esclave</translation>
    </message>
    <message>
        <source>can only change while the bond is down</source>
        <translation>modifiable seulement quand l&apos;agrégat est désactivé</translation>
    </message>
    <message>
        <source>Mode: %1. Only the options this mode uses are shown; hover a field for its help.</source>
        <translation>Mode : %1. Seules les options de ce mode sont affichées ; survolez un champ pour son aide.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
</context>
<context>
    <name>bm::gui::PrimaryPage</name>
    <message>
        <source>Choose the primary slave</source>
        <translation>Choisissez l&apos;esclave primaire</translation>
    </message>
    <message>
        <source>The primary carries the traffic whenever its link is up; the others stand by. Usually the faster link or the one to the main switch.</source>
        <translation>Le primaire porte le trafic tant que son lien est établi ; les autres attendent. En général le lien le plus rapide ou celui vers le commutateur principal.</translation>
    </message>
    <message>
        <source>&amp;Primary:</source>
        <translation>&amp;Primaire :</translation>
    </message>
    <message>
        <source>(none: keep whichever slave is active)</source>
        <translation>(aucun : garder l&apos;esclave actif du moment)</translation>
    </message>
</context>
<context>
    <name>bm::gui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>The bond is created with these settings when you press Create.</source>
        <translation>L&apos;agrégat est créé avec ces réglages quand vous appuyez sur Créer.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nom :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mode:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Mode :&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slaves:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Esclaves :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>&lt;b&gt;Options:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Options :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>kernel defaults</source>
        <translation>valeurs par défaut du noyau</translation>
    </message>
    <message>
        <source>IPv4 by DHCP</source>
        <translation>IPv4 par DHCP</translation>
    </message>
    <message>
        <source>IPv6 automatic</source>
        <translation>IPv6 automatique</translation>
    </message>
    <message>
        <source>IPv6 by DHCPv6</source>
        <translation>IPv6 par DHCPv6</translation>
    </message>
    <message>
        <source>&lt;b&gt;Addresses:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Adresses :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Enregistré :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The bond is created as a trial: a window then counts down %1 seconds, and unless you keep the bond in it, it is undone by itself, so that this host stays reachable even if the bond cuts it off.</source>
        <translation>Le bond est créé à l&apos;essai : une fenêtre compte alors %1 secondes à rebours, et si vous n&apos;y conservez pas le bond, il est annulé de lui-même, pour que cet hôte reste joignable même si le bond le coupe.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SampleBackend</name>
    <message>
        <source>Not connected to the helper.</source>
        <translation>Pas de connexion au service auxiliaire.</translation>
    </message>
    <message>
        <source>An interface named %1 already exists.</source>
        <translation>Une interface nommée %1 existe déjà.</translation>
    </message>
    <message>
        <source>There is no bond %1.</source>
        <translation>Il n&apos;y a pas d&apos;agrégat %1.</translation>
    </message>
    <message>
        <source>%1 is not a slave of %2.</source>
        <translation>%1 n&apos;est pas un esclave de %2.</translation>
    </message>
    <message>
        <source>%1 cannot become active: its link is not up.</source>
        <translation>%1 ne peut pas devenir actif : son lien n&apos;est pas établi.</translation>
    </message>
    <message>
        <source>sample host</source>
        <translation>hôte d&apos;exemple</translation>
    </message>
    <message>
        <source>%1 has no healthy backup to fail over to.</source>
        <translation>%1 n&apos;a aucun esclave de secours en bon état vers lequel basculer.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SettingsDialog</name>
    <message>
        <source>&amp;Start in the tray at login</source>
        <translation>&amp;Démarrer dans la zone de notification à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Configure Bond Manager</source>
        <translation>Configurer Bond Manager</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Closing the window keeps Bond Manager in the tray; Quit ends it.</source>
        <translation>Fermer la fenêtre laisse Bond Manager dans la zone de notification ; Quitter le ferme.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: at login Bond Manager starts as a window, and closing it quits.</source>
        <translation>Ce bureau n&apos;affiche pas d&apos;icônes de notification : à l&apos;ouverture de session Bond Manager démarre en fenêtre, et la fermer le quitte.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>Agrégat</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Bascule</translation>
    </message>
    <message>
        <source>Slave down</source>
        <translation>Esclave tombé</translation>
    </message>
    <message>
        <source>Slave up</source>
        <translation>Esclave rétabli</translation>
    </message>
    <message>
        <source>No bonds yet: each new bond announces failovers and slaves going down.</source>
        <translation>Pas encore d&apos;agrégat : chaque nouvel agrégat signale les bascules et les esclaves qui tombent.</translation>
    </message>
    <message>
        <source>Changes that could cut the connection</source>
        <translation>Modifications qui pourraient couper la connexion</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Undo unless kept within:</source>
        <translation>&amp;Annuler si non conservée dans les :</translation>
    </message>
    <message>
        <source>A change to an interface that carries this host&apos;s addresses or routes is made as a trial: the host undoes it by itself unless you keep it in time, so that a change that cuts it off does not last.</source>
        <translation>Une modification d&apos;une interface qui porte les adresses ou les routes de cet hôte est faite à l&apos;essai : l&apos;hôte l&apos;annule de lui-même si vous ne la conservez pas à temps, pour qu&apos;une modification qui le coupe ne dure pas.</translation>
    </message>
</context>
<context>
    <name>bm::gui::SlaveTile</name>
    <message>
        <source>Make primary</source>
        <translation>Rendre primaire</translation>
    </message>
    <message>
        <source>Make active now</source>
        <translation>Activer maintenant</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>More actions for this slave</source>
        <translation>Autres actions pour cet esclave</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Lien : %1</translation>
    </message>
    <message>
        <source>Active: carries traffic</source>
        <translation>Actif : porte le trafic</translation>
    </message>
    <message>
        <source>Backup: standing by</source>
        <translation>Secours : en attente</translation>
    </message>
    <message>
        <source>Role not reported</source>
        <translation>Rôle non signalé</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primaire</translation>
    </message>
    <message>
        <source>Link failures: %1</source>
        <translation>Pannes de lien : %1</translation>
    </message>
    <message>
        <source>Link failures: not reported</source>
        <translation>Pannes de lien : non signalées</translation>
    </message>
    <message>
        <source>Permanent address: not reported</source>
        <translation>Adresse permanente : non signalée</translation>
    </message>
    <message>
        <source>Permanent address: %1</source>
        <translation>Adresse permanente : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (actif)</translation>
    </message>
    <message>
        <source>no partner</source>
        <translation>aucun partenaire</translation>
    </message>
    <message>
        <source>Aggregator %1, partner %2</source>
        <translation>Agrégateur %1, partenaire %2</translation>
    </message>
    <message>
        <source>Move traffic to %1 now</source>
        <translation>Passer le trafic sur %1 maintenant</translation>
    </message>
    <message>
        <source>Only a slave whose link is up can become active</source>
        <translation>Seul un esclave dont le lien est établi peut devenir actif</translation>
    </message>
    <message>
        <source>Prefer %1 whenever its link is up</source>
        <translation>Préférer %1 dès que son lien est établi</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>lien : %1</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primaire</translation>
    </message>
    <message>
        <source>Slave %1</source>
        <translation>Esclave %1</translation>
    </message>
    <message>
        <source>Remove from bond</source>
        <translation>Retirer de l&apos;agrégat</translation>
    </message>
    <message>
        <source>errors +%1</source>
        <extracomment>receive and transmit errors counted since a time, e.g. &quot;errors +3&quot;</extracomment>
        <translation>erreurs +%1</translation>
    </message>
    <message>
        <source>drops +%1</source>
        <extracomment>packets dropped since a time, e.g. &quot;drops +12&quot;</extracomment>
        <translation>rejets +%1</translation>
    </message>
    <message>
        <source>Since %1: %2</source>
        <translation>Depuis %1 : %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Last known state, not live</source>
        <translation>Dernier état connu, pas en direct</translation>
    </message>
</context>
<context>
    <name>bm::gui::SlavesPage</name>
    <message>
        <source>Choose the slaves</source>
        <translation>Choisissez les esclaves</translation>
    </message>
    <message>
        <source>The network interfaces the bond will use. Interfaces in another bond cannot be chosen.</source>
        <translation>Les interfaces réseau que l&apos;agrégat utilisera. Les interfaces d&apos;un autre agrégat ne peuvent pas être choisies.</translation>
    </message>
    <message>
        <source>Candidate interfaces</source>
        <translation>Interfaces candidates</translation>
    </message>
    <message>
        <source>Looking for interfaces…</source>
        <translation>Recherche des interfaces…</translation>
    </message>
    <message>
        <source>Listing the interfaces</source>
        <translation>Lister les interfaces</translation>
    </message>
    <message>
        <source>cable connected</source>
        <translation>câble branché</translation>
    </message>
    <message>
        <source>no cable</source>
        <translation>pas de câble</translation>
    </message>
    <message>
        <source>has address %1</source>
        <translation>a l&apos;adresse %1</translation>
    </message>
    <message>
        <source>carries the default route</source>
        <translation>porte la route par défaut</translation>
    </message>
    <message>
        <source>already in %1</source>
        <translation>déjà dans %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No interface can become a slave. The bond can still be created and slaves added later.</source>
        <translation>Aucune interface ne peut devenir esclave. L&apos;agrégat peut quand même être créé et des esclaves ajoutés plus tard.</translation>
    </message>
    <message>
        <source>No slave chosen: the bond will be created empty.</source>
        <translation>Aucun esclave choisi : l&apos;agrégat sera créé vide.</translation>
    </message>
    <message>
        <source>With one slave there is nothing to fail over to.</source>
        <translation>Avec un seul esclave, il n&apos;y a rien vers quoi basculer.</translation>
    </message>
    <message>
        <source>⚠ %1 carries the default route: its addresses and routes move to the bond, and the bond is made as a trial that is undone by itself unless you keep it.</source>
        <translation>⚠ %1 porte la route par défaut : ses adresses et ses routes passent au bond, et le bond est créé à l&apos;essai, annulé de lui-même si vous ne le conservez pas.</translation>
    </message>
    <message>
        <source>⚠ %1 has the address %2, which moves to the bond; the bond is made as a trial that is undone by itself unless you keep it.</source>
        <translation>⚠ %1 a l&apos;adresse %2, qui passe au bond ; le bond est créé à l&apos;essai, annulé de lui-même si vous ne le conservez pas.</translation>
    </message>
</context>
<context>
    <name>bm::gui::Sparkline</name>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
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
        <translation>Aucun trafic mesuré pour l&apos;instant</translation>
    </message>
    <message>
        <source>Received %1, sent %2 (solid: received, dashed: sent)</source>
        <translation>Reçu %1, envoyé %2 (trait plein : reçu, pointillé : envoyé)</translation>
    </message>
</context>
<context>
    <name>bm::gui::TimelineFilter</name>
    <message>
        <source>Selected bond</source>
        <translation>Agrégat sélectionné</translation>
    </message>
    <message>
        <source>All bonds</source>
        <translation>Tous les agrégats</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Bascules</translation>
    </message>
    <message>
        <source>Slave down</source>
        <translation>Esclave tombé</translation>
    </message>
    <message>
        <source>Slave up</source>
        <translation>Esclave rétabli</translation>
    </message>
    <message>
        <source>Slaves joined or left</source>
        <translation>Esclaves ajoutés ou retirés</translation>
    </message>
    <message>
        <source>Option changes</source>
        <translation>Changements d&apos;options</translation>
    </message>
    <message>
        <source>Bonds created or deleted</source>
        <translation>Agrégats créés ou supprimés</translation>
    </message>
    <message>
        <source>While not running</source>
        <translation>Pendant l&apos;arrêt du Gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the events this filter shows, all that are kept, as a CSV file</source>
        <translation>Enregistrer les événements que ce filtre affiche, tous ceux conservés, dans un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Bond:</source>
        <translation>&amp;Agrégat :</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>A&amp;fficher :</translation>
    </message>
</context>
<context>
    <name>bm::gui::TrayIcon</name>
    <message>
        <source>Show Bond Manager</source>
        <translation>Afficher le gestionnaire d&apos;agrégats</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Pas de connexion à %1</translation>
    </message>
    <message>
        <source>No bonds on %1</source>
        <translation>Aucun agrégat sur %1</translation>
    </message>
    <message>
        <source>Bond Manager</source>
        <translation>Gestionnaire d&apos;agrégats</translation>
    </message>
</context>
<context>
    <name>bm::gui::TrialDialog</name>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <source>&amp;Roll back now</source>
        <translation>&amp;Annuler maintenant</translation>
    </message>
    <message>
        <source>Keep this change?</source>
        <translation>Conserver cette modification ?</translation>
    </message>
    <message>
        <source>If this host can no longer be reached, do nothing: the change is undone by itself.</source>
        <translation>Si cet hôte n&apos;est plus joignable, ne faites rien : la modification est annulée d&apos;elle-même.</translation>
    </message>
    <message>
        <source>How %1 is doing:</source>
        <extracomment>Heading of the health rows in the trial dialog; %1 a bond</extracomment>
        <translation>État de %1 :</translation>
    </message>
    <message>
        <source>The change was undone, as asked.</source>
        <translation>La modification a été annulée, comme demandé.</translation>
    </message>
    <message>
        <source>Time is up: the change is being undone…</source>
        <translation>Le temps est écoulé : la modification est en cours d&apos;annulation…</translation>
    </message>
    <message>
        <source>Keep this change? It is undone in %1</source>
        <extracomment>%1 minutes and seconds, as 0:45</extracomment>
        <translation>Conserver cette modification ? Elle est annulée dans %1</translation>
    </message>
    <message>
        <source>The connection to %1 is lost: keeping the change as soon as it is back.</source>
        <translation>La connexion à %1 est perdue : la modification sera conservée dès son retour.</translation>
    </message>
    <message>
        <source>Keeping the change… You may be asked for an administrator&apos;s password.</source>
        <translation>Conservation de la modification… Le mot de passe d&apos;un administrateur peut vous être demandé.</translation>
    </message>
    <message>
        <source>The change is kept.</source>
        <translation>La modification est conservée.</translation>
    </message>
    <message>
        <source>Keeping the change</source>
        <translation>La conservation de la modification</translation>
    </message>
    <message>
        <source>Undoing the change…</source>
        <translation>Annulation de la modification…</translation>
    </message>
    <message>
        <source>Undoing the change</source>
        <translation>L&apos;annulation de la modification</translation>
    </message>
    <message>
        <source>The change was undone: it was not kept before its deadline.</source>
        <translation>La modification a été annulée : elle n&apos;a pas été conservée avant l&apos;échéance.</translation>
    </message>
    <message>
        <source>The change was undone: the helper restarted before it was kept.</source>
        <translation>La modification a été annulée : l&apos;assistant a redémarré avant qu&apos;elle soit conservée.</translation>
    </message>
    <message>
        <source>The change failed and was undone.</source>
        <translation>La modification a échoué et a été annulée.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows and manages the network bonds of this or another machine.</source>
        <translation>Affiche et gère les agrégats réseau de cette machine ou d&apos;une autre.</translation>
    </message>
    <message>
        <source>Manage the bonds of another machine, reached with ssh.</source>
        <translation>Gérer les agrégats d&apos;une autre machine, jointe par ssh.</translation>
    </message>
    <message>
        <source>Manage the bonds of the running lab VM.</source>
        <translation>Gérer les agrégats de la VM de laboratoire en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>Show made-up sample bonds; changes nothing anywhere.</source>
        <translation>Afficher des agrégats d&apos;exemple fictifs ; ne modifie rien nulle part.</translation>
    </message>
    <message>
        <source>Start hidden in the tray, as at login (minimised where there is no tray). Does nothing when already running.</source>
        <translation>Démarrer caché dans la zone de notification, comme à l&apos;ouverture de session (réduit s&apos;il n&apos;y en a pas). Ne fait rien s&apos;il tourne déjà.</translation>
    </message>
</context>
</TS>
