# Polski katalog callprofiles. Każdy komunikat musi istnieć także w en.ftl (sprawdza to test).

## Profile
profile-office = Biurowy
profile-mobile = Komórkowy
profile-home = Domowy
profile-detected = Wykryte
profile-count = { $count ->
    [one] { $count } profil
    [few] { $count } profile
    [many] { $count } profili
   *[other] { $count } profilu
}

## Okno
window-title = callprofiles — profile połączeń
window-title-active = callprofiles — aktywny profil: { $profile }
window-title-detected = callprofiles — wykryte ustawienia

## Pasek narzędzi
button-add = ➕ Dodaj profil…
tooltip-add = Dodaj własny profil jako kopię pokazanego profilu ({ $shortcut }).
tooltip-add-full = Masz już { $max } własne profile — to maksimum: usuń jeden, aby dodać kolejny.
tooltip-unavailable = Niedostępne, dopóki nie da się odczytać profili.
slots-left = { $count ->
    [one] Możesz dodać jeszcze 1 profil.
    [few] Możesz dodać jeszcze { $count } profile.
   *[other] Możesz dodać jeszcze { $count } profili.
}
slots-none = Nie można dodać więcej profili.
button-export = Eksportuj…
tooltip-export = Zapisz wszystkie profile do pliku.
button-import = Importuj…
tooltip-import = Zastąp wszystkie profile profilami z wyeksportowanego pliku.
language-label = Język
language-system = Systemowy ({ $language })
button-more = Więcej
tooltip-more = Eksport, import i system telefoniczny

## Pasek boczny
sidebar-builtin = Profile wbudowane
sidebar-custom = Twoje profile ({ $count } z 4)
sidebar-custom-empty = Jeszcze żadnego.
mark-builtin = wbudowany
mark-custom = własny
mark-active = aktywny
mark-differs = różni się
tooltip-row = Kliknij, aby edytować. Kliknij dwukrotnie lub naciśnij { $shortcut }, aby aktywować.
detected-differs = Różni się od profilu { $profile }: { $settings }
detected-short = Zmienione poza aplikacją
tooltip-detected = Bieżące ustawienia systemu telefonicznego nie pasują do żadnego profilu: kliknij, aby je zobaczyć i zachować.
summary-desk-phone = Telefon stacjonarny
summary-forward = ➡ { $number }
summary-twinning = Stacjonarny + { $number }
summary-telecommuter = Telepracownik: { $number }
summary-no-number = brak numeru
summary-spoken-desk-phone = połączenia dzwonią na telefonie stacjonarnym
summary-spoken-forward = połączenia są przekierowane na { $number }
summary-spoken-twinning = połączenia dzwonią jednocześnie na telefonie stacjonarnym i pod numerem { $number }
summary-spoken-telecommuter = telepracownik, połączenia trafiają pod numer { $number }

## Widok profilu
button-activate = Aktywuj
tooltip-activate = Zastosuj zapisane ustawienia tego profilu w systemie telefonicznym.
tooltip-already-active = Ten profil jest już aktywny.
tooltip-busy = Poczekaj, aż system telefoniczny skończy.
button-rename = Zmień nazwę…
button-delete = Usuń…
button-save = Zapisz
button-revert = Cofnij zmiany
tooltip-save-invalid = Najpierw popraw zaznaczone pole.
tooltip-save-nothing = Nic się nie zmieniło.
tooltip-revert = Odrzuć zmiany wprowadzone od ostatniego zapisu.
hint-unsaved = Niezapisane zmiany
hint-active-edit = Ten profil jest aktywny: zapisanie od razu zastosuje zmiany w systemie telefonicznym.

## Formularz ustawień
group-call-pickup = Przejmowanie połączeń
field-call-pickup = Przejmowanie połączeń włączone
hint-call-pickup = Współpracownicy mogą odebrać połączenie, które dzwoni na Twoim telefonie.
group-mobility = Mobilność
mode-desk-phone = Domyślny telefon stacjonarny
mode-forward = Przekierowanie połączeń
mode-twinning = Jednoczesne przekazywanie połączeń na telefony komórkowe
mode-telecommuter = Telepracownik
number-forward = Przekieruj na numer
number-twinning = Dzwoń też na numer
number-telecommuter = Numer telepracownika
hint-number = np. +48 600 100 200
hint-number-missing = Numer nie jest jeszcze ustawiony: profil można zapisać, ale nie można go aktywować.
hint-number-saved-as = Numer zostanie zapisany jako { $number }
group-voicemail = Poczta głosowa
field-voicemail = Poczta głosowa włączona
field-ringback = Oddzwanianie poczty głosowej włączone
field-notification = Powiadamianie o poczcie głosowej włączone
setting-call-pickup = Przejmowanie połączeń
setting-routing = Mobilność
setting-voicemail = Poczta głosowa
setting-ringback = Oddzwanianie poczty głosowej
setting-notification = Powiadamianie o poczcie głosowej
setting-playback = Odsłuchiwanie wiadomości
setting-greeting = Aktywne powitanie poczty głosowej
field-playback = Odsłuchaj wiadomości:
field-greeting = Aktywne powitanie poczty głosowej:
playback-phone = za pomocą telefonu
playback-computer = za pomocą komputera
greeting-default = Powitanie systemowe
greeting-recorded = Powitanie { $number }

## Wykryte
detected-explain = Bieżące ustawienia systemu telefonicznego nie odpowiadają żadnemu z zapisanych profili (zmieniono je gdzie indziej, np. na telefonie stacjonarnym).
button-save-detected-new = Zapisz jako nowy profil…
button-save-detected-into = Zapisz w profilu…

## Okna dialogowe
field-name = Nazwa
dialog-add-title = Dodaj profil
dialog-add-text-default = Nowy profil zacznie z ustawieniami domyślnymi: połączenia dzwonią na telefonie stacjonarnym.
dialog-add-text = Nowy profil będzie kopią profilu { $profile }: zacznie z tymi samymi ustawieniami, które możesz potem zmienić.
button-add-confirm = Dodaj
dialog-rename-title = Zmień nazwę profilu
button-rename-confirm = Zmień nazwę
dialog-delete-title = Usunąć profil?
dialog-delete-text = Usunąć profil { $profile }? Tej operacji nie można cofnąć.
button-delete-confirm = Usuń
dialog-detected-new-title = Zapisz Wykryte jako nowy profil
dialog-detected-new-text = Nowy profil otrzyma bieżące ustawienia systemu telefonicznego i stanie się aktywny.
dialog-detected-into-title = Zapisz Wykryte w profilu
dialog-detected-into-text = Który profil ma przejąć bieżące ustawienia systemu telefonicznego?
dialog-detected-into-warning = Zapisane ustawienia profilu { $profile } zostaną zastąpione.
button-save-confirm = Zapisz
dialog-unsaved-title = Niezapisane zmiany
dialog-unsaved-text = Profil { $profile } ma niezapisane zmiany.
dialog-unsaved-invalid = W obecnej postaci nie można ich zapisać: jedno z pól jest niepoprawne.
button-discard = Odrzuć zmiany
button-cancel = Anuluj
dialog-import-title = Zaimportować profile?
dialog-import-text = Import zastąpi wszystkie Twoje profile, także własne, profilami z pliku.
button-import-confirm = Importuj
button-export-confirm = Eksportuj
field-path = Plik
hint-path = np. /home/ja/callprofiles-profiles.json
file-export-title = Eksport profili
file-import-title = Import profili
file-filter-json = Eksport callprofiles (JSON)
file-no-portal = Nie udało się otworzyć okna wyboru pliku: usługa wyboru plików pulpitu (xdg-desktop-portal) nie działa. Wpisz ścieżkę pliku.

## Uszkodzony plik profili
damaged-heading = Nie można odczytać Twoich profili
damaged-explain = Możesz odsunąć go na bok (zostanie zachowany obok oryginału, nic nie jest usuwane) i zacząć od nowa z trzema wbudowanymi profilami.
damaged-retry = Niczego nie zmieniono. Okno spróbuje ponownie za kilka sekund.
button-move-aside = Odsuń plik na bok i zacznij od nowa

## Pasek stanu
status-starting = Odczytywanie systemu telefonicznego…
status-worker-stopped = Proces w tle, który komunikuje się z systemem telefonicznym, zatrzymał się; do jego ponownego uruchomienia nic nie zostanie zapisane ani zastosowane.
button-restart-worker = Uruchom ponownie
status-phone-unknown = System telefoniczny: nie otwarto
status-phone-demo = Wbudowany demonstracyjny system telefoniczny — bez centrali (PBX)
tooltip-phone-demo = Ustawienia są zapisywane tylko na tym komputerze: żaden prawdziwy telefon się nie zmienia. Kliknij, aby wybrać system telefoniczny.
status-phone-asterisk = System telefoniczny: { $summary }
status-connected = Połączono
status-applying = Stosowanie profilu { $profile }…
status-saving = Zapisywanie…
status-error = Błąd
status-last-read = Ostatni odczyt: { $time }
button-dismiss = Zamknij komunikat

