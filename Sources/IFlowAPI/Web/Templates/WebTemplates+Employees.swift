extension WebTemplates {
    static let employees = """
        {{<layout}}{{$main}}
        <div class="page-head">
          <h1>{{t.employees_title}}</h1>
          <p class="lead">{{t.masked_note}}</p>
        </div>
        <form method="get" action="/admin/employees" class="filters card" role="search">
          <label class="grow">{{t.search}}<input type="search" name="q" value="{{query}}" placeholder="{{t.search_placeholder}}" maxlength="100"></label>
          <label>{{t.team}}<select name="team"><option value="">{{t.all_teams}}</option>{{#teams}}<option value="{{teamName}}"{{#selected}} selected{{/selected}}>{{teamName}}</option>{{/teams}}</select></label>
          <label>{{t.status}}<select name="status">{{#statuses}}<option value="{{statusValue}}"{{#selected}} selected{{/selected}}>{{statusLabel}}</option>{{/statuses}}</select></label>
          <button class="primary">{{t.search}}</button>
        </form>
        <section class="card">
          {{#hasUsers}}
          <p class="muted count">{{showing}}</p>
          <table class="list">
            <thead><tr><th scope="col">{{t.col_name}}</th><th scope="col">{{t.col_mark}}</th><th scope="col">{{t.col_cnp}}</th><th scope="col">{{t.col_team}}</th><th scope="col">{{t.col_job}}</th><th scope="col">{{t.status}}</th></tr></thead>
            <tbody>
            {{#users}}
            <tr>
              <td><a href="/admin/employees/{{userID}}">{{fullName}}</a></td>
              <td>{{markNumber}}</td>
              <td><code class="masked">{{cnp}}</code></td>
              <td>{{teamName}}</td>
              <td>{{jobTitle}}</td>
              <td>{{#enabled}}<span class="badge ok">{{t.active}}</span>{{/enabled}}{{^enabled}}<span class="badge muted">{{t.inactive}}</span>{{/enabled}}</td>
            </tr>
            {{/users}}
            </tbody>
          </table>
          <nav class="pager">
            {{#previousURL}}<a class="button quiet" href="{{previousURL}}" rel="prev">{{t.previous}}</a>{{/previousURL}}
            {{#nextURL}}<a class="button quiet" href="{{nextURL}}" rel="next">{{t.next}}</a>{{/nextURL}}
          </nav>
          {{/hasUsers}}
          {{^hasUsers}}<p class="empty">{{t.no_results}}</p>{{/hasUsers}}
        </section>
        {{/main}}{{/layout}}
        """

    static let employee = """
        {{<layout}}{{$main}}
        <p class="back"><a href="/admin/employees">{{t.all_employees}}</a></p>
        <div class="page-head">
          <h1>{{fullName}} {{#enabled}}<span class="badge ok">{{t.active}}</span>{{/enabled}}{{^enabled}}<span class="badge muted">{{t.inactive}}</span>{{/enabled}}</h1>
          <p class="lead">{{t.masked_note}}</p>
        </div>
        <section class="card">
          <dl class="fields">
            {{#fields}}<div class="field"><dt>{{fieldLabel}}</dt><dd{{#masked}} class="masked"{{/masked}}>{{fieldValue}}</dd></div>{{/fields}}
          </dl>
        </section>
        {{/main}}{{/layout}}
        """
}
