extension WebAssets {
    static let stylesheet = """
        :root {
          --ink: #1c2430; --muted: #5d6878; --line: #dde2ea; --paper: #ffffff; --ground: #f4f6f9;
          --brand: #1f5fbf; --brand-dark: #174a96; --danger: #b3261e; --ok: #1e7d46;
          --weekend: #eef1f6; --holiday: #fff1d0; --holiday-line: #e0b44c;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--ground);
        }
        * { box-sizing: border-box; }
        body { margin: 0; }
        a { color: var(--brand); text-decoration: none; }
        a:hover { text-decoration: underline; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; font-weight: 650; }
        h1 .sub { color: var(--muted); font-weight: 400; }
        h2 { font-size: 1.1rem; margin: 0 0 .75rem; font-weight: 650; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .92em; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

        .top { background: #18212d; color: #dfe6f0; }
        .top-inner { display: flex; align-items: center; gap: 1.25rem; padding: .6rem 1.5rem; flex-wrap: wrap; }
        .brand { color: #fff; font-weight: 700; font-size: 1.15rem; display: flex; align-items: center; gap: .5rem; }
        .brand:hover { text-decoration: none; }
        .logo { width: 1.35rem; height: 1.35rem; border-radius: 5px; background: var(--brand) url("/admin/static/icon.svg") center/cover; }
        .company { color: #9fb0c6; border-left: 1px solid #3a4656; padding-left: 1rem; }
        .nav { display: flex; gap: .25rem; }
        .nav a { color: #cbd5e2; padding: .4rem .7rem; border-radius: 6px; }
        .nav a:hover { background: #243040; text-decoration: none; }
        .nav a[aria-current="page"] { background: #2c3a4e; color: #fff; }
        .tools { margin-left: auto; display: flex; align-items: center; gap: .75rem; }
        .tools form { margin: 0; }
        .who { color: #9fb0c6; max-width: 16rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .lang { display: inline-flex; border: 1px solid #3a4656; border-radius: 6px; overflow: hidden; }
        .lang button, .lang a { background: transparent; border: 0; color: #cbd5e2; padding: .25rem .55rem; font: inherit; font-size: .8rem; cursor: pointer; }
        .lang button[aria-pressed="true"], .lang a[aria-current="true"] { background: #2c3a4e; color: #fff; cursor: default; }
        .top button.quiet { background: transparent; color: #cbd5e2; border: 1px solid #3a4656; }
        .top button.quiet:hover { background: #243040; }

        .page { padding: 1.5rem; max-width: 1500px; margin: 0 auto; }
        .page-head { margin-bottom: 1rem; }
        .page-head.with-tools { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
        .lead, .muted { color: var(--muted); margin: .25rem 0 0; }
        .back { margin: 0 0 .5rem; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.1rem 1.25rem; margin-bottom: 1rem; }
        .card.narrow { max-width: 30rem; margin: 3rem auto; padding: 1.75rem; }
        .callout { border-color: #9cc3a9; background: #f1faf4; }
        .empty { color: var(--muted); }

        label { display: flex; flex-direction: column; gap: .3rem; font-weight: 550; font-size: .9rem; }
        label.check { flex-direction: row; align-items: center; gap: .45rem; font-weight: 450; min-height: 2.4rem; }
        input[type=text], input[type=email], input[type=password], input[type=search], input[type=month], select {
          font: inherit; font-weight: 400; height: 2.4rem; padding: .35rem .6rem; border: 1px solid #c5cdd8; border-radius: 6px; background: #fff; color: var(--ink); min-width: 12rem;
        }
        input:focus, select:focus, button:focus-visible, a:focus-visible { outline: 2px solid var(--brand); outline-offset: 1px; }
        button, .button {
          font: inherit; font-weight: 550; padding: .45rem .9rem; border-radius: 6px; border: 1px solid #c5cdd8; background: #fff; color: var(--ink);
          cursor: pointer; display: inline-block; line-height: 1.3;
        }
        .button:hover { text-decoration: none; background: #f0f3f7; }
        button.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
        button.primary:hover { background: var(--brand-dark); }
        button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
        .button.quiet, button.quiet { background: transparent; }
        .stack { display: flex; flex-direction: column; gap: 1rem; margin-top: 1rem; }
        .stack input { min-width: 0; }
        .buttons { display: flex; gap: .6rem; align-items: center; }
        .inline-form, .filters { display: flex; gap: .9rem; align-items: flex-end; flex-wrap: wrap; }
        .inline-form label { flex: 1; max-width: 34rem; }
        .filters .grow { flex: 1; min-width: 16rem; }
        .alert { padding: .6rem .8rem; border-radius: 6px; margin: .75rem 0; }
        .alert.error { background: #fdecea; color: #8a1c15; border: 1px solid #f3c1bc; }
        .alert.info { background: #e9f1fc; color: #17407a; border: 1px solid #c4d7f2; }
        .warning { color: #8a4b00; font-weight: 550; }

        .secret { display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; margin: .5rem 0; }
        .secret code { user-select: all; background: #fff; border: 1px dashed #7aa58a; border-radius: 6px; padding: .55rem .75rem; font-size: 1rem; word-break: break-all; }

        table { border-collapse: collapse; }
        .list { width: 100%; }
        .list th, .list td { text-align: left; padding: .55rem .6rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
        .list th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); font-weight: 600; }
        .list tbody tr:hover { background: #f8fafc; }
        .list tr.revoked td { color: var(--muted); }
        .list tr.revoked code { text-decoration: line-through; }
        .actions { text-align: right; }
        .danger-link { color: var(--danger); }
        .badge { display: inline-block; font-size: .78rem; font-weight: 600; padding: .1rem .5rem; border-radius: 999px; vertical-align: middle; }
        .badge.ok { background: #e3f4ea; color: var(--ok); }
        .badge.muted { background: #eceff3; color: var(--muted); }
        .masked { letter-spacing: .04em; }
        .count { margin: 0 0 .5rem; }
        .pager { display: flex; gap: .5rem; justify-content: flex-end; align-items: center; margin-top: .75rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 1rem 0; }
        .facts dt { color: var(--muted); }
        .facts dd { margin: 0; }
        .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .9rem 1.5rem; margin: 0; }
        .field dt { color: var(--muted); font-size: .82rem; }
        .field dd { margin: .1rem 0 0; font-weight: 500; }

        .month-nav { display: flex; gap: .5rem; }
        .grid-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; }
        .timesheet { font-size: .78rem; font-variant-numeric: tabular-nums; width: 100%; }
        .timesheet th, .timesheet td { border-bottom: 1px solid var(--line); border-right: 1px solid #eef0f4; padding: .3rem .12rem; text-align: center; white-space: nowrap; }
        .timesheet thead th { background: #f8f9fb; font-weight: 600; color: var(--muted); vertical-align: bottom; }
        .timesheet th.emp { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; min-width: 10.5rem; max-width: 13rem; padding-left: .7rem; }
        .timesheet thead th.emp { z-index: 2; background: #f8f9fb; vertical-align: middle; }
        .timesheet th.emp a { display: block; overflow: hidden; text-overflow: ellipsis; color: var(--ink); font-weight: 600; }
        .timesheet th.emp .meta { display: block; color: var(--muted); font-weight: 400; font-size: .72rem; overflow: hidden; text-overflow: ellipsis; }
        .timesheet .day { min-width: 1.75rem; }
        .timesheet .dnum { display: block; color: var(--ink); font-size: .82rem; }
        .timesheet .wd { display: block; font-weight: 400; font-size: .66rem; }
        .timesheet .weekend { background: var(--weekend); }
        .timesheet thead th.weekend { background: #e4e9f1; }
        .timesheet .holiday { background: var(--holiday); }
        .timesheet thead th.holiday { background: #fbe2a6; box-shadow: inset 0 -3px 0 var(--holiday-line); cursor: help; }
        .timesheet td.worked { color: var(--ink); }
        .timesheet td.off { color: var(--muted); }
        .timesheet td.has-time-off { box-shadow: inset 0 -2px 0 #8fb3e6; }
        .timesheet td .code { display: block; width: fit-content; margin: 0 auto; min-width: 0; padding: 0 .2rem; font-size: .66rem; }
        .timesheet .tot { background: #f6f8fb; font-weight: 600; min-width: 2.9rem; padding: .3rem .3rem; }
        .timesheet thead .tot { font-size: .68rem; white-space: normal; line-height: 1.2; cursor: help; }
        .timesheet td.tot.neg { color: var(--danger); }
        .timesheet td.tot.zero { color: #a3acb9; font-weight: 400; }
        .timesheet tbody tr:hover td, .timesheet tbody tr:hover th.emp { background-image: linear-gradient(rgba(31,95,191,.05), rgba(31,95,191,.05)); }
        .code { display: inline-block; min-width: 1.7rem; padding: .05rem .25rem; border-radius: 4px; font-weight: 650; font-size: .72rem; }
        .c-CO { background: #dff3e6; color: #1e6b3c; }
        .c-CM { background: #fde3e1; color: #9b2019; }
        .c-CFP { background: #ebedf0; color: #4b5563; }
        .c-NE { background: #f9d3d0; color: #7f1610; }
        .c-D { background: #dde9fb; color: #1b4d96; }
        .c-EV { background: #eee3fa; color: #5b2d91; }
        .c-TO { background: #e4effc; color: #2f5c99; }
        .legend { margin-top: 1rem; color: var(--muted); font-size: .85rem; }
        .legend h2 { font-size: .9rem; margin-bottom: .25rem; color: var(--ink); }
        .legend p { margin: 0 0 .5rem; }
        .legend ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
        .legend li { display: flex; align-items: center; gap: .4rem; }
        .swatch { width: 1rem; height: 1rem; border-radius: 3px; border: 1px solid var(--line); display: inline-block; }
        .swatch.weekend { background: var(--weekend); }
        .swatch.holiday { background: var(--holiday); border-color: var(--holiday-line); }
        """
}
