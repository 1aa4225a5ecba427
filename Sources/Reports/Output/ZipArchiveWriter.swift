import CZlibShim
import Foundation

/// Writes a ZIP archive (deflated entries, no ZIP64) to a byte sink, one entry at a time.
///
/// Entries carry a fixed DOS timestamp (from `SOURCE_DATE_EPOCH` or the given date), so the
/// same files give the same archive bytes.
public final class ZipArchiveWriter {
    private let sink: ByteSink
    private var central: [UInt8] = []
    private var entryCount = 0
    private var offset = 0
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// Starts an archive on `sink`; `date` stamps every entry.
    public init(sink: ByteSink, date: Date) {
        self.sink = sink
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        // DOS dates start in 1980.
        let year = max(1980, min(2107, c.year ?? 1980))
        dosDate = UInt16((year - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        dosTime = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
    }

    /// Adds one file. Throws when the archive would exceed the 4 GiB limit of plain ZIP.
    public func add(path: String, contents: [UInt8]) throws {
        let name = Array(path.utf8)
        let crc = contents.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let packed = try Self.deflateRaw(contents)
        let useDeflate = packed.count < contents.count
        let body = useDeflate ? packed : contents
        guard offset + body.count + name.count + 30 < Int(UInt32.max), entryCount < 65_535 else {
            throw ExportError.archiveTooLarge(path: path)
        }
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20); header.le16(0x0800); header.le16(useDeflate ? 8 : 0)
        header.le16(dosTime); header.le16(dosDate)
        header.le32(crc); header.le32(UInt32(body.count)); header.le32(UInt32(contents.count))
        header.le16(UInt16(name.count)); header.le16(0)
        header += name
        try sink.write(header)
        try sink.write(body)

        central.le32(0x0201_4B50)
        central.le16(0x0314); central.le16(20); central.le16(0x0800); central.le16(useDeflate ? 8 : 0)
        central.le16(dosTime); central.le16(dosDate)
        central.le32(crc); central.le32(UInt32(body.count)); central.le32(UInt32(contents.count))
        central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
        central.le32(0o100644 << 16); central.le32(UInt32(offset))
        central += name
        offset += header.count + body.count
        entryCount += 1
    }

    /// Writes the central directory; the archive is complete afterwards.
    public func finish() throws {
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0); end.le16(0); end.le16(UInt16(entryCount)); end.le16(UInt16(entryCount))
        end.le32(UInt32(central.count)); end.le32(UInt32(offset)); end.le16(0)
        try sink.write(central)
        try sink.write(end)
    }

    /// Raw DEFLATE (RFC 1951, window bits −15), as ZIP entries require.
    static func deflateRaw(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        let initStatus = deflateInit2_(&stream, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw ZlibError.failed(operation: "deflateInit2", status: initStatus) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ZlibError.failed(operation: "deflate", status: status) }
        return Array(output.prefix(Int(stream.total_out)))
    }
}

extension Array where Element == UInt8 {
    /// Appends a little-endian 16-bit value.
    mutating func le16(_ value: UInt16) { append(UInt8(value & 0xFF)); append(UInt8(value >> 8)) }
    /// Appends a little-endian 32-bit value.
    mutating func le32(_ value: UInt32) { le16(UInt16(value & 0xFFFF)); le16(UInt16(value >> 16)) }
}