## Wyniki
done-activated = Profil { $profile } jest teraz aktywny.
done-saved = Zapisano profil { $profile }.
done-saved-applied = Zapisano profil { $profile } i zastosowano go w systemie telefonicznym.
done-created = Dodano profil { $profile }.
done-renamed = Profil nazywa się teraz { $profile }.
done-deleted = Usunięto profil { $profile }.
done-detected-saved = Wykryte ustawienia zapisano jako profil { $profile }, który jest teraz aktywny.
done-moved-aside = Uszkodzony plik przeniesiono do { $path }; zaczynasz z nowymi profilami.
done-exported = { $count ->
    [one] Wyeksportowano 1 profil do { $path }.
    [few] Wyeksportowano { $count } profile do { $path }.
   *[other] Wyeksportowano { $count } profili do { $path }.
}
done-imported = { $count ->
    [one] Zaimportowano 1 profil z { $path }.
    [few] Zaimportowano { $count } profile z { $path }.
   *[other] Zaimportowano { $count } profili z { $path }.
}

## Błędy
error-number-character = Numer zawiera znak „{ $character }”, który jest niedozwolony: użyj cyfr, opcjonalnego + na początku oraz spacji, myślników, kropek lub nawiasów.
error-number-too-short = Numer jest za krótki: potrzebne są co najmniej 2 cyfry.
error-number-too-long = Numer jest za długi: może mieć najwyżej 20 cyfr.
error-name-empty = Nazwa profilu nie może być pusta.
error-name-too-long = Nazwa jest za długa: może mieć najwyżej 32 znaki.
error-name-control = Nazwa profilu nie może zawierać znaków nowego wiersza ani tabulacji.
error-name-hidden = Nazwa profilu nie może zawierać znaków niewidocznych ani zmieniających kierunek tekstu (zawiera { $character }).
error-too-many-custom = Masz już 4 własne profile — to maksimum: najpierw usuń jeden.
error-name-taken = Nazwa „{ $name }” jest już używana przez inny profil.
error-name-reserved = Nazwa „{ $name }” jest zarezerwowana dla profilu wbudowanego.
error-builtin-delete = { $name } to profil wbudowany: nie można go usunąć.
error-builtin-rename = { $name } to profil wbudowany: nie można zmienić jego nazwy.
error-unknown-profile = Nie ma profilu o nazwie „{ $name }” (mógł zostać usunięty gdzie indziej).
error-missing-number = Profil { $name } potrzebuje numeru telefonu dla swojej mobilności: ustaw go w profilu, zapisz i dopiero wtedy aktywuj.
error-nothing-detected = Nie ma wykrytych ustawień do zapisania: ustawienia systemu telefonicznego odpowiadają profilowi { $name }.
error-call-needs-telecommuter = Połączenia z callprofiles najpierw dzwonią na Twój telefon telepracownika, więc wymagają mobilności Telepracownik z numerem: najpierw aktywuj taki profil.
error-no-free-id = Nie można dodać „{ $name }”: wykorzystano już wszystkie identyfikatory profili własnych do custom-{ $max }, a identyfikatory nigdy nie są używane ponownie.
error-id-out-of-range = Identyfikator profilu „{ $id }” jest poza zakresem: identyfikatory profili własnych sięgają do custom-{ $max }.
error-calls-unsupported = Demonstracyjny system telefoniczny nie może nawiązywać połączeń: najpierw połącz callprofiles ze swoim Asteriskiem lub FreePBX.
error-voicemail-unsupported = Ten system telefoniczny nie udostępnia callprofiles wiadomości poczty głosowej.
error-no-mailbox = Numer wewnętrzny { $extension } nie ma skrzynki poczty głosowej w systemie telefonicznym.
error-message-not-found = W skrzynce nie ma wiadomości głosowej { $id }: wyświetl listę wiadomości ponownie.
error-play-on-phone-unsupported = Demonstracyjny system telefoniczny nie może zadzwonić na telefon, by odtworzyć wiadomość: najpierw połącz callprofiles ze swoim Asteriskiem lub FreePBX.
error-record-by-phone-unsupported = Demonstracyjny system telefoniczny nie może zadzwonić na telefon, by nagrać powitanie: najpierw połącz callprofiles ze swoim Asteriskiem lub FreePBX.
error-bad-message-id = „{ $input }” nie jest identyfikatorem wiadomości głosowej: użyj identyfikatora z listy wiadomości.
error-no-home = Nie można znaleźć folderu na pliki callprofiles: ustaw CALLPROFILES_HOME lub podaj --home KATALOG.
error-file = Nie można użyć pliku { $path }: { $reason }.
error-store-corrupt = Plik profili { $path } jest uszkodzony ({ $reason }); pozostawiono go nietkniętym.
damage-syntax = jest w nim błąd w wierszu { $line }, w kolumnie { $column }
damage-too-large = jest większy niż { $limit } bajtów
damage-bad-version = ma nieprawidłowy numer wersji
damage-not-a-file = to { $kind }, a nie zwykły plik
damage-not-an-object = nie zawiera obiektu JSON
damage-newer = zapisała go nowsza wersja callprofiles (format { $found }, ta wersja czyta najwyżej { $supported })
file-kind-directory = folder
file-kind-fifo = potok nazwany (FIFO)
file-kind-char-device = urządzenie znakowe
file-kind-block-device = urządzenie blokowe
file-kind-socket = gniazdo
file-kind-symlink = dowiązanie symboliczne
error-store-newer = Plik profili { $path } został zapisany przez nowszą wersję callprofiles; pozostawiono go nietkniętym. Zaktualizuj callprofiles, aby go używać.
error-store-busy = Inne okno lub polecenie callprofiles właśnie zmienia Twoje profile; spróbuj ponownie za chwilę.
error-too-large = Plik { $path } jest za duży, by był eksportem callprofiles.
error-phone-unreachable = Nie można połączyć się z systemem telefonicznym pod adresem { $address }: { $reason }.
link-unknown-host = nazwa serwera { $host } jest nieznana, więc ją sprawdź
link-no-address = nazwa serwera { $host } nie ma adresu
link-refused = nic nie przyjmuje tam połączeń, więc sprawdź, czy Asterisk działa i czy AMI jest włączone na tym porcie
link-unreachable = sieć nie może do niego dotrzeć
link-network-down = sieć nie działa
link-broken = połączenie zostało przerwane
link-closed-at-once = od razu zamknął połączenie
link-closed = Asterisk zamknął połączenie
link-wrong-banner = na tym porcie odpowiada coś innego niż AMI Asteriska (przywitało się tekstem „{ $banner }”)
link-not-ami = to, co przysłał, nie jest protokołem AMI
error-phone-too-large = System telefoniczny pod adresem { $address } przysłał za dużo w jednej odpowiedzi ({ $bound }); callprofiles przerwał jej czytanie. Jeśli to się powtarza, powiadom administratora centrali.
overflow-line-bytes = wiersz dłuższy niż { $limit } bajtów
overflow-headers = wiadomość z ponad { $limit } nagłówkami
overflow-bytes = ponad { $limit } bajtów
overflow-entries = lista z ponad { $limit } pozycjami
link-other = błąd sieci ({ $detail })
error-phone-login = System telefoniczny odrzucił logowanie użytkownika „{ $user }”: sprawdź nazwę użytkownika i hasło.
error-phone-timeout = System telefoniczny nie odpowiedział w ciągu { $seconds ->
    [one] 1 sekundy.
   *[other] { $seconds } sekund.
}
error-phone-refused = System telefoniczny odrzucił żądanie { $action }: „{ $reason }”.
error-phone-refused-silently = System telefoniczny odrzucił żądanie { $action } bez podania przyczyny.
error-phone-not-verified = System telefoniczny nie zachował nowych ustawień; ktoś mógł je zmienić w tym samym czasie.
error-phone-save = Demonstracyjny system telefoniczny nie może zapisać ustawień w { $path }: { $reason }.
io-disk-full = dysk jest pełny
io-read-only = folder znajduje się na dysku tylko do odczytu
io-permission = nie masz uprawnień, by go zmienić
error-phone-incomplete = System telefoniczny odpowiedział na żądanie { $action } niepełnie; spróbuj ponownie, a jeśli to się powtarza, powiadom administratora centrali.
error-phone-state = Stan systemu telefonicznego jest nieużywalny: { $reason }.
error-demo-damaged = Plik demonstracyjnego systemu telefonicznego { $path } jest uszkodzony ({ $reason }); przenieś go w inne miejsce lub usuń, aby zacząć od ustawień profilu Biurowy.
error-demo-unreadable = Demonstracyjny system telefoniczny nie może odczytać ustawień z { $path }: { $reason }.
error-phone-config = System telefoniczny jest źle skonfigurowany: { $reason }.
error-phone-unsafe = Tej wartości ({ $what }) nie można wysłać do systemu telefonicznego: { $reason }.
config-host-empty = nie podano nazwy serwera ani adresu IP
config-host-too-long = nazwa serwera „{ $host }” jest za długa
config-host-characters = „{ $host }” nie jest nazwą serwera ani adresem IP (użyj liter, cyfr, kropek i myślników albo adresu IP)
config-user-empty = nie podano nazwy użytkownika AMI
config-user-too-long = nazwa użytkownika AMI ma więcej niż { $limit } znaków
config-user-space = nazwa użytkownika AMI zawiera spację
config-bad-extension = „{ $extension }” nie jest numerem wewnętrznym: użyj od { $min } do { $max } cyfr
config-originate-not-allowed = użytkownik AMI „{ $user }” nie może nawiązywać połączeń: poproś administratora centrali o dodanie uprawnienia originate do jego uprawnień zapisu (manager.conf: write = system,call,originate)
config-secret-empty = hasło AMI jest puste
config-secret-variable = zmienna { $variable } nie jest poprawnym tekstem UTF-8
config-no-secret = brak hasła AMI: wpisz je w ustawieniach połączenia albo ustaw zmienną { $variable }
config-secret-file = plik z hasłem { $path } { $problem }
secret-unreadable = nie daje się odczytać ({ $reason })
secret-not-a-file = nie jest zwykłym plikiem
secret-open = mogą czytać inni użytkownicy (uprawnienia { $mode }), a może go czytać tylko właściciel (uruchom: chmod 600 { $path })
secret-too-large = jest większy niż { $limit } bajtów
secret-unusable = zawiera hasło, którego nie można użyć: { $reason }
secret-empty = jest pusty
secret-unwritable = nie daje się zapisać ({ $reason })
unsafe-line-break = zawiera znak końca wiersza
unsafe-control = zawiera znak sterujący
unsafe-too-long = ma { $bytes } bajtów, więcej niż dozwolone { $limit }
value-ami-user = nazwa użytkownika AMI
value-ami-secret = hasło AMI
io-not-found = nie istnieje
error-import = Nie można zaimportować pliku { $path }: { $reason }. Niczego nie zmieniono.
import-not-json = to nie jest poprawny plik JSON (błąd w wierszu { $line }, w kolumnie { $column })
damage-truncated = kończy się za wcześnie, jakby został ucięty
import-not-export = to nie jest eksport callprofiles
import-newer = został zapisany przez nowszą wersję callprofiles (wersja { $found }; ta wersja odczytuje najwyżej { $supported }), więc zaktualizuj callprofiles
import-bad-version = brakuje w nim numeru wersji albo jest on nieprawidłowy
import-damaged = jest uszkodzony ({ $detail })
import-entry-damaged = profil nr { $position } jest w nim uszkodzony ({ $detail })
import-entry-input = profil nr { $position }: { $reason }
import-bad-id = profil nr { $position } ma nieprawidłowy identyfikator („{ $id }”)
import-unknown-builtin = profil nr { $position } jest oznaczony jako wbudowany, ale jego identyfikator „{ $id }” to nie office, mobile ani home
import-builtin-renamed = profil nr { $position } to wbudowany profil { $builtin }, ale nazywa się „{ $name }” (nazw profili wbudowanych nie można zmieniać)
import-builtin-twice = wbudowany profil { $builtin } występuje w nim dwa razy
import-custom-builtin-id = profil nr { $position } jest profilem własnym z identyfikatorem profilu wbudowanego („{ $id }”)
import-id-twice = dwa profile mają identyfikator „{ $id }”
import-too-many-custom = { $count ->
    [few] zawiera { $count } profile własne
   *[many] zawiera { $count } profili własnych
}, a dozwolone są najwyżej { $limit }
import-name-twice = dwa profile nazywają się „{ $name }” (nazwy muszą się różnić bez względu na wielkość liter)
import-name-reserved = profil własny „{ $name }” ma nazwę zarezerwowaną dla profilu wbudowanego lub Wykrytego
error-unknown-language = „{ $code }” nie jest językiem callprofiles: użyj en lub pl.
error-window = Nie można otworzyć okna: { $reason }.
error-no-display = Nie można otworzyć okna: nie znaleziono ekranu graficznego (nie ustawiono ani DISPLAY, ani WAYLAND_DISPLAY). Uruchom callprofiles w sesji pulpitu albo użyj jego poleceń (callprofiles --help).
done-imported-replaced = { $count ->
    [one] Twój dotychczasowy własny profil został zastąpiony.
    [few] Twoje { $count } dotychczasowe własne profile zostały zastąpione.
   *[other] Twoich { $count } dotychczasowych własnych profili zostało zastąpionych.
}

