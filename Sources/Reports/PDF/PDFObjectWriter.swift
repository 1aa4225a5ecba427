import Foundation

/// Writes numbered PDF objects to a sink, remembering each object's byte offset, and finishes
/// the file with a classic cross-reference table and trailer.
///
/// Object numbers can be reserved before the object is written, so pages can point at a
/// parent, fonts and resources that are only serialised at the end.
final class PDFObjectWriter {
    private let sink: ByteSink
    private var offsets: [Int] = [0]
    private var scratch = ByteBuffer(capacity: 1024)
    private var compressed: [UInt8] = []
    private var digest = StreamDigest()

    /// Starts a PDF 1.7 file on `sink`.
    init(sink: ByteSink) throws {
        self.sink = sink
        // The second line is the binary marker (≥ 4 bytes above 127) that tells transfer tools
        // the file is binary; PDF/A requires it.
        try emit(Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Reserves the next object number.
    func reserve() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    /// Writes `id 0 obj <body> endobj`.
    func writeObject(_ id: Int, _ body: String) throws {
        scratch.removeAll()
        scratch.append(body)
        try writeObject(id, buffer: scratch)
    }

    /// Writes an object whose body is already in a byte buffer.
    func writeObject(_ id: Int, buffer body: ByteBuffer) throws {
        try beginObject(id)
        try emit(body.bytes)
        try emit(Array("\nendobj\n".utf8))
    }

    /// Writes a stream object. The data is Flate-compressed when `compress` is true;
    /// `extraEntries` are added to the stream dictionary (for example `/Length1 1234`).
    func writeStream(_ id: Int, data: [UInt8], extraEntries: String = "", compress: Bool = true) throws {
        let payload: [UInt8]
        if compress {
            try Zlib.compress(data, into: &compressed)
            payload = compressed
        } else {
            payload = data
        }
        try beginObject(id)
        var header = "<< /Length \(payload.count)"
        if compress { header += " /Filter /FlateDecode" }
        if !extraEntries.isEmpty { header += " " + extraEntries }
        header += " >>\nstream\n"
        try emit(Array(header.utf8))
        try emit(payload)
        try emit(Array("\nendstream\nendobj\n".utf8))
    }

    /// Writes the xref table and trailer. Every reserved object must have been written.
    func finish(root: Int, info: Int) throws {
        if let missing = offsets.indices.dropFirst().first(where: { offsets[$0] < 0 }) {
            throw PDFRenderError.internalInconsistency("object \(missing) was reserved but never written")
        }
        let fileID = digest.hexDigest
        let xrefOffset = sink.bytesWritten
        var table = ByteBuffer(capacity: 64 + offsets.count * 20)
        table.append("xref\n0 \(offsets.count)\n0000000000 65535 f \n")
        for offset in offsets.dropFirst() {
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, " \n".
            table.append(zeroPadded: offset, width: 10)
            table.append(" 00000 n \n")
        }
        table.append("trailer\n<< /Size \(offsets.count) /Root \(root) 0 R /Info \(info) 0 R ")
        table.append("/ID [<\(fileID)> <\(fileID)>] >>\nstartxref\n\(xrefOffset)\n%%EOF\n")
        try sink.write(table.bytes)
    }

    private func beginObject(_ id: Int) throws {
        guard id > 0, id < offsets.count, offsets[id] < 0 else {
            throw PDFRenderError.internalInconsistency("object \(id) written twice or never reserved")
        }
        offsets[id] = sink.bytesWritten
        try emit(Array("\(id) 0 obj\n".utf8))
    }

    private func emit(_ bytes: [UInt8]) throws {
        digest.update(bytes)
        try sink.write(bytes)
    }
}

/// A 128-bit digest (two independent FNV-1a 64 lanes) of everything written before the
/// trailer, used as the file /ID: identical content gives an identical ID, so output stays
/// reproducible without a crypto library.
struct StreamDigest {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x6c62_272e_07bb_0142

    /// Folds bytes into the digest.
    mutating func update(_ bytes: [UInt8]) {
        var a = first, b = second
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        first = a
        second = b ^ UInt64(bytes.count)
    }

    /// 32 uppercase hex digits.
    var hexDigest: String {
        var buffer = ByteBuffer(capacity: 32)
        for lane in [first, second] {
            for shift in stride(from: 48, through: 0, by: -16) {
                buffer.append(hex16: UInt16(truncatingIfNeeded: lane >> UInt64(shift)))
            }
        }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
