extension WebTemplates {
    static let timesheet = """
        {{<layout}}{{$main}}
        <div class="page-head with-tools">
          <div>
            <h1>{{t.timesheet_title}} <span class="sub">{{monthName}}</span></h1>
            <p class="lead">{{company}}{{#selectedTeam}} · {{selectedTeam}}{{/selectedTeam}} · {{employeeCount}}</p>
          </div>
          <nav class="month-nav">
            <a class="button quiet" href="{{previousURL}}" rel="prev">← {{previousName}}</a>
            <a class="button quiet" href="{{nextURL}}" rel="next">{{nextName}} →</a>
          </nav>
        </div>
        <form method="get" action="/admin/timesheet" class="filters card">
          <label>{{t.month}}<input type="month" name="month" value="{{monthValue}}" required></label>
          <label>{{t.team}}<select name="team"><option value="">{{t.all_teams}}</option>{{#teams}}<option value="{{teamName}}"{{#selected}} selected{{/selected}}>{{teamName}}</option>{{/teams}}</select></label>
          <label class="check"><input type="checkbox" name="inactive" value="1"{{#includeInactive}} checked{{/includeInactive}}> {{t.include_inactive}}</label>
          <button class="primary">{{t.show}}</button>
          <a class="button" href="{{csvURL}}">{{t.download_csv}}</a>
        </form>
        {{#hasRows}}
        <div class="grid-wrap">
          <table class="timesheet">
            <thead>
              <tr>
                <th scope="col" class="emp">{{t.employee}}</th>
                {{#days}}<th scope="col" class="day {{dayClass}}" title="{{dayTitle}}"><span class="dnum">{{dayNumber}}</span><span class="wd">{{weekday}}</span></th>{{/days}}
                {{#totalColumns}}<th scope="col" class="tot" title="{{columnHint}}">{{columnLabel}}</th>{{/totalColumns}}
              </tr>
            </thead>
            <tbody>
              {{#rows}}
              <tr>
                <th scope="row" class="emp"><a href="/admin/employees/{{userID}}">{{fullName}}</a><span class="meta">{{meta}}</span></th>
                {{#cells}}<td class="{{cellClass}}" title="{{cellTitle}}">{{#cellCodes}}<span class="code c-{{codeClass}}">{{codeText}}</span>{{/cellCodes}}{{cellText}}</td>{{/cells}}
                {{#totals}}<td class="tot{{#negative}} neg{{/negative}}{{#zero}} zero{{/zero}}">{{value}}</td>{{/totals}}
              </tr>
              {{/rows}}
            </tbody>
          </table>
        </div>
        {{#showing}}
        <nav class="pager">
          <span class="muted">{{showing}}</span>
          {{#previousPageURL}}<a class="button quiet" href="{{previousPageURL}}" rel="prev">{{t.previous}}</a>{{/previousPageURL}}
          {{#nextPageURL}}<a class="button quiet" href="{{nextPageURL}}" rel="next">{{t.next}}</a>{{/nextPageURL}}
        </nav>
        {{/showing}}
        <section class="legend" aria-label="{{t.legend}}">
          <h2>{{t.legend}}</h2>
          <p>{{t.legend_hours}}</p>
          <ul>
            <li><span class="swatch weekend"></span>{{t.weekend}}</li>
            <li><span class="swatch holiday"></span>{{t.public_holiday}}{{#holidays}} · {{holidayDay}} {{holidayName}}{{/holidays}}</li>
            {{#codes}}<li><span class="code c-{{code}}">{{code}}</span>{{codeName}}</li>{{/codes}}
            <li><span class="code c-TO">{{t.time_off_code}}</span>{{t.time_off_code_legend}}</li>
          </ul>
        </section>
        {{/hasRows}}
        {{^hasRows}}<p class="empty card">{{t.no_employees}}</p>{{/hasRows}}
        {{/main}}{{/layout}}
        """
}
