import Foundation
import ZIPFoundation

/// Packs parts into a ZIP archive in the given order with one fixed time stamp, so the same
/// parts always give the same bytes.
enum DOCXZipWriter {
    /// Bytes handed to the deflater per call: large enough that a 10 MB part takes few calls.
    static let chunkSize = 1 << 18

    /// The finished archive. Every entry is deflated.
    static func archive(_ parts: [(path: String, bytes: [UInt8])], date: Date) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw DOCXError.packageFailed("cannot create an in-memory archive: \(error)")
        }
        for part in parts {
            do {
                try add(part.bytes, path: part.path, to: archive, date: date)
            } catch {
                throw DOCXError.packageFailed("cannot add \(part.path): \(error)")
            }
        }
        guard let data = archive.data else { throw DOCXError.packageFailed("the archive produced no data") }
        return data
    }

    /// Streams `bytes` into a deflated entry in chunks, without first copying them into `Data`.
    private static func add(_ bytes: [UInt8], path: String, to archive: Archive, date: Date) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(buffer.count), modificationDate: date,
                permissions: 0o644, compressionMethod: .deflate, bufferSize: chunkSize
            ) { position, size in
                let start = min(Int(position), buffer.count)
                let end = min(start + size, buffer.count)
                return Data(UnsafeBufferPointer(rebasing: buffer[start..<end]))
            }
        }
    }
}
