import IFlowCore

/// Every phrase of the web pages, in English and Romanian. Templates read them as `{{t.key}}`.
enum WebText {
    /// key → (English, Romanian). A phrase with `{name}` placeholders is filled in by `format`.
    static let phrases: [String: (en: String, ro: String)] = [
        "nav_timesheet": ("Timesheet", "Pontaj"),
        "nav_employees": ("Employees", "Angajați"),
        "nav_api_access": ("Settings → API access", "Setări → Acces API"),
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

        "timesheet_title": ("Monthly timesheet", "Pontaj lunar"),
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
        "employees_count": ("{count} employees", "{count} angajați"),

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
