import Hummingbird
import NIOCore

/// The list of a reply streamed a batch at a time (`{"api_reply":{…,"users":[…]}}`): each batch's elements are
/// encoded into one buffer that goes out before the next batch is computed, so memory holds a batch, not the reply.
struct StreamedList {
    private var buffer: ByteBuffer
    private var count = 0
    /// Bytes sent so far.
    private var sent = 0

    /// - Parameter head: The reply up to and including the list's `[`.
    init(head: ByteBuffer) {
        buffer = head
    }

    /// Appends `element` to the list, after a comma unless it is the first.
    mutating func append(_ element: some Encodable) throws {
        if count > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
        try APIJSONEncoder.encode(element, into: &buffer)
        count += 1
    }

    /// Sends what was appended since the last flush: the end of a batch.
    mutating func flush(to writer: inout any ResponseBodyWriter) async throws {
        sent += buffer.readableBytes
        try await writer.write(buffer)
        buffer.clear()
    }

    /// Closes the list and the reply's envelope (`]}}`) and finishes the body; after a whole company's reply, gives
    /// the memory its batches used back (``FreedMemory``), so the next large request does not grow the server from there.
    mutating func finish(_ writer: inout any ResponseBodyWriter) async throws {
        buffer.writeString("]}}")
        sent += buffer.readableBytes
        try await writer.write(buffer)
        try await writer.finish(nil)
        FreedMemory.release(after: sent)
    }
}
