import SQLKit

/// `CAST(value AS "type")`.
struct SQLCast: SQLExpression {
    var value: any SQLExpression
    var type: String

    init(_ value: any SQLExpression, as type: String) {
        self.value = value
        self.type = type
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("CAST(")
        value.serialize(to: &serializer)
        serializer.write(" AS ")
        SQLIdentifier(type).serialize(to: &serializer)
        serializer.write(")")
    }
}
