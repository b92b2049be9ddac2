import IFlowCore

/// Every phrase of the web pages, in English and Romanian. Templates read them as `{{t.key}}`.
enum WebText {
    /// key → (English, Romanian). A phrase with `{name}` placeholders is filled in by `format`.
    static let phrases: [String: (en: String, ro: String)] = [
        "nav_timesheet": ("Timesheet", "Pontaj"),
        "nav_employees": ("Employees", "Angajați"),
        "nav_api_access": ("Settings → API access", "Setări → Acces API"),
        "nav_today": ("Today", "Azi"),
        "nav_devices": ("Settings → RFID devices", "Setări → Dispozitive RFID"),
        "language": ("Language", "Limba"),
        "sign_out": ("Sign out", "Ieșire"),
        "main_navigation": ("Main navigation", "Navigare principală"),

        "sign_in_title": ("Sign in", "Autentificare"),
        "sign_in_intro": ("Web administration of the time-and-attendance server.", "Administrarea serverului de pontaj."),
        "email": ("E-mail address", "Adresa de e-mail"),
        "password": ("Password", "Parola"),
        "sign_in_button": ("Sign in", "Intră în cont"),
        "sign_in_failed": ("The e-mail address or the password is wrong.", "Adresa de e-mail sau parola este greșită."),
        "sign_in_throttled": (
            "Too many failed attempts for this address. Try again in {minutes} minutes.",
            "Prea multe încercări eșuate pentru această adresă. Încercați din nou peste {minutes} minute."
        ),
        "signed_out": ("You have signed out.", "Ați ieșit din cont."),

        "form_expired_title": ("The form has expired", "Formularul a expirat"),
        "form_expired_text": (
            "The page was open too long or was sent from elsewhere. Go back, reload the page and try again.",
            "Pagina a stat deschisă prea mult sau a fost trimisă din altă parte. Reveniți, reîncărcați pagina și încercați din nou."
        ),
        "not_found_title": ("Page not found", "Pagina nu există"),
        "not_found_text": ("There is nothing at this address.", "La această adresă nu se află nimic."),
        "error_title": ("Something went wrong", "A apărut o eroare"),
        "error_text": ("The server could not complete the request. Try again later.", "Serverul nu a putut finaliza cererea. Încercați mai târziu."),
        "back_home": ("Back to the timesheet", "Înapoi la pontaj"),

        "api_access_title": ("API access", "Acces API"),
        "api_access_intro": (
            "API keys let payroll and HR programs call the iFlow API v2 for {company}. A key is shown only once, when it is generated; afterwards only its first characters are listed. Keys cannot be edited: revoke a key and generate a new one.",
            "Cheile API permit programelor de salarizare și resurse umane să apeleze API-ul iFlow v2 pentru {company}. O cheie se afișează o singură dată, la generare; apoi se listează doar primele ei caractere. Cheile nu pot fi modificate: revocați cheia și generați una nouă."
        ),
        "generate_heading": ("Generate a new key", "Generează o cheie nouă"),
        "label": ("Label", "Etichetă"),
        "label_hint": ("What the key is for, e.g. the payroll program", "La ce folosește cheia, de ex. programul de salarizare"),
        "generate_button": ("Generate key", "Generează cheia"),
        "label_required": ("Give the key a label.", "Dați o etichetă cheii."),
        "label_invalid": (
            "The label must be one line of at most 100 characters.", "Eticheta trebuie să fie un singur rând de cel mult 100 de caractere."
        ),
        "new_key_heading": ("New API key", "Cheie API nouă"),
        "new_key_warning": (
            "Copy this key now and store it safely. It will not be shown again: the server keeps only its hash.",
            "Copiați cheia acum și păstrați-o în siguranță. Nu va mai fi afișată: serverul păstrează doar amprenta ei."
        ),
        "copy": ("Copy", "Copiază"),
        "copied": ("Copied", "Copiată"),
        "keys_heading": ("Keys of {company}", "Cheile companiei {company}"),
        "col_label": ("Label", "Etichetă"),
        "col_key": ("Key", "Cheie"),
        "col_created": ("Created", "Creată"),
        "col_last_used": ("Last used", "Ultima folosire"),
        "col_status": ("Status", "Stare"),
        "col_actions": ("Actions", "Acțiuni"),
        "status_active": ("Active", "Activă"),
        "status_revoked": ("Revoked {date}", "Revocată {date}"),
        "never": ("never", "niciodată"),
        "revoke": ("Revoke…", "Revocă…"),
        "no_keys": ("No keys yet. Generate one above.", "Nicio cheie încă. Generați una mai sus."),
        "key_revoked": ("The key was revoked.", "Cheia a fost revocată."),
        "revoke_title": ("Revoke an API key", "Revocarea unei chei API"),
        "revoke_warning": (
            "Programs using this key are refused from their next request. This cannot be undone.",
            "Programele care folosesc această cheie sunt refuzate de la următoarea cerere. Operația nu poate fi anulată."
        ),
        "revoke_confirm": ("I understand: revoke this key", "Am înțeles: revocă această cheie"),
        "revoke_confirm_required": ("Tick the box to confirm.", "Bifați căsuța pentru a confirma."),
        "revoke_button": ("Revoke key", "Revocă cheia"),
        "cancel": ("Cancel", "Renunță"),

        "devices_title": ("RFID devices", "Dispozitive RFID"),
        "devices_intro": (
            "Badge terminals of {company} send their scans with an access token. The token is shown only once, when the device is registered; afterwards only its first digits are listed. A device cannot be edited: revoke it and register it again.",
            "Terminalele de pontaj ale companiei {company} trimit scanările cu un token de acces. Tokenul se afișează o singură dată, la înregistrare; apoi se listează doar primele lui cifre. Un dispozitiv nu poate fi modificat: revocați-l și înregistrați-l din nou."
        ),
        "register_device_heading": ("Register a device", "Înregistrează un dispozitiv"),
        "device_label_hint": ("Where the terminal hangs, e.g. Gate 1", "Unde este montat terminalul, de ex. Poarta 1"),
        "register_device_button": ("Register device", "Înregistrează dispozitivul"),
        "device_label_required": ("Give the device a label.", "Dați o etichetă dispozitivului."),
        "new_device_heading": ("New RFID device", "Dispozitiv RFID nou"),
        "new_device_hint": (
            "Enter this number in the terminal's settings as its access token (the serial iFlow terminals ask for).",
            "Introduceți acest număr în setările terminalului ca token de acces (seria pe care o cer terminalele iFlow)."
        ),
        "new_device_warning": (
            "Copy the token now. It will not be shown again: the server keeps only its hash.",
            "Copiați tokenul acum. Nu va mai fi afișat: serverul păstrează doar amprenta lui."
        ),
        "devices_heading": ("Devices of {company}", "Dispozitivele companiei {company}"),
        "col_token": ("Token", "Token"),
        "col_registered": ("Registered", "Înregistrat"),
        "col_last_seen": ("Last scan", "Ultima scanare"),
        "no_devices": ("No devices yet. Register one above.", "Niciun dispozitiv încă. Înregistrați unul mai sus."),
        "device_revoked": ("The device was revoked.", "Dispozitivul a fost revocat."),
        "device_revoke_title": ("Revoke an RFID device", "Revocarea unui dispozitiv RFID"),
        "device_revoke_warning": (
            "The terminal's scans are refused from its next one. Scans it already sent stay recorded. This cannot be undone.",
            "Scanările terminalului sunt refuzate începând cu următoarea. Scanările deja trimise rămân înregistrate. Operația nu poate fi anulată."
        ),
        "device_revoke_confirm": ("I understand: revoke this device", "Am înțeles: revocă acest dispozitiv"),
        "device_revoke_button": ("Revoke device", "Revocă dispozitivul"),

        "today_title": ("Today", "Azi"),
        "today_summary": ("Summary", "Rezumat"),
        "today_updated": ("updated at {time}, refreshes every minute", "actualizat la {time}, se reîmprospătează în fiecare minut"),
        "today_search_placeholder": ("Name or mark number", "Nume sau marcă"),
        // Corrections before closing and the audit page (issue 13).
        "corrections_heading": ("Corrections before closing", "Corecturi înainte de închidere"),
        "corrections_hint": (
            "The month's attendance exceptions: open a day to add or delete an entry, or change its plan or absence code, always with a reason.",
            "Excepțiile de prezență ale lunii: deschideți ziua pentru a adăuga sau șterge o înregistrare ori a schimba planul sau codul de absență, mereu cu un motiv."
        ),
        "corrections_audit_link": ("Who changed what this month", "Cine a modificat ce în această lună"),
        "col_exceptions": ("Exceptions", "Excepții"),
        "no_corrections": ("No attendance exceptions this month on this page.", "Nicio excepție de prezență în această lună pe această pagină."),
        "change_plan": ("Change the plan or absence code", "Schimbă planul sau codul de absență"),
        "plan_break": ("Break (minutes)", "Pauză (minute)"),
        "plan_reason_hint": ("why the plan changes, e.g. approved leave", "de ce se schimbă planul, de ex. concediu aprobat"),
        "change_plan_button": ("Save the plan", "Salvează planul"),
        "day_planned": ("The day's plan was changed.", "Planul zilei a fost schimbat."),
        "nav_audit": ("Audit", "Istoric"),
        "audit_title": ("Audit trail", "Istoricul modificărilor"),
        "audit_intro": ("who changed what, newest first", "cine a modificat ce, cele mai noi întâi"),
        "audit_all_employees": ("All employees", "Toți angajații"),
        "audit_actor": ("Changed by", "Modificat de"),
        "audit_all_actors": ("Anybody", "Oricine"),
        "audit_kind": ("Kind", "Tip"),
        "audit_all_kinds": ("Every kind", "Toate tipurile"),
        "audit_when": ("When", "Când"),
        "audit_subject": ("About", "Despre"),
        "audit_detail": ("Detail", "Detalii"),
        "audit_none": ("No changes match.", "Nicio modificare nu corespunde."),
        "audit_kind_attendance": ("Attendance", "Prezență"),
        "audit_kind_schedule": ("Plan", "Plan"),
        "audit_kind_user": ("Employee", "Angajat"),
        "audit_kind_team": ("Team", "Echipă"),
        "audit_kind_company": ("Company settings", "Setările companiei"),
        "audit_kind_month": ("Month lock", "Blocarea lunii"),
        "audit_kind_api_key": ("API key", "Cheie API"),
        "audit_kind_device": ("RFID device", "Dispozitiv RFID"),
        "group_late": ("Late", "Întârziați"),
        "group_missing": ("Missing", "Lipsă"),
        "group_at_work": ("At work", "La lucru"),
        "group_absent": ("Absent", "Absenți"),
        "group_left": ("Left", "Plecați"),
        "group_not_planned": ("Not planned today", "Neplanificați azi"),
        "empty_late": ("Nobody is late.", "Nimeni nu a întârziat."),
        "empty_missing": ("Nobody is missing.", "Nu lipsește nimeni."),
        "empty_at_work": ("Nobody is at work now.", "Nimeni nu este la lucru acum."),
        "empty_absent": ("Nobody is absent.", "Nimeni nu este absent."),
        "empty_left": ("Nobody has left yet.", "Nimeni nu a plecat încă."),
        "empty_not_planned": ("Everyone is planned today.", "Toți sunt planificați azi."),
        "col_planned": ("Planned", "Planificat"),
        "col_hours_so_far": ("Hours so far", "Ore până acum"),

        "timesheet_title": ("Monthly timesheet", "Pontaj lunar"),
        "lock_month": ("Lock month", "Închide luna"),
        "unlock_month": ("Unlock month", "Deschide luna"),
        "lock_confirm": (
            "I confirm: payroll gets these figures, and changes to this month's hours are refused until it is unlocked.",
            "Confirm: salarizarea primește aceste cifre, iar modificările orelor acestei luni sunt refuzate până la deschiderea ei."
        ),
        "unlock_confirm": (
            "I confirm: the stored figures are discarded and the month is computed again from today's data.",
            "Confirm: cifrele păstrate se șterg, iar luna se calculează din nou din datele de azi."
        ),
        "month_locked_note": (
            "Locked {at} by {by}: shown as it was then; changes to its hours are refused.",
            "Închisă la {at} de {by}: afișată așa cum era atunci; modificările orelor ei sunt refuzate."
        ),
        "month_locking_note": (
            "A lock was cut short (or is running): changes to its hours are refused, but it is computed, not stored. Finish it or unlock it.",
            "Închiderea s-a întrerupt (sau rulează): orele nu se pot schimba, dar luna e calculată, nu păstrată. Terminați-o sau deschideți luna."
        ),
        "finish_lock": ("Finish the lock", "Termină închiderea"),
        "lock_notice_locked": ("The month is locked.", "Luna este închisă."),
        "lock_notice_unlocked": ("The month is unlocked; its stored figures were discarded.", "Luna este deschisă; cifrele păstrate au fost șterse."),
        "lock_notice_lock_unconfirmed": ("Nothing changed: tick the confirmation first.", "Nu s-a schimbat nimic: bifați întâi confirmarea."),
        "month": ("Month", "Luna"),
        "team": ("Team", "Echipa"),
        "all_teams": ("All teams", "Toate echipele"),
        "show": ("Show", "Afișează"),
        "download_csv": ("Download CSV", "Descarcă CSV"),
        "employee": ("Employee", "Angajat"),
        "col_regular": ("Regular", "Normale"),
        "col_overtime": ("Overtime", "Suplim."),
        "col_night": ("Night", "Noapte"),
        "col_weekend": ("Weekend", "Weekend"),
        "col_holiday": ("Holiday", "Sărbători"),
        "col_time_off": ("Time off", "Timp liber"),
        "col_overtime_balance": ("OT balance", "Sold suplim."),
        "total_regular": ("Regular hours", "Ore normale"),
        "total_overtime": ("Overtime hours", "Ore suplimentare"),
        "total_night": ("Night hours", "Ore de noapte"),
        "total_weekend": ("Weekend hours", "Ore în weekend"),
        "total_holiday": ("Public holiday hours", "Ore în sărbători legale"),
        "total_time_off": ("Time off", "Timp liber"),
        "total_overtime_balance": ("Overtime balance", "Sold ore suplimentare"),
        "time_off_code": ("TO", "TL"),
        "time_off_code_legend": ("time off against overtime, no hours worked", "timp liber compensatoriu, fără ore lucrate"),
        "include_inactive": ("Include inactive employees", "Include angajații inactivi"),
        "csv_id": ("Id", "Id"),
        "csv_file": ("timesheet", "pontaj"),
        // The collective sheet: the printable page and the payroll downloads (Pages/TimesheetController+Sheet.swift).
        "sheet_title": ("Collective attendance sheet", "Foaie colectivă de prezență"),
        "sheet_open": ("Printable sheet", "Foaie colectivă (tipărire)"),
        "sheet_print_hint": (
            "Print it from the browser (Ctrl+P): one A4 landscape page wide.",
            "Tipăriți din browser (Ctrl+P): o pagină A4 în lățime, orientare peisaj."
        ),
        "sheet_number": ("No.", "Nr. crt."),
        "sheet_name": ("Full name / job title", "Numele și prenumele / funcția"),
        "sheet_mark": ("Mark", "Marca"),
        "sheet_legend_hours": (
            "a number is the day's hours worked (regular and overtime); the totals are hours, the code columns days.",
            "un număr reprezintă orele lucrate în zi (normale și suplimentare); totalurile sunt în ore, coloanele codurilor în zile."
        ),
        "sheet_prepared": ("Prepared by", "Întocmit"),
        "sheet_checked": ("Checked by", "Verificat"),
        "sheet_signature": ("name, signature, date", "nume, semnătură, dată"),
        "payroll_download": ("Payroll file", "Fișier pentru salarizare"),
        "csv_symbols": ("CSV, a symbol per day (simplified import)", "CSV, un simbol pe zi (import simplificat)"),
        "csv_hours": ("CSV, hours per type and day (detailed import)", "CSV, ore pe tip și zi (import detaliat)"),
        "decimal_comma": ("Decimal comma (7,5)", "Zecimale cu virgulă (7,5)"),
        "download": ("Download", "Descarcă"),
        "hint_regular": ("Regular hours, breaks deducted", "Ore normale, fără pauze"),
        "hint_overtime": ("Overtime hours", "Ore suplimentare"),
        "hint_night": ("Hours worked 22:00–06:00", "Ore lucrate între 22:00 și 06:00"),
        "hint_weekend": ("Hours worked on Saturdays and Sundays", "Ore lucrate sâmbăta și duminica"),
        "hint_holiday": ("Hours worked on public holidays", "Ore lucrate în sărbători legale"),
        "hint_time_off": ("Time off taken against overtime", "Timp liber compensatoriu"),
        "hint_overtime_balance": ("Overtime minus time off", "Ore suplimentare minus timp liber"),
        "legend": ("Legend", "Legendă"),
        "legend_hours": (
            "A number is the day's hours worked (regular and overtime). Hover a cell for its shifts.",
            "Un număr reprezintă orele lucrate în ziua respectivă (normale și suplimentare). Treceți cu mouse-ul peste o celulă pentru ture."
        ),
        "weekend": ("Weekend", "Weekend"),
        "public_holiday": ("Public holiday", "Sărbătoare legală"),
        "no_employees": ("No employee is employed in this month.", "Niciun angajat nu este activ în această lună."),
        "shifts": ("Shifts", "Ture"),
        "break": ("break {minutes} min", "pauză {minutes} min"),
        "overtime": ("Overtime", "Ore suplimentare"),
        "time_off": ("Time off", "Timp liber"),
        "hours_worked": ("{hours} h worked", "{hours} ore lucrate"),
        "present": ("Present {intervals}", "Prezent {intervals}"),
        "attendance_type": ("Hours shown", "Ore afișate"),
        "work_schedule": ("Planned (Planificare)", "Planificare"),
        "live_attendance": ("Actual presence (Prezență reală)", "Prezență reală"),
        "legend_hours_live": (
            "A number is the day's hours actually present (regular and overtime), from the scans. Hover or focus a cell for its shifts and the times present; open it to add or delete an entry.",
            "Un număr reprezintă orele de prezență reală din ziua respectivă (normale și suplimentare), din scanări. Treceți cu mouse-ul sau mutați focusul pe o celulă pentru ture și orele de prezență; deschideți-o pentru a adăuga sau a șterge o înregistrare."
        ),
        "employees_count": ("{count} employees", "{count} angajați"),
        // The collective sheet's xlsx workbook (Export/Timesheet+Xlsx.swift).
        "xlsx_download": ("xlsx workbook: the sheet with its legend", "Registru xlsx: foaia cu legenda"),
        "xlsx_sheet": ("Timesheet", "Pontaj"),
        "xlsx_title": ("Collective attendance sheet · {month}", "Foaie colectivă de prezență · {month}"),
        "xlsx_team": ("Team: {team}", "Echipa: {team}"),
        "xlsx_number": ("No.", "Nr. crt."),
        "xlsx_code_days": ("{code} days", "Zile {code}"),
        "xlsx_legend_weekend": ("Saturday and Sunday", "Sâmbătă și duminică"),
        "xlsx_legend_holiday": ("Public holiday: {holidays}", "Sărbătoare legală: {holidays}"),
        "xlsx_legend_hours": (
            "A number in a day is its hours worked (regular and overtime); the totals are hours, the last columns days.",
            "Un număr într-o zi reprezintă orele lucrate (normale și suplimentare); totalurile sunt în ore, ultimele coloane în zile."
        ),
        "xlsx_prepared": ("Prepared by (name, signature): ______________________", "Întocmit (nume, semnătură): ______________________"),
        "xlsx_checked": ("Checked by (name, signature): ______________________", "Verificat (nume, semnătură): ______________________"),

        "back_to_timesheet": ("← Timesheet", "← Pontaj"),
        "previous_day": ("← Previous day", "← Ziua anterioară"),
        "next_day": ("Next day →", "Ziua următoare →"),
        "day_summary": ("The day", "Ziua"),
        "day_type": ("Day", "Zi"),
        "not_planned": ("Not planned", "Neplanificată"),
        "presence": ("Present", "Prezent"),
        "no_presence": ("No presence recorded", "Nicio prezență înregistrată"),
        "planned_hours": ("Planned hours", "Ore planificate"),
        "worked_hours": ("Hours worked (actual presence)", "Ore lucrate (prezență reală)"),
        "open_live_timesheet": ("Open the month's actual presence", "Deschide prezența reală a lunii"),
        "scans_heading": ("Scans and entries", "Scanări și înregistrări"),
        "col_time": ("Time", "Ora"),
        "col_scan_status": ("Read as", "Interpretare"),
        "col_source": ("Source", "Sursa"),
        "col_note": ("Note", "Notă"),
        "col_recorded": ("Recorded", "Înregistrat"),
        "scan_check_in": ("Check-in", "Intrare"),
        "scan_check_out": ("Check-out", "Ieșire"),
        "scan_unmatched": ("Check-out without a check-in", "Ieșire fără intrare"),
        "scan_duplicate": ("Repeated scan, ignored", "Scanare repetată, ignorată"),
        "scan_deleted": ("Deleted", "Ștearsă"),
        "deleted_by": ("Deleted by {who} on {date}: {reason}", "Ștearsă de {who} la {date}: {reason}"),
        "source_terminal": ("Terminal", "Terminal"),
        "source_api": ("API", "API"),
        "source_web": ("Web", "Web"),
        "arrival_live": ("live", "în timp real"),
        "arrival_offline": ("offline batch", "lot offline"),
        "arrival_entry": ("manual entry", "înregistrare manuală"),
        "no_scans": ("No scan or entry on this day.", "Nicio scanare sau înregistrare în această zi."),
        "delete_entry": ("Delete…", "Șterge…"),
        "delete_button": ("Delete", "Șterge"),
        "delete_reason_hint": ("Why it is deleted", "De ce se șterge"),
        "reason": ("Reason", "Motiv"),
        "note": ("Note", "Notă"),
        "note_hint": ("Optional", "Opțional"),
        "add_entry_heading": ("Add an entry", "Adaugă o înregistrare"),
        "add_entry_intro": (
            "An entry counts like a scan at that time. Nothing is edited in place: a wrong entry is deleted, with its reason, and both stay in the audit trail.",
            "O înregistrare contează ca o scanare la ora respectivă. Nimic nu se modifică: o înregistrare greșită se șterge, cu motivul ei, și ambele rămân în jurnalul de audit."
        ),
        "entry_time": ("Time", "Ora"),
        "entry_direction": ("Direction", "Sens"),
        "direction_auto": ("As the sequence decides", "După succesiunea scanărilor"),
        "direction_in": ("Check-in", "Intrare"),
        "direction_out": ("Check-out", "Ieșire"),
        "add_reason_hint": ("Why it is added, e.g. forgotten badge", "De ce se adaugă, de ex. ecuson uitat"),
        "add_entry_button": ("Add entry", "Adaugă"),
        "entry_added": ("The entry was added.", "Înregistrarea a fost adăugată."),
        "entry_deleted": ("The entry was deleted.", "Înregistrarea a fost ștearsă."),
        "entry_time_invalid": ("Give the time as HH:MM or HH:MM:SS.", "Scrieți ora ca HH:MM sau HH:MM:SS."),
        "entry_time_gap": (
            "This time does not exist on this day: the clocks moved forward.", "Această oră nu există în această zi: ceasul a fost dat înainte."
        ),
        "entry_future": ("The time is in the future.", "Ora este în viitor."),
        "entry_direction_invalid": ("Choose a direction from the list.", "Alegeți un sens din listă."),
        "entry_note_invalid": (
            "The note must be one line of at most 200 characters.", "Nota trebuie să fie un singur rând de cel mult 200 de caractere."
        ),
        "reason_required": ("Give a reason.", "Scrieți motivul."),
        "reason_invalid": (
            "The reason must be one line of at most 200 characters.", "Motivul trebuie să fie un singur rând de cel mult 200 de caractere."
        ),
        "entry_employee_inactive": (
            "The employee is inactive or not employed on this day.", "Angajatul este inactiv sau nu este angajat în această zi."
        ),
        "entry_duplicate": (
            "Nothing was added: another scan or entry of this employee is less than {seconds} seconds away.",
            "Nu s-a adăugat nimic: o altă scanare sau înregistrare a angajatului este la mai puțin de {seconds} secunde."
        ),
        "entry_locked_month": (
            "Nothing changed: {month} is locked, its hours can no longer change. Unlock the month on the timesheet first.",
            "Nu s-a schimbat nimic: luna {month} este închisă, orele ei nu se mai pot schimba. Deblocați întâi luna din pontaj."
        ),

        "employees_title": ("Employees", "Angajați"),
        "search": ("Search", "Caută"),
        "search_placeholder": ("Name, mark number or whole CNP", "Nume, marcă sau CNP complet"),
        "status": ("Status", "Stare"),
        "all_statuses": ("All", "Toți"),
        "active": ("Active", "Activ"),
        "inactive": ("Inactive", "Inactiv"),
        "col_name": ("Name", "Nume"),
        "col_mark": ("Mark no.", "Marcă"),
        "col_cnp": ("CNP", "CNP"),
        "col_team": ("Team", "Echipa"),
        "col_job": ("Job title", "Funcție"),
        "showing": ("{from}–{to} of {total}", "{from}–{to} din {total}"),
        "previous": ("← Previous", "← Înapoi"),
        "next": ("Next →", "Înainte →"),
        "no_results": ("No employee matches.", "Niciun angajat nu corespunde."),
        "masked_note": (
            "Personal numbers (CNP, identity card, IBAN) are masked: only their last characters are shown.",
            "Numerele personale (CNP, carte de identitate, IBAN) sunt mascate: se afișează doar ultimele caractere."
        ),
        "all_employees": ("← All employees", "← Toți angajații"),
        "not_set": ("—", "—"),
        "employee_id": ("Employee id", "Id angajat"),
        "field_full_name": ("Full name", "Nume complet"),
        "field_team_name": ("Team", "Echipa"),
        "field_is_enabled": ("Status", "Stare"),
        "field_disable_date": ("Inactive from", "Inactiv de la"),
        "field_rfid_tag": ("RFID tag", "Etichetă RFID"),
        "field_cnp": ("CNP", "CNP"),
        "field_id_card": ("Identity card", "Carte de identitate"),
        "field_id_card_issued_by": ("Identity card issued by", "CI eliberată de"),
        "field_id_card_issue_date": ("Identity card issued on", "CI eliberată la"),
        "field_bank_account": ("Bank account (IBAN)", "Cont bancar (IBAN)"),
        "field_birth_date": ("Date of birth", "Data nașterii"),
        "field_employment_date": ("Employment date", "Data angajării"),
        "field_job_title": ("Job title", "Funcție"),
        "field_mark_number": ("Mark number", "Marcă"),
        "field_contract_number": ("Contract number", "Număr contract"),
        "field_section": ("Section", "Secție"),
        "field_address": ("Address", "Adresă"),
        "field_city": ("City", "Localitate"),
        "field_county": ("County", "Județ"),
        "field_phone_one": ("Phone", "Telefon"),
        "field_phone_two": ("Second phone", "Al doilea telefon"),

        // Labour Code: the timesheet's warnings and Settings → Labour Code (issue 14).
        "nav_labour_code": ("Settings → Labour Code", "Setări → Codul muncii"),
        "labour_warnings_heading": ("Labour Code warnings", "Avertismente Codul muncii"),
        "labour_warnings_count": ("{count} on this page", "{count} pe această pagină"),
        "labour_rules_checked": ("Rules checked: {rules}.", "Reguli verificate: {rules}."),
        "labour_none_checked": ("Every rule is turned off.", "Toate regulile sunt oprite."),
        "labour_basis": (
            "The checks read the plan, with the months before it that the rules need.",
            "Verificările citesc planificarea, cu lunile dinainte de care au nevoie regulile."
        ),
        "labour_basis_live": (
            "The checks read the time present from the scans (absences from the plan), with the months before it that the rules need.",
            "Verificările citesc timpul prezent din scanări (absențele din planificare), cu lunile dinainte de care au nevoie regulile."
        ),
        "labour_settings_link": ("Choose the rules", "Alegeți regulile"),
        "no_labour_warnings": ("No warnings for the employees on this page.", "Niciun avertisment pentru angajații de pe această pagină."),
        "labour_mark_legend": ("a Labour Code warning (the cell's tooltip says which)", "un avertisment Codul muncii (detaliile cadrului spun care)"),
        "col_rule": ("Rule", "Regula"),
        "col_article": ("Article", "Articolul"),
        "col_dates": ("Dates", "Datele"),
        "col_measured": ("Measured (h)", "Măsurat (ore)"),
        "col_limit": ("Limit (h)", "Limita (ore)"),
        "col_message": ("Warning", "Avertisment"),
        "col_description": ("What it checks", "Ce verifică"),
        "col_checked": ("Checked", "Verificată"),
        "rule_daily_rest": (
            "At least 12 consecutive hours of rest between two working days (8 hours between shifts in shift work).",
            "Cel puțin 12 ore consecutive de repaus între două zile de muncă (8 ore între schimburi, la munca în schimburi)."
        ),
        "rule_weekly_rest": (
            "A weekly rest of 48 consecutive hours in every week.", "Repaus săptămânal de 48 de ore consecutive în fiecare săptămână."
        ),
        "rule_weekly_maximum": (
            "At most 48 hours of work a week, overtime included, on average over the 4-month reference period.",
            "Cel mult 48 de ore de muncă pe săptămână, inclusiv orele suplimentare, în medie pe perioada de referință de 4 luni."
        ),
        "rule_long_day_rest": (
            "A 12-hour working day is followed by at least 24 hours of rest.", "O zi de muncă de 12 ore este urmată de cel puțin 24 de ore de repaus."
        ),
        "rule_night_work": (
            "A night worker's normal working time averages at most 8 hours a day.",
            "Durata normală a muncii unui salariat de noapte este în medie de cel mult 8 ore pe zi."
        ),
        "rule_overtime_compensation": (
            "Overtime is compensated with paid time off within the legal period, otherwise paid with the premium.",
            "Orele suplimentare se compensează cu timp liber plătit în termenul legal, altfel se plătesc cu spor."
        ),
        "rule_holiday_compensation": (
            "Work on a public holiday is compensated with time off within 30 days, otherwise paid with the premium.",
            "Munca în zilele de sărbătoare legală se compensează cu timp liber în 30 de zile, altfel se plătește cu spor."
        ),
        "rule_minor_daily_hours": ("An employee under 18 works at most 6 hours a day.", "Un salariat sub 18 ani lucrează cel mult 6 ore pe zi."),
        "rule_minor_weekly_hours": (
            "An employee under 18 works at most 30 hours a week.", "Un salariat sub 18 ani lucrează cel mult 30 de ore pe săptămână."
        ),
        "rule_minor_overtime": ("An employee under 18 works no overtime.", "Un salariat sub 18 ani nu prestează muncă suplimentară."),
        "rule_minor_night_work": (
            "An employee under 18 does not work at night (22:00–06:00).", "Un salariat sub 18 ani nu prestează muncă de noapte (22:00–06:00)."
        ),
        "rule_minor_meal_break": (
            "An employee under 18 gets a meal break of at least 30 minutes after 4½ hours of work.",
            "Un salariat sub 18 ani are o pauză de masă de cel puțin 30 de minute după 4 ore și jumătate de muncă."
        ),
        "rule_meal_break": (
            "A working day over 6 hours gives the right to a meal break (its length is the collective agreement's).",
            "O zi de muncă de peste 6 ore dă dreptul la pauză de masă (durata ei o stabilește contractul colectiv)."
        ),
        "labour_code_title": ("Labour Code checks", "Verificări Codul muncii"),
        "labour_code_intro": (
            "The timesheet and compliance/get_warnings check the plans of {company} against these rules of Legea 53/2003 (Codul muncii). Turn a rule off only where a collective agreement or the law provides otherwise for {company}; every change is audited.",
            "Pontajul și compliance/get_warnings verifică planificările companiei {company} după aceste reguli din Legea 53/2003 (Codul muncii). Opriți o regulă doar dacă un contract colectiv sau legea prevede altfel pentru {company}; fiecare schimbare este auditată."
        ),
        "labour_rules_heading": ("Rules", "Reguli"),
        "labour_off_confirm": (
            "A collective agreement or the law provides otherwise for the rules I turn off",
            "Un contract colectiv sau legea prevede altfel pentru regulile pe care le opresc"
        ),
        "labour_off_confirm_required": (
            "Nothing was saved: tick the confirmation to turn rules off.", "Nu s-a salvat nimic: bifați confirmarea pentru a opri reguli."
        ),
        "labour_save_button": ("Save the rules", "Salvează regulile"),
        "labour_saved": ("The rules were saved.", "Regulile au fost salvate."),
        "rule_on": ("Checked", "Verificată"),
        "rule_off": ("Off", "Oprită"),
        "shift_work_heading": ("Shift work (art. 135(2))", "Munca în schimburi (art. 135(2))"),
        "shift_work_intro": (
            "In a team that works in shifts the rest between two shifts must be at least 8 hours instead of 12. A single employee can also be set so with iflow company compliance.",
            "Într-o echipă care lucrează în schimburi, repausul dintre două schimburi trebuie să fie de cel puțin 8 ore în loc de 12. Un singur angajat se poate marca astfel cu iflow company compliance."
        ),
        "shift_work_on": ("Works in shifts", "Lucrează în schimburi"),
        "shift_work_off": ("No shifts", "Fără schimburi"),
        "shift_work_turn_on": ("Set shift work", "Marchează în schimburi"),
        "shift_work_turn_off": ("Remove shift work", "Scoate munca în schimburi"),
        "shift_work_saved": ("Shift work of {team} was saved.", "Munca în schimburi a echipei {team} a fost salvată."),
        "no_teams": ("The company has no teams yet.", "Compania nu are încă echipe."),
    ]

    /// The phrases of one language, as the templates' `t`.
    static func table(_ language: Language) -> [String: String] {
        language == .roRO ? romanian : english
    }

    /// A phrase with its `{name}` placeholders filled in.
    static func format(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = table(language)[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private static let english = phrases.mapValues(\.en)
    private static let romanian = phrases.mapValues(\.ro)
}
