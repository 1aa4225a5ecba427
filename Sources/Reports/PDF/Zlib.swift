import CZlibShim
import Foundation

/// Errors from the zlib wrapper.
public enum ZlibError: Error, Equatable, CustomStringConvertible {
    /// zlib returned a non-OK status code.
    case failed(operation: String, status: Int32)
    /// The inflated data would exceed the caller's limit.
    case outputTooLarge(limit: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .failed(operation, status): return "zlib \(operation) failed with status \(status)"
        case let .outputTooLarge(limit): return "zlib inflate output exceeds \(limit) bytes"
        }
    }
}

/// zlib-format (RFC 1950) compression, which is what PDF's /FlateDecode expects.
public enum Zlib {
    /// Compresses `input` into a zlib stream with `compress2`, writing into `output` (replaced).
    /// Reusing `output` across calls avoids one allocation per page.
    public static func compress(_ input: [UInt8], into output: inout [UInt8], level: Int32 = 6) throws {
        var capacity = compressBound(uLong(input.count))
        // Growing by appending keeps the array's existing storage, so a reused buffer stops
        // allocating once it has seen the largest page.
        if output.count < Int(capacity) { output.append(contentsOf: repeatElement(0, count: Int(capacity) - output.count)) }
        let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
            input.withUnsafeBufferPointer { source in
                compress2(out.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { throw ZlibError.failed(operation: "compress2", status: status) }
        output.removeSubrange(Int(capacity)...)
    }

    /// Compresses `input` and returns a new zlib stream.
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var output: [UInt8] = []
        try compress(input, into: &output, level: level)
        return output
    }

    /// Inflates a zlib stream; refuses to produce more than `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int = 1 << 30) throws -> [UInt8] {
        var stream = z_stream()
        var status = inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ZlibError.failed(operation: "inflateInit", status: status) }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = input
        try source.withUnsafeMutableBufferPointer { sourcePointer in
            stream.next_in = sourcePointer.baseAddress
            stream.avail_in = uInt(sourcePointer.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw ZlibError.failed(operation: "inflate", status: status)
                }
                result.append(contentsOf: chunk[0..<produced])
                if result.count > limit { throw ZlibError.outputTooLarge(limit: limit) }
                if produced == 0 && status == Z_OK && stream.avail_in == 0 {
                    throw ZlibError.failed(operation: "inflate (truncated input)", status: Z_BUF_ERROR)
                }
            } while status != Z_STREAM_END
        }
        return result
    }
}
