import Hummingbird
import NIOCore

extension Request {
    /// The request's fields: a GET's from its query string, whose body is not read; any other's from its body, of a
    /// media type `FormFields` reads, at most `maxBodyBytes` long.
    ///
    /// - Throws: 415 for another media type (refused unread, rather than read as a form it is not), 413 for a longer
    ///   body, `FormFields.DecodingError` for one that does not decode.
    func formFields(maxBodyBytes: Int, limits: FormFields.Limits) async throws -> FormFields {
        if method == .get { return try queryFields(limits: limits) }
        guard FormFields.isSupported(contentType: headers[.contentType]) else { throw HTTPError(.unsupportedMediaType) }
        let body: ByteBuffer
        do {
            body = try await self.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
        return try FormFields.decode(body: body, contentType: headers[.contentType], limits: limits)
    }

    /// The query string's fields, read as a urlencoded form.
    func queryFields(limits: FormFields.Limits) throws(FormFields.DecodingError) -> FormFields {
        try FormFields.decode(body: ByteBuffer(string: uri.query ?? ""), contentType: "application/x-www-form-urlencoded", limits: limits)
    }
}
