import Hummingbird
import IFlowStore
import Logging
import ServiceLifecycle

/// Builds the whole server from its arguments: storage, migrations, routes and background services.
public func buildApplication(_ arguments: some AppArguments) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "iflow")
    logger.logLevel = arguments.logLevel
    // Before the store and the router: their metric handles are made when they are.
    let registry = arguments.metricsPort.map { _ in ServerMetrics.bootstrap() }
    let store = try Store(location: arguments.database, poolSize: arguments.poolSize, keyring: arguments.dataKeyring(), logger: logger)
    try await store.migrate()
    var limits = RequestLimits()
    limits.rate = arguments.rateLimit
    var app = makeApplication(store: store, host: arguments.host, port: arguments.port, limits: limits, logger: logger, web: arguments.web)
    if let registry, let metricsPort = arguments.metricsPort {
        app.addServices(buildMetricsApplication(registry: registry, host: arguments.host, port: metricsPort, logger: logger))
    }
    return app
}

/// Builds the server on a store that is already migrated.
public func buildApplication(
    store: Store, host: String = "127.0.0.1", port: Int = 8080, limits: RequestLimits = .init(), logger: Logger, web: WebOptions = .init()
) -> some ApplicationProtocol {
    makeApplication(store: store, host: host, port: port, limits: limits, logger: logger, web: web)
}

/// The application with its concrete type, so that services can still be added.
func makeApplication(
    store: Store, host: String, port: Int, limits: RequestLimits, logger: Logger, web: WebOptions
) -> Application<RouterResponder<AppRequestContext>> {
    let keyUse = KeyUseRecorder(store: store, logger: logger)
    let router = buildRouter(store: store, keyUse: keyUse, limits: limits, web: web)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(host, port: port), serverName: "iflow"),
        logger: logger
    )
    // Services stop in reverse order: the key-use recorder flushes before the store closes.
    app.addServices(StoreService(store: store), keyUse)
    return app
}

/// The routes: health, the OpenAPI document, the API under `/api/api_v2` and its `/api_v2` alias, the badge
/// terminals' actions under `/api/` and `/`, and the web administration under `/admin`.
public func buildRouter(store: Store, keyUse: KeyUseRecorder, limits: RequestLimits = .init(), web: WebOptions = .init()) -> Router<AppRequestContext>
{
    let router = Router(context: AppRequestContext.self)
    let calculators = CalculatorCache()
    router.middlewares.add(RequestMetricsMiddleware(metrics: RequestMetrics(reports: reportPaths)))
    router.middlewares.add(RequestLogMiddleware())
    router.middlewares.add(ErrorEnvelopeMiddleware(getOnlyPaths: ["/", HealthController.path, "/" + OpenAPIController.path], limits: limits))
    // The front door leads people to the web administration, which sends them on to sign in.
    router.get("/") { _, _ in WebEnvironment.redirect(to: "/admin") }
    HealthController(store: store).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    let api = APIDispatcher(
        store: store, keyUse: keyUse, rateLimiter: RateLimiter(policy: limits.rate), limits: limits,
        endpoints: apiEndpoints(store: store, calculators: calculators)
    )
    for mountPoint in apiMountPoints {
        api.addRoutes(to: router.group(RouterPath(stringLiteral: mountPoint)))
    }
    TerminalDispatcher(
        store: store, keyUse: keyUse, rateLimiter: RateLimiter(policy: limits.rate), limits: limits,
        endpoints: TerminalController(store: store, calculators: calculators).endpoints
    ).addRoutes(to: router)
    WebAdmin(store: store, calculators: calculators, options: web).addRoutes(to: router)
    return router
}

/// Where the API actions are served: the original path and the alias the API document also uses.
let apiMountPoints = ["api/api_v2", "api_v2"]

/// The routes that are reports, by path, with the name `iflow_report_duration_seconds` gives them.
let reportPaths: [String: String] =
    Dictionary(uniqueKeysWithValues: apiMountPoints.map { ("/\($0)/user/get_work_schedule", "get_work_schedule") })
    .merging(["/admin/timesheet.csv": "timesheet_csv"]) { first, _ in first }

/// Every API action, `group/action` → handler; the dispatcher serves each under every mount point.
func apiEndpoints(store: Store, calculators: CalculatorCache = CalculatorCache()) -> [APIEndpoint] {
    UserController(store: store).endpoints
        + WorkScheduleController(store: store, calculators: calculators).endpoints
        + ScheduleController(store: store, calculators: calculators).endpoints
        + ComplianceController(store: store, calculators: calculators).endpoints
        + CalendarController().endpoints
        + AuditController(store: store).endpoints
        + MonthController(store: store, calculators: calculators).endpoints
        + AttendanceController(store: store, calculators: calculators).endpoints
        + UsersStatusController(store: store, calculators: calculators).endpoints
        + ReportController(store: store, calculators: calculators).endpoints
}