## Quick-access window
quick-title = Szybkie przełączanie
quick-hint = Kliknij profil lub naciśnij jego numer, aby go aktywować. M otwiera pocztę głosową. Esc zamyka.
quick-close = Zamknij
quick-key = klawisz { $key }
quick-needs-number = brak numeru
quick-detected-current = Bieżące ustawienia systemu telefonicznego nie odpowiadają żadnemu z Twoich profili.
quick-store-problem = Nie można odczytać Twoich profili. Otwórz główne okno (callprofiles), aby to naprawić.

## Tray
tray-tooltip-active = Aktywny profil: { $profile }
tray-tooltip-detected = Wykryte: ustawienia systemu telefonicznego nie odpowiadają żadnemu profilowi
tray-detected = Wykryte (zmienione gdzie indziej)
tray-open-main = Otwórz główne okno
tray-quick = Szybkie przełączanie
tray-unavailable = Zasobnik systemowy jest niedostępny, więc callprofiles nie pokazuje ikony w zasobniku ({ $reason }). Wszystko inne działa normalnie.

## Phone system connection form
button-phone-system = ☎ System telefoniczny…
tooltip-phone-system = Wybierz system telefoniczny: wbudowany demonstracyjny albo Twój Asterisk lub FreePBX.
conn-title = System telefoniczny
conn-in-use-demo = Teraz używany: wbudowany demonstracyjny system telefoniczny (żadna centrala nie jest podłączona).
conn-in-use-asterisk = Teraz używany: Asterisk pod adresem { $address }, numer wewnętrzny { $extension }.
conn-choice-builtin = Wbudowany system demonstracyjny (bez centrali)
conn-choice-asterisk = Asterisk lub FreePBX (przez AMI)
conn-builtin-explain = Wbudowany system demonstracyjny nie wymaga centrali: profile są stosowane do pliku na tym komputerze, więc można wszystko wypróbować.
conn-builtin-in-use = Wbudowany system demonstracyjny jest już używany.
button-conn-builtin = Używaj systemu demonstracyjnego
conn-field-host = Adres serwera
conn-hint-host = np. pbx.example.com lub 192.168.1.10
conn-field-port = Port
conn-field-username = Użytkownik AMI
conn-hint-username = np. callprofiles
conn-field-extension = Twój numer wewnętrzny
conn-hint-extension = np. 201
conn-field-secret = Hasło AMI
conn-secret-keep = pozostaw puste, aby zachować zapisane hasło
conn-secret-stored = Wpisane tu hasło zostanie zapisane w pliku { $file } w folderze callprofiles; tylko Ty możesz je odczytać. Nigdy nie jest wyświetlane ani zapisywane w logach.
conn-secret-env = Pobierane ze zmiennej środowiskowej { $variable }.
conn-missing-host = Wpisz nazwę lub adres IP serwera Asterisk.
conn-invalid-host = Podaj nazwę hosta (litery, cyfry, kropki i myślniki) lub adres IP, bez portu.
conn-invalid-port = Port to liczba od 1 do 65535 (domyślny port Asteriska to 5038).
conn-missing-username = Wpisz nazwę użytkownika AMI (użytkownika z manager.conf).
conn-invalid-username = Nazwa użytkownika nie może zawierać spacji ani znaków nowego wiersza i może mieć najwyżej { $max } znaków.
conn-missing-extension = Wpisz swój numer wewnętrzny.
conn-invalid-extension = Numer wewnętrzny ma od { $min } do { $max } cyfr.
conn-missing-secret = Wpisz hasło AMI.
conn-invalid-secret = Hasło nie może zawierać znaków nowego wiersza ani znaków sterujących i może mieć najwyżej { $max } bajtów.
button-conn-test = Sprawdź i połącz
button-close = Zamknij
conn-connecting = Sprawdzanie połączenia z { $address }…
conn-switching = Przełączanie na system demonstracyjny…
conn-connected = Połączono z Asteriskiem pod adresem { $address }, numer wewnętrzny { $extension }. Połączenie zostało zapisane, a profile porównano z ustawieniami tego numeru.
conn-using-builtin = Przełączono na wbudowany demonstracyjny system telefoniczny.
conn-failed-kept = Nic nie zmieniono: używany system telefoniczny pozostaje bez zmian.
status-phone-asterisk-at = Asterisk { $address }, numer wewnętrzny { $extension }
status-connecting = Łączenie z { $address }…
status-reconnecting = Utracono połączenie: ponowne łączenie…
status-demo-ready = Gotowy
error-applied-unrecorded = Profil { $profile } jest już używany w systemie telefonicznym, ale callprofiles nie mógł tego zapisać: { $reason }
error-encode = Nie można zapisać { $path }: jego zawartości nie udało się zakodować ({ $detail }); niczego nie zapisano.
error-own-file = Nie można eksportować do { $path }: to jeden z plików samego callprofiles; wybierz inny plik.
error-not-a-file = Nie można użyć { $path }: to { $kind }, a nie zwykły plik; wybierz zwykły plik.
error-unknown-routing = „{ $input }” nie jest trybem mobilności: użyj desk_phone, forward:NUMER, twinning:NUMER lub telecommuter:NUMER.
error-routing-no-number = Domyślny telefon stacjonarny nie przyjmuje numeru.
error-unknown-playback = „{ $input }” nie jest sposobem odsłuchiwania wiadomości: użyj phone lub computer.
error-unknown-greeting = „{ $input }” nie jest powitaniem poczty głosowej: użyj default lub liczby od 1 do 9.
error-not-on-off = „{ $input }” dla { $key } nie jest wartością on ani off.
error-not-key-value = „{ $input }” nie jest ustawieniem: napisz KLUCZ=WARTOŚĆ, np. call_pickup=on.
error-routing-needs-number = System telefoniczny potrzebuje numeru dla trybu { $mode }: napisz routing={ $mode }:NUMER.
error-unknown-key = „{ $key }” nie jest ustawieniem: użyj call_pickup, routing, voicemail, voicemail.ringback, voicemail.notification, voicemail.playback lub voicemail.greeting.

