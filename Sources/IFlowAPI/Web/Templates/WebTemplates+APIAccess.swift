extension WebTemplates {
    static let apiAccess = """
        {{<layout}}{{$main}}
        <div class="page-head">
          <h1>{{t.api_access_title}}</h1>
          <p class="lead">{{intro}}</p>
        </div>
        {{#notice}}<p class="alert info" role="status">{{notice}}</p>{{/notice}}
        {{#newKey}}
        <section class="card callout" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">{{t.new_key_heading}}: {{newKeyLabel}}</h2>
          <div class="secret">
            <code id="new-key">{{secret}}</code>
            <button type="button" class="primary" data-copy-target="new-key" data-copied-text="{{t.copied}}">{{t.copy}}</button>
          </div>
          <p class="warning" role="alert">{{t.new_key_warning}}</p>
        </section>
        {{/newKey}}
        <section class="card">
          <h2>{{t.generate_heading}}</h2>
          {{#labelError}}<p class="alert error" role="alert">{{labelError}}</p>{{/labelError}}
          <form method="post" action="/admin/settings/api-access" class="inline-form">
            <input type="hidden" name="csrf_token" value="{{admin.csrf}}">
            <label>{{t.label}}<input type="text" name="label" value="{{labelValue}}" maxlength="100" required placeholder="{{t.label_hint}}"></label>
            <button class="primary">{{t.generate_button}}</button>
          </form>
        </section>
        <section class="card">
          <h2>{{keysHeading}}</h2>
          {{#hasKeys}}
          <table class="list">
            <thead><tr><th scope="col">{{t.col_label}}</th><th scope="col">{{t.col_key}}</th><th scope="col">{{t.col_created}}</th><th scope="col">{{t.col_last_used}}</th><th scope="col">{{t.col_status}}</th><th scope="col"><span class="sr-only">{{t.col_actions}}</span></th></tr></thead>
            <tbody>
            {{#keys}}
            <tr{{#revoked}} class="revoked"{{/revoked}}>
              <td>{{keyLabel}}</td>
              <td><code>{{prefix}}…</code></td>
              <td>{{created}}</td>
              <td>{{lastUsed}}</td>
              <td>{{#revoked}}<span class="badge muted">{{status}}</span>{{/revoked}}{{^revoked}}<span class="badge ok">{{status}}</span>{{/revoked}}</td>
              <td class="actions">{{^revoked}}<a class="danger-link" href="/admin/settings/api-access/{{id}}/revoke">{{t.revoke}}</a>{{/revoked}}</td>
            </tr>
            {{/keys}}
            </tbody>
          </table>
          {{/hasKeys}}
          {{^hasKeys}}<p class="empty">{{t.no_keys}}</p>{{/hasKeys}}
        </section>
        {{/main}}{{/layout}}
        """

    static let revoke = """
        {{<layout}}{{$main}}
        <section class="card narrow">
          <h1>{{t.revoke_title}}</h1>
          <dl class="facts">
            <dt>{{t.col_label}}</dt><dd>{{keyLabel}}</dd>
            <dt>{{t.col_key}}</dt><dd><code>{{prefix}}…</code></dd>
            <dt>{{t.col_created}}</dt><dd>{{created}}</dd>
            <dt>{{t.col_last_used}}</dt><dd>{{lastUsed}}</dd>
          </dl>
          <p class="warning">{{t.revoke_warning}}</p>
          {{#confirmError}}<p class="alert error" role="alert">{{confirmError}}</p>{{/confirmError}}
          <form method="post" action="/admin/settings/api-access/{{id}}/revoke" class="stack">
            <input type="hidden" name="csrf_token" value="{{admin.csrf}}">
            <label class="check"><input type="checkbox" name="confirm" value="yes" required> {{t.revoke_confirm}}</label>
            <div class="buttons">
              <button class="danger">{{t.revoke_button}}</button>
              <a class="button quiet" href="/admin/settings/api-access">{{t.cancel}}</a>
            </div>
          </form>
        </section>
        {{/main}}{{/layout}}
        """
}
