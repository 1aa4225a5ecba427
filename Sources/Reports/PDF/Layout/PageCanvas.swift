import Foundation

/// An RGB colour with components in 0...1.
struct PDFColor: Equatable {
    var red: Double, green: Double, blue: Double

    static let black = PDFColor(red: 0, green: 0, blue: 0)
    static let white = PDFColor(red: 1, green: 1, blue: 1)
    static let text = PDFColor(red: 0.13, green: 0.13, blue: 0.15)
    static let muted = PDFColor(red: 0.42, green: 0.44, blue: 0.48)
    static let rule = PDFColor(red: 0.80, green: 0.82, blue: 0.85)
    static let headerFill = PDFColor(red: 0.88, green: 0.91, blue: 0.95)
    static let stripe = PDFColor(red: 0.965, green: 0.97, blue: 0.98)
    static let accent = PDFColor(red: 0.16, green: 0.36, blue: 0.62)

    /// Series colours, chosen to stay distinguishable in greyscale print.
    static let palette: [PDFColor] = [
        PDFColor(red: 0.16, green: 0.36, blue: 0.62), PDFColor(red: 0.91, green: 0.50, blue: 0.13),
        PDFColor(red: 0.30, green: 0.62, blue: 0.33), PDFColor(red: 0.80, green: 0.22, blue: 0.25),
        PDFColor(red: 0.55, green: 0.40, blue: 0.70), PDFColor(red: 0.55, green: 0.75, blue: 0.88),
        PDFColor(red: 0.96, green: 0.77, blue: 0.30), PDFColor(red: 0.45, green: 0.45, blue: 0.45),
    ]
}

/// Builds one page's content stream. In measuring mode (the first layout pass) every call
/// returns immediately, so pagination can be computed without producing bytes.
struct PageCanvas {
    /// The content stream bytes of the current page.
    private(set) var content = ByteBuffer(capacity: 64 * 1024)
    /// When false, drawing calls are ignored.
    let isRecording: Bool
    private var currentFont: ObjectIdentifier?
    private var currentSize = 0.0
    private var currentFill: PDFColor?
    private var currentStroke: PDFColor?
    private var currentLineWidth = -1.0

    init(isRecording: Bool) {
        self.isRecording = isRecording
    }

    /// Clears the page for reuse, keeping the buffer's storage.
    mutating func reset() {
        content.removeAll()
        currentFont = nil
        currentFill = nil
        currentStroke = nil
        currentLineWidth = -1
    }

    /// Shows one line of text with its baseline at (x, y).
    mutating func text(_ text: Substring, x: Double, y: Double, font: PDFFont, size: Double, color: PDFColor = .text) {
        guard isRecording, !text.isEmpty else { return }
        setFill(color)
        content.append("BT ")
        if currentFont != ObjectIdentifier(font) || currentSize != size {
            content.append(UInt8(ascii: "/"))
            content.append(font.resourceName)
            content.append(UInt8(ascii: " "))
            content.append(number: size)
            content.append(" Tf ")
            currentFont = ObjectIdentifier(font)
            currentSize = size
        }
        content.append(numbers: x, y)
        content.append("Td ")
        font.appendEncoded(text, into: &content)
        content.append(" Tj ET\n")
    }

    /// Fills a rectangle given by its lower-left corner.
    mutating func fillRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor) {
        guard isRecording else { return }
        setFill(color)
        content.append(numbers: x, y, width, height)
        content.append("re f\n")
    }

    /// Strokes a straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, color: PDFColor, width: Double = 0.5) {
        guard isRecording else { return }
        setStroke(color, width: width)
        content.append(numbers: x1, y1)
        content.append("m ")
        content.append(numbers: x2, y2)
        content.append("l S\n")
    }

    /// Starts a path at a point.
    mutating func move(to x: Double, _ y: Double) {
        guard isRecording else { return }
        content.append(numbers: x, y)
        content.append("m ")
    }

    /// Adds a straight segment to the path.
    mutating func addLine(to x: Double, _ y: Double) {
        guard isRecording else { return }
        content.append(numbers: x, y)
        content.append("l ")
    }

    /// Adds a cubic Bézier segment to the path.
    mutating func addCurve(_ c1x: Double, _ c1y: Double, _ c2x: Double, _ c2y: Double, to x: Double, _ y: Double) {
        guard isRecording else { return }
        content.append(numbers: c1x, c1y, c2x, c2y, x, y)
        content.append("c ")
    }

    /// Closes and fills the current path with the colour set by `useFill` before the path began
    /// (colour operators are not allowed inside a path).
    mutating func fillPath() {
        guard isRecording else { return }
        content.append("h f\n")
    }

    /// Closes, fills and strokes the current path (fill and stroke set before the path began).
    mutating func fillAndStrokePath() {
        guard isRecording else { return }
        content.append("b\n")
    }

    /// Strokes the current path with the stroke set by `useStroke` before the path began.
    mutating func strokePath() {
        guard isRecording else { return }
        content.append("S\n")
    }

    /// Sets the fill colour for following paths.
    mutating func useFill(_ color: PDFColor) {
        guard isRecording else { return }
        setFill(color)
    }

    /// Sets the stroke colour and width for following paths.
    mutating func useStroke(_ color: PDFColor, width: Double) {
        guard isRecording else { return }
        setStroke(color, width: width)
    }

    private mutating func setFill(_ color: PDFColor) {
        guard currentFill != color else { return }
        content.append(numbers: color.red, color.green, color.blue)
        content.append("rg ")
        currentFill = color
    }

    private mutating func setStroke(_ color: PDFColor, width: Double) {
        if currentStroke != color {
            content.append(numbers: color.red, color.green, color.blue)
            content.append("RG ")
            currentStroke = color
        }
        if currentLineWidth != width {
            content.append(number: width)
            content.append(" w ")
            currentLineWidth = width
        }
    }
}