## Wiersz poleceń (callprofiles list, status, …)
cli-on = wł.
cli-off = wył.
cli-summary = { $routing }; poczta głosowa { $voicemail ->
    [on] włączona
   *[off] wyłączona
}; przejmowanie połączeń { $pickup ->
    [on] włączone
   *[off] wyłączone
}
cli-routing-desk-phone = dzwoni telefon stacjonarny
cli-routing-forward = przekierowanie połączeń na { $number }
cli-routing-twinning = dzwonią jednocześnie telefon stacjonarny i { $number }
cli-routing-telecommuter = telepraca pod numerem { $number }
cli-routing-forward-unset = przekierowanie połączeń (numer jeszcze nieustawiony)
cli-routing-twinning-unset = dzwonią jednocześnie telefon stacjonarny i komórkowy (numer jeszcze nieustawiony)
cli-routing-telecommuter-unset = telepraca (numer jeszcze nieustawiony)
cli-label-call-pickup = Przejmowanie połączeń
cli-label-routing = Mobilność
cli-label-voicemail = Poczta głosowa
cli-label-ringback = Oddzwanianie poczty
cli-label-notification = Powiadamianie o poczcie
cli-label-playback = Odsłuchiwanie wiadomości
cli-label-greeting = Powitanie
cli-playback-phone = na telefonie
cli-playback-computer = na komputerze
cli-greeting-default = powitanie systemowe
cli-greeting-recorded = nagrane powitanie { $number }
cli-kind-builtin = wbudowany
cli-kind-custom = własny
cli-phone-demo = System telefoniczny: wbudowany system demonstracyjny (bez centrali PBX): ustawienia są zapisywane tylko na tym komputerze, więc żaden prawdziwy telefon się nie zmienia.
cli-phone-asterisk = System telefoniczny: Asterisk pod adresem { $address }, numer wewnętrzny { $extension } (użytkownik AMI { $user }).
cli-phone-other = System telefoniczny: { $summary }.
cli-live-settings = Bieżące ustawienia:
cli-list-heading = Profile (* = aktywny):
cli-list-detected = Wykryte: ustawienia systemu telefonicznego nie odpowiadają żadnemu zapisanemu profilowi; zachowaj je poleceniem: callprofiles save-detected NAZWA
cli-warn-active-unknown = Nie można ustalić, który profil jest aktywny: { $reason }
cli-warn-active-unknown-one = Nie można ustalić, czy ten profil jest aktywny: { $reason }
cli-show-heading = { $name } (profil { $kind ->
    [builtin] wbudowany
   *[custom] własny
}, id { $id }{ $active ->
    [yes] , aktywny teraz
   *[no] {""}
})
cli-show-change = Zmień go poleceniem: callprofiles set { $id } KLUCZ=WARTOŚĆ...
cli-status-active = Aktywny profil: { $name }
cli-status-detected = Aktywny profil: Wykryte (ustawienia systemu telefonicznego nie odpowiadają żadnemu zapisanemu profilowi)
cli-status-nearest = Najbliższy zapisany profil: { $name } (różni się: { $keys })
cli-status-keep = Zachowaj te ustawienia poleceniem: callprofiles save-detected NAZWA
cli-status-do-not-disturb = Tryb „nie przeszkadzać” jest włączony (ustawiony na telefonie): dzwoniący słyszą sygnał zajętości niezależnie od profilu.
cli-status-voicemail = Poczta głosowa: { $count ->
    [0] brak nowych wiadomości
    [one] 1 nowa wiadomość
    [few] { $count } nowe wiadomości
   *[many] { $count } nowych wiadomości
}.
cli-activated = Aktywowano „{ $name }”: { $summary }.
cli-call-placed = Twój telefon telepracownika ({ $remote }) teraz dzwoni: odbierz, aby połączyć się z numerem { $target }, który zobaczy połączenie z Twojego numeru wewnętrznego.
cli-voicemail-count = Poczta głosowa: nowe { $new }, odsłuchane { $old }.
cli-voicemail-line = { $id }  { $state }  { $time }  { $seconds } s  { $caller }
cli-voicemail-state-new = nowa
cli-voicemail-state-old = odsłuchana
cli-voicemail-unknown-caller = nieznany rozmówca
cli-voicemail-playing = Twój telefon dzwoni: odbierz, aby odsłuchać wiadomość { $id }.
cli-voicemail-heard = Wiadomość { $id } oznaczono jako odsłuchaną.
cli-voicemail-deleted = Wiadomość { $id } została usunięta.
cli-voicemail-recording = Twój telefon dzwoni: odbierz, po sygnale nagraj powitanie { $slot }, potem się rozłącz.
cli-voicemail-greetings = Nagrane powitania: { $slots }. Gdy profil wybiera inne, dzwoniący słyszą Powitanie systemowe.
cli-voicemail-greetings-none = Żadne powitanie nie jest nagrane: dzwoniący słyszą Powitanie systemowe.
cli-show-greeting-unrecorded = Uwaga: powitanie { $slot } nie jest nagrane, więc dzwoniący usłyszą Powitanie systemowe. Nagraj je za pomocą telefonu albo wybierz inne.
cli-created = Utworzono profil „{ $name }” (id { $id }) z { $origin }; użyto { $used } z { $max } profili własnych.
cli-origin-from = ustawieniami profilu „{ $name }”
cli-origin-default = domyślnymi ustawieniami profilu Biurowy
cli-renamed = Zmieniono nazwę „{ $old }” na „{ $new }”.
cli-deleted = Usunięto profil „{ $name }”.
cli-set-saved = Zapisano profil „{ $name }”: { $summary }.
cli-set-hint = System telefoniczny zmieni się, gdy go aktywujesz: callprofiles activate { $id }
cli-saved-detected-new = Zapisano wykryte ustawienia jako nowy profil „{ $name }”; jest on teraz aktywny.
cli-saved-detected-into = Zapisano wykryte ustawienia w profilu „{ $name }”; jest on teraz aktywny.
cli-pbx-changed-profile = Zmieniono system telefoniczny. Ustawienia odpowiadają profilowi „{ $name }”.
cli-pbx-changed-detected = Zmieniono system telefoniczny. Ustawienia nie odpowiadają żadnemu zapisanemu profilowi: Wykryte.
cli-exported = Wyeksportowano { $count ->
    [one] 1 profil
    [few] { $count } profile
   *[many] { $count } profili
} do { $path }.
cli-imported = Zaimportowano { $builtin ->
    [one] 1 profil wbudowany
    [few] { $builtin } profile wbudowane
   *[many] { $builtin } profili wbudowanych
} i { $custom ->
    [one] 1 profil własny
    [few] { $custom } profile własne
   *[many] { $custom } profili własnych
}{ $reset ->
    [0] {""}
    [one] ; 1 profil wbudowany, którego brakowało w pliku, wrócił do ustawień domyślnych
    [few] ; { $reset } profile wbudowane, których brakowało w pliku, wróciły do ustawień domyślnych
   *[many] ; { $reset } profili wbudowanych, których brakowało w pliku, wróciło do ustawień domyślnych
}{ $replaced ->
    [0] .
    [one] ; 1 profil własny, który był wcześniej, został zastąpiony.
    [few] ; { $replaced } profile własne, które były wcześniej, zostały zastąpione.
   *[many] ; { $replaced } profili własnych, które były wcześniej, zostało zastąpionych.
}
cli-connect-builtin = Przełączono na wbudowany demonstracyjny system telefoniczny (bez centrali PBX).
cli-connect-asterisk = Połączono z Asteriskiem pod adresem { $address } jako { $user }; zapisano w { $path }.
cli-connect-live = Bieżące ustawienia numeru wewnętrznego:
cli-error-secret-file = Nie można użyć pliku z hasłem { $path }: { $reason }.
cli-error-output = Nie można wypisać wyniku: { $reason }.
button-call = 📞 Zadzwoń…
tooltip-call = Zadzwoń jako telepracownik: najpierw dzwoni Twój telefon telepracownika ({ $remote }), potem callprofiles łączy Cię z numerem, pokazując Twój numer wewnętrzny.
dialog-call-title = Zadzwoń jako telepracownik
dialog-call-text = Najpierw zadzwoni Twój telefon telepracownika ({ $remote }). Odbierz go, a system telefoniczny połączy Cię z tym numerem, pokazując jako dzwoniącego Twój numer wewnętrzny.
field-call-number = Numer do wybrania
hint-call-number = np. +48 22 123 45 67
button-call-confirm = Zadzwoń
status-calling = Nawiązywanie połączenia z { $number }…
done-call-placed = Twój telefon telepracownika ({ $remote }) teraz dzwoni: odbierz, aby połączyć się z { $target }.
call-answered = Odebrano: system telefoniczny łączy Cię teraz z { $target }, pokazując Twój numer wewnętrzny.
call-not-answered = Twój telefon telepracownika ({ $remote }) nie został odebrany, więc nie połączono z { $target }.
call-busy = Twój telefon telepracownika ({ $remote }) był zajęty, więc nie połączono z { $target }.
call-failed = Nie udało się zadzwonić na Twój telefon telepracownika ({ $remote }), więc nie połączono z { $target }: sprawdź numer telepracownika.
call-unknown = System telefoniczny nie podał, czy odebrano; jeśli Twój telefon telepracownika dzwoni, odbierz go, aby połączyć się z { $target }.
status-do-not-disturb = Tryb „nie przeszkadzać” jest włączony (ustawiony na telefonie)
status-new-voicemail = ✉ { $count ->
    [one] 1 nowa wiadomość głosowa
    [few] { $count } nowe wiadomości głosowe
   *[many] { $count } nowych wiadomości głosowych
}
notice-new-voicemail = Nowa poczta głosowa: { $count ->
    [one] w skrzynce czeka 1 wiadomość
    [few] w skrzynce czekają { $count } wiadomości
   *[many] w skrzynce czeka { $count } wiadomości
}.

