/// A key chosen at run time, for the objects whose members depend on the request or on a list in IFlowCore (the
/// report's `totals` in the order asked for, an employee's text fields in `UserField`'s order).
struct ReplyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init(stringValue: String) {
        self.init(stringValue)
    }

    init?(intValue: Int) {
        nil
    }
}
