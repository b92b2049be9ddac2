import Foundation
import ZIPFoundation

extension XlsxWorkbook {
    /// The zip's entries carry this date (1980-01-01, the earliest a zip holds) instead of the time of the request, so
    /// the same sheet gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The `.xlsx` file: every part deflated into a zip built in memory, never on disk.
    func archive() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.count), modificationDate: Self.entryDate, compressionMethod: .deflate
            ) { position, size in
                try Self.bytes(of: part.segments, from: Int(position), count: size)
            }
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return data
    }

    /// `count` bytes from `start` of the segments taken as one run, for the archive's reads of a part in chunks.
    private static func bytes(of segments: [Part.Segment], from start: Int, count: Int) throws -> Data {
        var data = Data(capacity: count)
        var offset = 0
        for segment in segments {
            let lower = max(start, offset)
            let upper = min(start + count, offset + segment.count)
            if lower < upper {
                switch segment {
                case .bytes(let bytes): data.append(contentsOf: bytes[(lower - offset)..<(upper - offset)])
                case .file(let file): data.append(contentsOf: try file.bytes(at: lower - offset, count: upper - lower))
                }
            }
            offset += segment.count
            if offset >= start + count { break }
        }
        return data
    }
}