## callprofiles server (core/src/remote/)
error-server-not-https = „{ $url }” nie jest adresem https://: callprofiles łączy się ze swoim serwerem tylko przez HTTPS.
error-server-bad-url = „{ $url }” nie jest adresem serwera (np. https://pbx.example.com:8443).
error-server-bad-fingerprint = „{ $text }” nie jest odciskiem SHA-256 (32 pary szesnastkowe jak AB:CD:…, tak jak wypisał je serwer).
error-server-fingerprint-mismatch = Certyfikat serwera ma odcisk { $found }, a nie oczekiwany { $expected }: połączenie odrzucono (zapytaj administratora).
error-server-untrusted = Certyfikat serwera (odcisk { $found }) nie jest podpisany przez znany urząd: podaj jego odcisk w --fingerprint.
error-server-unreachable = Nie można połączyć się z serwerem callprofiles pod adresem { $url }: { $reason }.
error-server-code-refused = Serwer odrzucił kod rejestracji dla numeru wewnętrznego { $extension }: jest błędny, już użyty lub wygasł (poproś o nowy).
error-server-unauthorized = Serwer nie akceptuje już tego komputera (wylogowany lub odwołany): połącz się ponownie z nowym kodem.
error-server-rate-limited = Serwer na razie odrzuca kolejne próby: spróbuj ponownie za { $seconds } s.
error-server-pbx-unreachable = Serwer nie może połączyć się z systemem telefonicznym (centrala PBX nieosiągalna); ponawia próby.
error-server-pbx = System telefoniczny odrzucił zmianę: { $reason }
error-server-refused = Serwer odmówił: { $reason }
error-server-not-found = Serwer tego nie zna: { $reason }
error-server-too-large = Wiadomość jest większa niż { $limit } KiB, które może przenieść wymiana z serwerem.
error-server-bad-answer = Serwer dał odpowiedź, której callprofiles nie rozumie (HTTP { $status }): { $reason }.
error-server-failed = Błąd serwera (HTTP { $status }): { $reason }
error-server-not-signed-in = Ten komputer nie jest zalogowany do serwera callprofiles: uruchom callprofiles connect server z kodem.
error-server-token-file = Nie można użyć pliku tokenu urządzenia { $path }: { $reason }.
error-server-token-open = Plik tokenu urządzenia { $path } mogą czytać inni (tryb { $mode }): wykonaj na nim chmod 600.
reach-unknown-host = jego nazwy nie da się rozwiązać
reach-refused = połączenie zostało odrzucone
reach-timed-out = nie odpowiedział na czas
reach-tls = bezpieczne połączenie nie powiodło się ({ $reason })
status-phone-server = Serwer { $url }, numer wewnętrzny { $extension }
cli-phone-server = System telefoniczny: przez serwer callprofiles { $url }, numer wewnętrzny { $extension }.
cli-connect-server = Połączono z serwerem callprofiles { $url } jako numer wewnętrzny { $extension }; token tego komputera jest w { $path } (tylko do twojego odczytu).
cli-connect-uploaded = Serwer nie miał jeszcze twoich profili: wysłano profile z tego komputera.
cli-connect-server-kept = Używane są twoje profile z serwera; wcześniejsze profile tego komputera zachowano jako kopię w { $path }.
cli-connect-server-kept-nothing = Używane są twoje profile z serwera.
cli-disconnect-revoked = Wylogowano z serwera callprofiles (token tego komputera odwołano); teraz używany jest wbudowany demonstracyjny system telefoniczny.
cli-disconnect-forgotten = Wylogowano tutaj, ale nie udało się powiadomić serwera: poproś administratora o odwołanie tego komputera (callprofiles-server user revoke). Teraz używany jest wbudowany demonstracyjny system telefoniczny.
cli-disconnect-not-connected = Ten komputer nie jest połączony z serwerem callprofiles; nie ma się z czego wylogować.
conn-choice-server = Serwer callprofiles (bez hasła do centrali na tym komputerze)
conn-in-use-server = Teraz używany: serwer callprofiles { $url }, numer wewnętrzny { $extension }.
conn-server-explain = Administrator uruchamia callprofiles-server obok systemu telefonicznego i daje ci jednorazowy kod (callprofiles-server user add) oraz odcisk certyfikatu serwera.
conn-server-field-url = Adres serwera
conn-server-field-code = Jednorazowy kod
conn-server-field-fingerprint = Odcisk certyfikatu (SHA-256)
conn-server-need-url = Wpisz adres serwera (https://…).
conn-server-need-extension = Wpisz swój numer wewnętrzny.
conn-server-need-code = Wpisz jednorazowy kod od administratora.
button-conn-server = Połącz
button-conn-sign-out = Wyloguj
conn-server-sign-out-explain = Odwołuje dostęp tego komputera do { $url } i przełącza na wbudowany system demonstracyjny.
conn-server-connected = Połączono z serwerem callprofiles { $url }, numer wewnętrzny { $extension }.
## Added for a careful user (issue 16)
explain-desk-phone = Połączenia dzwonią na Twoim telefonie stacjonarnym.
explain-forward = Połączenia przychodzące są przekierowywane na numer zewnętrzny; telefon stacjonarny nie dzwoni. Nieodebrane tam połączenie trafia do Twojej poczty głosowej, gdy jest włączona.
explain-twinning = Połączenia przychodzące dzwonią zarówno na telefonie stacjonarnym, jak i na innym numerze.
explain-telecommuter = Pracujesz przy innym telefonie (np. w domu): połączenia dzwonią na nim, a połączenia wykonywane z callprofiles najpierw dzwonią na niego.
hint-voicemail-off = Poczta głosowa jest wyłączona: poniższe ustawienia działają tylko wtedy, gdy jest włączona (są zachowane).
button-save-activate = Zapisz i aktywuj
tooltip-save-activate = Zapisz pokazane zmiany, a potem zastosuj je w systemie telefonicznym.
dialog-unsaved-activate = Aktywacja stosuje zapisane ustawienia: zapisz zmiany, aby je zastosować, albo je odrzuć, aby zastosować zapisane.
button-undo = Cofnij
done-reverted = Niezapisane zmiany w profilu { $profile } zostały odrzucone.
notice-changed-outside-profile = Ustawienia Twojego telefonu zmieniono poza tym oknem: aktywny jest teraz profil { $profile }.
notice-changed-outside-detected = Ustawienia Twojego telefonu zmieniono poza tym oknem: nie odpowiadają teraz żadnemu z Twoich profili (Wykryte).
status-profiles-unreadable = Nie można odczytać profili
conn-cancelled = Anulowano: niczego nie zapisano, używany system telefoniczny pozostaje bez zmian.
conn-ami-explain = callprofiles łączy się z Asteriskiem lub FreePBX przez AMI (Asterisk Manager Interface). Administrator centrali tworzy dla niego użytkownika AMI w manager.conf (FreePBX: manager_custom.conf) z uprawnieniami write = system,call i podaje Ci jego nazwę oraz hasło (secret). Zobacz rozdział „Asterisk and FreePBX” w pliku README callprofiles.
value-on = wł.
value-off = wył.
compare-heading = Teraz w systemie telefonicznym, obok najbliższego zapisanego profilu { $profile }:
compare-differs = ({ $profile }: { $value })
compare-same = (tak samo w profilu { $profile })
detected-banner = Ustawienia Twojego telefonu nie odpowiadają żadnemu z Twoich profili: zmieniono je gdzie indziej (Wykryte).
detected-banner-nearest = Ustawienia Twojego telefonu nie odpowiadają żadnemu z Twoich profili (Wykryte): najbliższy jest profil { $profile }, różnice: { $settings }.
button-show-detected = Pokaż je…
dialog-delete-active = Profil { $profile } jest teraz aktywny. Usunięcie go nie zmienia systemu telefonicznego: zachowa on te ustawienia, które będą potem widoczne jako inny profil albo jako Wykryte.
file-exists = Plik o tej nazwie już istnieje: eksport go zastąpi.
button-replace-confirm = Zastąp
dialog-import-file = Plik: { $path }
dialog-import-reading = Odczytywanie i sprawdzanie pliku…
dialog-import-holds = { $count ->
    [one] 1 profil: { $names }
    [few] { $count } profile: { $names }
    [many] { $count } profili: { $names }
   *[other] { $count } profilu: { $names }
}
dialog-import-damaged = Import zastąpi uszkodzony plik profili, który najpierw zostanie odsunięty na bok i zachowany obok.
button-import-damaged = Importuj profile z pliku…
quick-done = ✔ Profil { $profile } jest teraz aktywny.
quick-cannot = Nie można aktywować: { $reason }
quick-detected-open = Naciśnij D lub kliknij, aby zobaczyć je w głównym oknie i zachować.
## Przebieg połączenia (rysunek obok ustawień profilu i `show NAZWA --flow`)
flow-heading = Co dzieje się z połączeniem
flow-heading-profile = Co dzieje się z połączeniem w profilu { $profile }
flow-heading-saved = Zapisany profil { $profile }
flow-heading-live = Teraz, w systemie telefonicznym
flow-differs-note = ≠ oznacza to, co system telefoniczny robi inaczej niż profil { $profile }.
flow-stage-incoming = Przychodzi połączenie
flow-stage-unanswered = Brak odpowiedzi
flow-stage-new-message = Po nowej wiadomości
flow-ring-desk = Dzwoni Twój telefon stacjonarny
flow-ring-together = Dzwonią jednocześnie Twój telefon stacjonarny i { $number }
flow-ring-telecommuter = Dzwoni Twój numer telepracownika { $number }
flow-no-number = (brak numeru)
flow-ring-seconds = przez { $seconds ->
    [one] 1 sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
}
flow-ring-default = przez domyślny czas dzwonienia systemu telefonicznego
flow-ring-unknown = przez czas dzwonienia, którego system telefoniczny nie podaje
flow-forward = Połączenie jest przekierowane na { $number }
flow-forward-ring-detail = Twój telefon stacjonarny nie dzwoni; dzwoni tamten numer { $ring }
flow-forward-detail = od razu: Twój telefon stacjonarny nie dzwoni
flow-pickup-allowed = Współpracownicy mogą przejąć połączenie
flow-pickup-allowed-detail = mogą je odebrać, gdy dzwoni
flow-pickup-refused = Współpracownicy nie mogą przejąć połączenia
flow-pickup-refused-detail = przejmowanie połączeń jest wyłączone
flow-pickup-forwarded = Bez przejmowania połączeń
flow-pickup-forwarded-detail = nic tu nie dzwoni, więc nie ma czego przejąć
flow-voicemail = Odbiera poczta głosowa
flow-voicemail-detail = dzwoniący słyszy { $greeting } i może zostawić wiadomość
flow-greeting-default = Powitanie systemowe
flow-greeting-recorded = Twoje nagrane powitanie { $number }
flow-call-ends = Połączenie się kończy
flow-call-ends-detail = poczta głosowa jest wyłączona, więc nie można zostawić wiadomości
flow-forwarded-decides = Twoja poczta głosowa nie jest używana
flow-forwarded-decides-detail = poczta głosowa jest wyłączona: jeśli tam nikt nie odbierze, połączenie odbiera poczta głosowa tamtego telefonu (jeśli jest)
flow-notification = Dostajesz powiadomienie
flow-ringback = System telefoniczny oddzwania
flow-ringback-phone-detail = na Twój telefon stacjonarny, gdy będzie wolny; po odebraniu odtwarza wiadomości
flow-ringback-computer-detail = na Twój telefon stacjonarny, gdy będzie wolny; mówi, ile wiadomości czeka
flow-message-waits = Wiadomość czeka w Twojej skrzynce
flow-listen-phone = odsłuchaj ją za pomocą telefonu
flow-listen-computer = odsłuchaj ją za pomocą komputera
flow-message-waits-detail = bez powiadomienia i oddzwaniania; { $listen }

## auto-window: automatic switching in the window (rules editor, precedence, Next:, until, history)
weekday-mon = poniedziałek
weekday-tue = wtorek
weekday-wed = środa
weekday-thu = czwartek
weekday-fri = piątek
weekday-sat = sobota
weekday-sun = niedziela
weekday-short-mon = Pn
weekday-short-tue = Wt
weekday-short-wed = Śr
weekday-short-thu = Cz
weekday-short-fri = Pt
weekday-short-sat = So
weekday-short-sun = Nd
sidebar-automation = Automatyczne przełączanie
sidebar-rules = Reguły
sidebar-rules-detail = harmonogram, sieci, odejście
sidebar-history = Historia
sidebar-history-detail = kiedy, co i dlaczego
rules-title = Automatyczne przełączanie
rules-choose-profile = Wybierz profil
rules-profile-missing = (usunięty profil)
rules-windows-heading = Harmonogram tygodniowy
rules-windows-empty = Brak przedziałów czasu: przez cały tydzień obowiązuje profil „w pozostałym czasie”.
rules-window-day = Przedział { $number }: { $day }
rules-window-start = Przedział { $number }: od
rules-window-end = Przedział { $number }: do
rules-window-profile = Przedział { $number }: profil
rules-window-remove = Usuń przedział { $number }
rules-add-window = + Dodaj przedział czasu
rules-otherwise = W pozostałym czasie:
rules-otherwise-none = bez automatycznej zmiany
rules-time-zone = Strefa czasowa:
rules-time-zone-hint = np. Europe/Warsaw
rules-exceptions-heading = Wyjątki (święta, dni wolne)
rules-exceptions-empty = Brak wyjątków.
rules-exception-first = Wyjątek { $number }: pierwszy dzień
rules-exception-last = Wyjątek { $number }: ostatni dzień
rules-exception-profile = Wyjątek { $number }: profil
rules-exception-remove = Usuń wyjątek { $number }
rules-add-exception = + Dodaj wyjątek
rules-networks-heading = Sieci
rules-networks-empty = Brak sieci. Zapamiętaj sieć, w której jest teraz ten komputer, aby używać w niej wybranego profilu.
rules-network-label = Sieć { $number }: nazwa
rules-network-profile = Sieć { $number }: profil
rules-network-remove = Usuń sieć { $number }
rules-learn-network = Zapamiętaj tę sieć
rules-learn-network-tooltip = Zapamiętaj sieć, w której jest teraz ten komputer (jej bramę, nazwę Wi-Fi lub podsieć)
rules-away-heading = Odejście od komputera
rules-away-enabled = Gdy odchodzę od komputera, użyj:
rules-away-lock = gdy ekran się zablokuje
rules-away-sleep = gdy komputer przejdzie w uśpienie
rules-away-hint = Po powrocie profil wraca do tego, co mówią pozostałe reguły.
rules-autostart-hint = Bez serwera callprofiles reguły działają tylko wtedy, gdy aplikacja jest uruchomiona.
rules-autostart-heading = Uruchamianie po zalogowaniu
rules-learn-none = Nie wykryto jeszcze żadnej sieci: podłącz komputer do sieci, poczekaj chwilę i spróbuj ponownie.
rules-learn-known = Ta sieć jest już w regułach (sieć { $number }).
rules-save = Zapisz reguły
rules-cancel = Anuluj zmiany
rules-unsaved = Niezapisane zmiany
rules-saved = Reguły zostały zapisane.
rules-precedence-heading = Która reguła decyduje
rules-precedence = Najpierw profil wybrany przez Ciebie (także „do”), potem odejście od komputera, potem sieć, potem harmonogram tygodniowy z wyjątkami; „w pozostałym czasie” obejmuje resztę. Profil wybrany ręcznie obowiązuje do najbliższej zmiany w harmonogramie.
rules-disabled-note = Ta reguła wskazuje profil, który już nie istnieje, więc jest wyłączona: wybierz inny profil.
problem-time = Wpisz godzinę jako GG:MM, np. 08:00.
problem-date = Wpisz datę jako RRRR-MM-DD, np. 2026-12-24.
problem-no-days = Wybierz co najmniej jeden dzień.
problem-no-profile = Wybierz profil.
problem-time-zone = „{ $zone }” nie jest strefą czasową znaną temu komputerowi (np. Europe/Warsaw).
problem-network-label = Nadaj sieci nazwę.
when-today = o { $time }
when-tomorrow = jutro o { $time }
when-weekday = { $day } o { $time }
when-date = { $date } o { $time }
weekday-on-mon = w poniedziałek
weekday-on-tue = we wtorek
weekday-on-wed = w środę
weekday-on-thu = w czwartek
weekday-on-fri = w piątek
weekday-on-sat = w sobotę
weekday-on-sun = w niedzielę
until-button = ⏱ Na jakiś czas…
until-button-tooltip = Włącz ten profil na jakiś czas, a potem wróć do harmonogramu albo do poprzedniego profilu
until-hours = na { $hours ->
    [one] 1 godzinę
    [few] { $hours } godziny
   *[other] { $hours } godzin
}
until-time = do { $time }
until-time-label = do (GG:MM):
until-time-go = Włącz
until-tomorrow-morning = do jutra rana
until-then = Potem:
until-then-schedule = harmonogram
until-then-previous = poprzedni profil
until-quick-label = Na jak długo:
until-changed = dopóki go nie zmienię
history-title = Historia automatycznego przełączania
history-empty = Nic jeszcze nie przełączyło się automatycznie.
history-when = Kiedy
history-what = Co
history-why = Dlaczego
until-save-first = Najpierw zapisz lub cofnij zmiany: „do” włącza zapisany profil.
days-every = codziennie
reason-manual = Twój wybór
reason-until = Twój wybór, do { $time }
reason-locked = ekran zablokowany
reason-asleep = komputer uśpiony
reason-network = sieć „{ $label }”
reason-exception = wyjątek { $dates }
reason-schedule = harmonogram
why-manual = wybrany przez Ciebie; obowiązuje, dopóki pozostałe reguły nie zmienią decyzji.
why-until = wybrany przez Ciebie { $when }.
why-away = komputer jest pozostawiony ({ $how }).
why-network = komputer jest w sieci { $number }, „{ $label }”.
why-exception = wyjątek { $number } ({ $dates }).
why-schedule = harmonogram tygodniowy, przedział { $number } ({ $window }).
why-otherwise = żaden przedział harmonogramu nie obowiązuje, więc „w pozostałym czasie”.
now-line = Teraz: { $profile }, bo { $why }
now-none = Teraz: żadna reguła nie obowiązuje, więc profil pozostaje bez zmian.
next-line = Dalej: { $profile } { $when }, { $why }
next-none = Dalej: nic nie zmieni się samo.
hold-manual = { $profile }, Twój wybór, do najbliższej zmiany reguł
hold-until = { $profile } { $when }, potem { $then }
hold-then-schedule = harmonogram
hold-then-previous = { $profile }
resume-schedule = Wróć do harmonogramu
resume-schedule-tooltip = Zakończ teraz swój wybór i użyj tego, co mówią reguły
rules-network-gateway = router { $mac }
rules-network-wifi = Wi-Fi „{ $name }”
rules-network-subnet = podsieć { $subnet }
until-when-today = do { $time }
until-when-tomorrow = do jutra, { $time }
until-when-day = do { $day } { $time }
until-when-date = do { $date } { $time }

## auto-desktop: the network, leaving the computer, notifications, autostart
network-offline = Brak sieci: ten komputer nie ma trasy domyślnej.
network-interface = Interfejs sieciowy: { $interface }
network-gateway = Brama domyślna (adres MAC): { $mac }
network-ssid = Wi-Fi: { $ssid }
network-addresses = Adresy: { $addresses }
network-unknown = nieznane
network-no-wifi = brak
autostart-comment = Utrzymuje działanie reguł Twoich profili połączeń
autostart-setting = Uruchamiaj callprofiles po zalogowaniu (w tle, z ikoną w zasobniku)
autostart-now-on = callprofiles uruchomi się po zalogowaniu, w tle, z ikoną w zasobniku ({ $file }).
autostart-now-off = callprofiles nie będzie już uruchamiany po zalogowaniu.
autostart-is-on = callprofiles uruchamia się po zalogowaniu ({ $file }).
autostart-is-off = callprofiles nie uruchamia się po zalogowaniu.
autostart-error-no-config = Nie wiadomo, gdzie jest Twój folder konfiguracji: ustaw HOME lub XDG_CONFIG_HOME.
autostart-error-path = Ścieżka { $path } zawiera znak końca wiersza, którego wpis logowania nie może zawierać.
autostart-error-io = Nie udało się zmienić { $file }: { $reason }
notify-switched = Przełączono na { $profile } ({ $reason })
notify-switched-from = Wcześniej: { $profile }.
notify-switched-from-detected = Wcześniej: Wykryte.
tray-until = Na jakiś czas…
tray-for-1-hour = Na 1 godzinę
tray-for-2-hours = Na 2 godziny
tray-until-end-of-day = Do końca dnia pracy
tray-until-tomorrow = Do jutra rana
tray-quit = Zakończ
## auto-core: automatic switching (rules, until, history; core errors and the command line)
auto-day-mon = poniedziałek
auto-day-tue = wtorek
auto-day-wed = środa
auto-day-thu = czwartek
auto-day-fri = piątek
auto-day-sat = sobota
auto-day-sun = niedziela
auto-reason-manual = twój wybór
auto-reason-until-schedule = do { $time }, potem harmonogram
auto-reason-until-previous = do { $time }, potem poprzedni profil
auto-reason-locked = ekran zablokowany
auto-reason-asleep = komputer uśpiony
auto-reason-network = sieć { $number } „{ $label }”
auto-reason-exception = wyjątek { $number }, { $dates }
auto-reason-schedule = harmonogram, przedział { $number }
auto-reason-otherwise = w pozostałym czasie
auto-when-today = o { $time }
auto-when-tomorrow = jutro o { $time }
auto-when-date = { $date } o { $time }
auto-next = Następnie: { $profile } { $when } ({ $reason }).
auto-next-none = Nic nie zmieni się samo.
cli-activated-until = Aktywowano „{ $name }” ({ $reason }).
cli-auto-switched = Przełączono na { $profile } ({ $reason }).
cli-auto-now = Teraz: { $profile } ({ $reason }).
cli-auto-now-none = Teraz: żadna reguła nie obowiązuje; profil pozostaje bez zmian.
cli-rules-saved = Reguły zapisane.
cli-resumed = Twój wybór się zakończył: znów decydują reguły.
cli-rules-zone = Strefa czasowa: { $zone }
cli-rules-weekly = Harmonogram tygodniowy:
cli-rules-exceptions = Wyjątki:
cli-rules-networks = Sieci:
cli-rules-none = (brak)
cli-rules-disabled = { $profile } (wyłączona: ten profil już nie istnieje)
cli-rules-away-both = Odejście od komputera (blokada ekranu lub uśpienie): { $profile }
cli-rules-away-lock = Odejście od komputera (blokada ekranu): { $profile }
cli-rules-away-sleep = Odejście od komputera (uśpienie): { $profile }
cli-rules-away-off = Odejście od komputera: wyłączone
cli-rules-otherwise = W pozostałym czasie: { $profile }
cli-rules-otherwise-off = W pozostałym czasie: profil pozostaje bez zmian
cli-history-empty = Nie było jeszcze automatycznych przełączeń.
cli-history-line = { $when }  { $from } → { $to }  ({ $reason })
error-auto-bad-time = „{ $input }” to nie jest godzina: wpisz ją jako GG:MM, na przykład 08:00 (24:00 kończy dzień).
error-auto-bad-days = „{ $input }” to nie są dni tygodnia: wpisz na przykład mon-fri, sat,sun lub daily.
error-auto-bad-date = „{ $input }” to nie jest data: wpisz ją jako RRRR-MM-DD, na przykład 2026-12-24.
error-auto-bad-duration = „{ $input }” to nie jest czas trwania: wpisz na przykład 2h, 90m lub 1h 30m.
error-auto-bad-mac = „{ $input }” to nie jest adres MAC: wpisz sześć par cyfr szesnastkowych, na przykład aa:bb:cc:dd:ee:ff.
error-auto-bad-wifi = „{ $input }” to nie jest nazwa sieci Wi-Fi: musi mieć od 1 do 32 bajtów, bez znaków sterujących i niewidocznych.
error-auto-bad-subnet = „{ $input }” to nie jest podsieć: wpisz adres i długość prefiksu, na przykład 192.168.1.0/24.
error-auto-bad-label = „{ $input }” to nie jest nazwa sieci: musi mieć od 1 do 32 znaków, bez znaków sterujących i niewidocznych.
error-auto-unknown-zone = „{ $name }” to nie jest strefa czasowa: użyj nazwy takiej jak Europe/Warsaw.
error-auto-no-days = Przedział { $window } nie przypada na żaden dzień: wybierz co najmniej jeden dzień tygodnia.
error-auto-empty-window = Przedział { $window } zaczyna się i kończy o { $time }, więc byłby pusty: na cały dzień użyj 00:00–24:00.
error-auto-overlapping-windows = Przedziały { $first } ({ $first_text }) i { $second } ({ $second_text }) nakładają się (dzień: { $day }): zmień jeden z nich.
error-auto-exception-backwards = Wyjątek { $exception } kończy się { $to }, zanim się zaczyna ({ $from }).
error-auto-overlapping-exceptions = Wyjątki { $first } ({ $first_text }) i { $second } ({ $second_text }) obejmują ten sam dzień { $day }: zmień jeden z nich.
error-auto-duplicate-network = Sieci { $first } i { $second } rozpoznają tę samą sieć { $network }: usuń jedną z nich.
error-auto-too-many-windows = Harmonogram tygodniowy może mieć najwyżej { $limit } przedziałów.
error-auto-too-many-exceptions = Wyjątków może być najwyżej { $limit }.
error-auto-too-many-networks = Sieci może być najwyżej { $limit }.
error-auto-away-without-trigger = Odejście od komputera wymaga blokady ekranu, uśpienia lub obu.
error-auto-no-such-window = W harmonogramie tygodniowym nie ma przedziału numer { $number }.
error-auto-no-such-exception = Nie ma wyjątku numer { $number }.
error-auto-no-such-network = Nie ma sieci numer { $number }.
error-auto-until-passed = Godzina końca { $ends } już minęła: wybierz późniejszą.
error-auto-until-too-far = Godzina końca { $ends } jest za więcej niż rok: wybierz wcześniejszą.
error-auto-unknown-profile = Reguła wskazuje profil „{ $id }”, który nie istnieje.
error-auto-unavailable = Automatyczne przełączanie nie jest dostępne przy tym połączeniu z centralą.
history-switch = { $from } ➡ { $to }
history-switch-to = ➡ { $to }
problem-away-trigger = Zaznacz kiedy: gdy ekran się zablokuje, gdy komputer przejdzie w uśpienie, albo oba.
done-hold-cleared = Powrót do harmonogramu: znów decydują reguły.
rules-save-fix-first = Najpierw popraw wiersze oznaczone ✖ lub ⚠ (każdy mówi, co jest nie tak).
until-rules-change = do najbliższej zmiany reguł
problem-new-window = Wybierz dni, wpisz godziny od i do (GG:MM) i wybierz profil.
problem-new-exception = Wpisz pierwszy dzień (RRRR-MM-DD), ostatni, jeśli jest ich więcej, i wybierz profil.
rules-unsaved-close = Reguły mają niezapisane zmiany: zapisz je albo anuluj, a potem zamknij okno.
## vm-window: voicemail messages in the main window, the computer's player, greetings in the form
vm-heading = Poczta głosowa
vm-refresh = Odśwież
vm-refresh-tooltip = Odczytaj ponownie wiadomości i nagrane powitania
vm-summary = nowe: { $new }, odsłuchane: { $old }
vm-playback-phone-hint = Aktywny profil odsłuchuje wiadomości za pomocą telefonu: odsłuchanie wiadomości dzwoni na Twój telefon i odtwarza ją tam.
vm-playback-computer-hint = Aktywny profil odsłuchuje wiadomości za pomocą komputera: wiadomość zostanie odtworzona w głośnikach tego komputera.
vm-listing = Odczytywanie skrzynki…
vm-empty = Twoja skrzynka jest pusta.
vm-unknown-caller = Nieznany rozmówca
vm-unknown-time = nieznany czas
vm-today = dziś { $time }
vm-yesterday = wczoraj { $time }
vm-state-new = Nowa
vm-state-old = Odsłuchana
vm-message-spoken = { $state } wiadomość od: { $caller }, { $time }, { $length }
vm-play-phone = Odsłuchaj za pomocą telefonu
vm-play-computer = Odsłuchaj za pomocą komputera
vm-mark-heard = Oznacz jako odsłuchaną
vm-delete = Usuń
vm-deleted = Wiadomość od: { $caller } została usunięta.
vm-undo = Cofnij
vm-playing = odtwarzanie
vm-now-playing = Odtwarzanie: { $what }
vm-pause = Wstrzymaj
vm-resume = Wznów
vm-stop = Zatrzymaj
vm-seek = Przewiń nagranie (← →)
vm-position = Pozycja { $position }
vm-sidebar-entry = Wiadomości
vm-sidebar-none-new = brak nowych wiadomości
vm-sidebar-new = { $count ->
    [one] 1 nowa wiadomość
    [few] { $count } nowe wiadomości
   *[other] { $count } nowych wiadomości
}
vm-sidebar-open = Twoje wiadomości
vm-sidebar-tooltip = Twoje wiadomości poczty głosowej ({ $shortcut })
vm-phone-desk = Twój telefon stacjonarny
vm-phone-telecommuter = Twój telefon telepracownika ({ $number })
vm-phone-rings = Centrala dzwoni teraz na: { $phone }. Odbierz, aby odsłuchać wiadomość od: { $caller }.
vm-phone-records = Centrala dzwoni teraz na: { $phone }. Odbierz, po sygnale nagraj powitanie { $number } i odłóż słuchawkę.
vm-play-on-phone-instead = Możesz ją odsłuchać za pomocą telefonu.
vm-audio-not-wav = Dźwięk wiadomości nie jest plikiem WAV, który ta aplikacja umie odtworzyć.
vm-audio-too-large = Plik dźwiękowy jest za duży, aby go odtworzyć.
vm-audio-empty = Plik dźwiękowy nie zawiera dźwięku.
vm-no-sound-device = Nie udało się otworzyć urządzenia dźwiękowego na tym komputerze, więc nic nie zostanie tu odtworzone: odsłuchaj wiadomość za pomocą telefonu.
vm-greeting-recorded = nagrane
vm-greeting-not-recorded = nienagrane
vm-greeting-unrecorded-warning = Powitanie { $number } nie jest nagrane: dzwoniący usłyszą zamiast niego Powitanie systemowe. Nagraj je za pomocą telefonu, wgraj plik WAV albo wybierz inne powitanie.
vm-record-by-phone = Nagraj za pomocą telefonu
vm-record-by-phone-tooltip = Centrala zadzwoni do Ciebie; po sygnale nagraj powitanie { $number } i odłóż słuchawkę
vm-listen = Odsłuchaj
vm-listen-tooltip = Odtwórz powitanie { $number } na tym komputerze
vm-listen-unrecorded = To powitanie nie jest jeszcze nagrane.
vm-upload-wav = Wgraj WAV…
vm-upload-wav-tooltip = Wybierz plik WAV na tym komputerze, który stanie się powitaniem { $number }
vm-greeting-uploaded = Powitanie { $number } zostało wgrane.
file-upload-greeting-title = Wgraj powitanie { $number }
file-filter-wav = Dźwięk WAV
button-upload-confirm = Wgraj
dialog-unrecorded-title = Powitanie nie jest nagrane
dialog-unrecorded-text = Ten profil wybiera powitanie { $number }, które nie jest nagrane: dzwoniący usłyszą zamiast niego Powitanie systemowe. Aktywować mimo to?
button-activate-anyway = Aktywuj mimo to
quick-messages-tooltip = Otwórz wiadomości poczty głosowej w oknie głównym (M)

## vm-audio: voicemail audio on the computer (playing messages and greetings, uploading a greeting)
error-audio-needs-server = Odsłuchanie poczty głosowej za pomocą komputera wymaga serwera callprofiles-server (nagrania są w systemie telefonicznym): połącz się z nim albo odsłuchaj za pomocą telefonu.
error-audio-format = Nagranie jest zapisane jako { $format }, czego callprofiles nie odtworzy na komputerze: odsłuchaj je za pomocą telefonu.
error-audio-no-recording = System telefoniczny nie przechowuje nagrania tej wiadomości.
error-audio-greeting-not-recorded = Powitanie { $slot } nie jest nagrane.
error-audio-too-large = Nagranie jest większe niż { $limit } bajtów; callprofiles go nie odczyta.
error-audio-not-a-file = Plik nagrania to { $kind }, a nie zwykły plik; callprofiles go nie odczyta.
error-audio-unreadable = Nie można odczytać nagrania: { $reason }.
error-audio-invalid-wav = Dźwięk nie jest czytelnym plikiem WAV ({ $detail }).
error-audio-rate = Częstotliwości próbkowania pliku WAV ({ $rate } Hz) nie da się użyć: zapisz go z częstotliwością co najmniej 8000 Hz.
error-audio-empty = Plik WAV nie zawiera dźwięku.
error-audio-too-long = Powitanie jest dłuższe niż { $limit } s: skróć je.
error-audio-unwritable = Nie można zapisać powitania w skrzynce: { $reason }.
cli-voicemail-saved = Wiadomość { $id } została zapisana jako { $path }.
cli-voicemail-uploaded = Powitanie { $slot } to teraz przesłane nagranie.
audio-read-permission = callprofiles nie ma uprawnień, by je odczytać
## fix-window: closing with unsaved rules, the quick window's greeting check, audio on a direct Asterisk
dialog-unsaved-rules-too = Reguły też mają niezapisane zmiany: zostaną zachowane, a potem okno je pokaże, aby można je było zapisać albo anulować.
quick-unrecorded-greeting = Profil { $profile } używa powitania { $number }, które nie jest nagrane: dzwoniący usłyszą zamiast niego Powitanie systemowe. Naciśnij go jeszcze raz, aby mimo to go włączyć.
vm-computer-audio-unavailable = Nagrania są w systemie telefonicznym, z którym ten komputer łączy się bez callprofiles-server: odsłuchaj je za pomocą telefonu.
vm-greeting-audio-unavailable = Powitania są w systemie telefonicznym, z którym ten komputer łączy się bez callprofiles-server: nagraj je za pomocą telefonu albo połącz się przez callprofiles-server, aby je odsłuchać i przesłać.

## gsm: voicemail kept as GSM (.gsm) or WAV49 (.WAV) that cannot be decoded
error-audio-invalid-gsm = Nagrania nie da się odczytać jako dźwięku GSM: { $fault }.
gsm-fault-bad-mark = ramka { $frame } nie zaczyna się znacznikiem GSM
gsm-fault-not-riff = plik WAV49 nie jest plikiem RIFF WAVE
gsm-fault-not-gsm-wave = znacznik formatu pliku WAV to { $tag }, a nie GSM 6.10
gsm-fault-not-mono-8khz = plik WAV49 ma kanałów: { $channels } przy { $rate } Hz, a nie jeden kanał przy 8000 Hz
gsm-fault-no-format = plik WAV49 nie podaje swojego formatu
gsm-fault-no-data = plik WAV49 nie zawiera fragmentu z dźwiękiem
