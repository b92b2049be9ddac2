import IFlowCore
import Testing

@Suite("constantTimeEquals")
struct ConstantTimeTests {
    @Test(
        "equal only when every byte is equal, whatever the lengths",
        arguments: [
            ("", "", true),
            ("a3f9", "a3f9", true),
            ("ană", "ană", true),
            ("a3f9", "a3f8", false),
            ("a3f9", "b3f9", false),
            ("a3f9", "a3f", false),
            ("a3f", "a3f9", false),
            ("", "a", false),
            // The same text in two normalisations: equal as Swift strings, not as bytes.
            ("\u{e9}", "e\u{301}", false),
        ])
    func equality(_ a: String, _ b: String, _ expected: Bool) {
        // MUT, validation
        #expect(constantTimeEquals(a, b) == expected)
        #expect(constantTimeEquals(b, a) == expected)
    }
}
