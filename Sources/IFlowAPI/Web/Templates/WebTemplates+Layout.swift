extension WebTemplates {
    static let layout = """
        <!doctype html>
        <html lang="{{htmlLang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · iflow</title>
        <link rel="icon" href="/admin/static/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/admin/static/style.css">
        {{#withScript}}<script src="/admin/static/copy.js" defer></script>{{/withScript}}
        </head>
        <body>
        <header class="top">
          <div class="top-inner">
            <a class="brand" href="/admin/timesheet"><span class="logo" aria-hidden="true"></span>iflow</a>
            {{#admin}}
            <span class="company">{{company}}</span>
            <nav class="nav" aria-label="{{t.main_navigation}}">
              <a href="/admin/timesheet"{{#navTimesheet}} aria-current="page"{{/navTimesheet}}>{{t.nav_timesheet}}</a>
              <a href="/admin/employees"{{#navEmployees}} aria-current="page"{{/navEmployees}}>{{t.nav_employees}}</a>
              <a href="/admin/settings/api-access"{{#navAPIAccess}} aria-current="page"{{/navAPIAccess}}>{{t.nav_api_access}}</a>
            </nav>
            {{/admin}}
            <div class="tools">
              {{#admin}}
              <form method="post" action="/admin/language" class="lang" aria-label="{{t.language}}">
                <input type="hidden" name="csrf_token" value="{{csrf}}">
                <input type="hidden" name="next" value="{{here}}">
                {{#languages}}<button name="language" value="{{code}}" title="{{name}}"{{#current}} aria-pressed="true" disabled{{/current}}>{{short}}</button>{{/languages}}
              </form>
              <span class="who" title="{{email}}">{{email}}</span>
              <form method="post" action="/admin/sign-out">
                <input type="hidden" name="csrf_token" value="{{csrf}}">
                <button class="quiet">{{t.sign_out}}</button>
              </form>
              {{/admin}}
              {{^admin}}
              <nav class="lang" aria-label="{{t.language}}">{{#languages}}<a href="{{languageURL}}" title="{{name}}"{{#current}} aria-current="true"{{/current}}>{{short}}</a>{{/languages}}</nav>
              {{/admin}}
            </div>
          </div>
        </header>
        <main class="page">
        {{$main}}{{/main}}
        </main>
        </body>
        </html>
        """

    /// A page with a heading and a sentence: errors, "signed out" and the like.
    static let message = """
        {{<layout}}{{$main}}
        <section class="card narrow message">
          <h1>{{heading}}</h1>
          <p>{{text}}</p>
          <p><a class="button" href="{{linkURL}}">{{linkText}}</a></p>
        </section>
        {{/main}}{{/layout}}
        """

    static let signIn = """
        {{<layout}}{{$main}}
        <section class="card narrow sign-in">
          <h1>{{t.sign_in_title}}</h1>
          <p class="muted">{{t.sign_in_intro}}</p>
          {{#notice}}<p class="alert info" role="status">{{notice}}</p>{{/notice}}
          {{#error}}<p class="alert error" role="alert">{{error}}</p>{{/error}}
          <form method="post" action="/admin/sign-in" class="stack">
            <input type="hidden" name="csrf_token" value="{{signInToken}}">
            <input type="hidden" name="next" value="{{next}}">
            <label>{{t.email}}<input type="email" name="email" value="{{formEmail}}" autocomplete="username" maxlength="254" required autofocus></label>
            <label>{{t.password}}<input type="password" name="password" autocomplete="current-password" maxlength="1024" required></label>
            <button class="primary">{{t.sign_in_button}}</button>
          </form>
        </section>
        {{/main}}{{/layout}}
        """
}
