import Hummingbird
import IFlowStore
import Mustache

/// The web administration under `/admin`: sign-in, today's attendance, the timesheet, employees (and their days),
/// Settings → API access and Settings → RFID devices.
struct WebAdmin {
    let web: WebEnvironment
    let throttle: SignInThrottle

    init(store: Store, calculators: CalculatorCache, options: WebOptions) {
        let library: MustacheLibrary
        do {
            library = try WebTemplates.library()
        } catch {
            preconditionFailure("a web template does not parse: \(error)")
        }
        web = WebEnvironment(store: store, options: options, calculators: calculators, library: library)
        throttle = SignInThrottle(store: store, limit: options.signInAttempts, window: options.signInWindow)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin") { _, _ in WebEnvironment.redirect(to: "/admin/timesheet") }
        let admin = router.group("admin", context: WebRequestContext.self)
        // The static files need no session, so they never wait for the database.
        StaticAssetsController().addRoutes(to: admin.group().add(middleware: WebErrorMiddleware(web: web)))
        // The session first: the error middleware inside it then renders pages with the administrator it found.
        let group = admin.group().add(middleware: WebSessionMiddleware(web: web)).add(middleware: WebErrorMiddleware(web: web))
        SignInController(web: web, throttle: throttle).addRoutes(to: group)
        TimesheetController(web: web).addRoutes(to: group)
        MonthLockController(web: web).addRoutes(to: group)
        EmployeesController(web: web).addRoutes(to: group)
        EmployeeDayController(web: web).addRoutes(to: group)
        TodayController(web: web).addRoutes(to: group)
        AuditPageController(web: web).addRoutes(to: group)
        LabourCodeController(web: web).addRoutes(to: group)
        IssuedSecretsPage(web: web, kind: .apiAccess).addRoutes(to: group)
        IssuedSecretsPage(web: web, kind: .devices).addRoutes(to: group)
        // Unknown pages get the HTML 404 rather than the API's JSON one.
        for method in [HTTPRequest.Method.get, .post] {
            group.on("**", method: method) { _, _ -> Response in throw WebError.notFound }
        }
    }
}
